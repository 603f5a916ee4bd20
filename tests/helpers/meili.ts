import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import {
  startManagedMeilisearch,
  type ManagedMeilisearch,
} from '~/search/meilisearch/process.server';
import type { SearchDocument } from '~/search/types';

export interface TestMeilisearch {
  server: ManagedMeilisearch;
  dataDir: string;
  /** A fresh index uid per test, so tests in one file do not see each other's documents. */
  uniqueIndexUid(prefix?: string): string;
}

/**
 * Starts one real Meilisearch (the pinned binary) for the calling test file in a temporary directory
 * and stops it afterwards. Read the returned object inside tests or hooks, not at import time.
 */
export function useTestMeilisearch(): TestMeilisearch {
  const state = {} as TestMeilisearch;
  let counter = 0;
  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-meili-'));
    state.dataDir = dataDir;
    state.server = await startManagedMeilisearch({
      dataDir,
      logDir: path.join(dataDir, 'logs'),
      keyFile: path.join(dataDir, 'meili-master.key'),
      maxIndexingThreads: 1,
    });
    state.uniqueIndexUid = (prefix = 'products') => `${prefix}_t${process.pid}_${++counter}`;
  });
  afterAll(async () => {
    await state.server?.stop();
    if (state.dataDir) fs.rmSync(state.dataDir, { recursive: true, force: true });
  });
  return state;
}

let nextId = 1;

/** A hand-made SearchDocument; pass what the test is about, the rest is plausible filler. */
export function searchDocument(overrides: Partial<SearchDocument> = {}): SearchDocument {
  const id = overrides.id ?? nextId++;
  return {
    id,
    slug: `san-pham-${id}`,
    name: `Sản phẩm ${id}`,
    description: 'Hàng tuyển chọn kỹ.',
    category: 'Đặc sản',
    group: 'food',
    unit: 'gói',
    priceVnd: 100_000,
    stock: 10,
    inStock: (overrides.stock ?? 10) > 0,
    ocopStars: null,
    certifications: [],
    cooperativeId: 1,
    cooperativeSlug: 'htx-mau',
    cooperativeName: 'HTX Mẫu',
    provinceCode: '12',
    provinceSlug: 'lai-chau',
    provinceName: 'Lai Châu',
    communeCode: null,
    communeName: null,
    formerPlaceNames: [],
    imageUrl: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}
