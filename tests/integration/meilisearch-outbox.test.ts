import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '~db/connection.server';
import { migrateToLatest } from '~db/migrate.server';
import { seedDatabase } from '~/catalogue/seed.server';
import type { Logger } from '~/lib/log.server';
import {
  catalogueSearchDocuments as source,
  listIndexableProductIds,
  loadSearchDocuments,
} from '~/catalogue/search-documents.server';
import { fromMeiliHit, SEARCH_DOCUMENT_FIELDS } from '~/search/meilisearch/documents';
import { createMeilisearchIndex, type MeilisearchIndex } from '~/search/meilisearch/engine.server';
import {
  backoffDelayMs,
  createOutboxWorker,
  outboxStatus,
  pruneProcessedOutbox,
} from '~/search/meilisearch/outbox-worker.server';
import { rebuildMeilisearchIndex } from '~/search/meilisearch/reindex.server';
import { productsChanged } from '~/search/sync.server';
import type { SearchDocument } from '~/search/types';
import { useTestMeilisearch } from '../helpers/meili';
import { refreshEmbeddedSearch } from '../helpers/search';
import { first } from '../helpers/test-db';

const meili = useTestMeilisearch();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-outbox-'));
const { db } = openDatabase(path.join(dir, 'test.sqlite'));
let index: MeilisearchIndex;
let clock = new Date('2026-01-01T00:00:00.000Z');
const lines: Array<{ level: string; msg: string }> = [];
const log: Logger = {
  debug: (msg) => lines.push({ level: 'debug', msg }),
  info: (msg) => lines.push({ level: 'info', msg }),
  warn: (msg) => lines.push({ level: 'warn', msg }),
  error: (msg) => lines.push({ level: 'error', msg }),
};

let batch = 0;
async function addProducts(count: number): Promise<number[]> {
  const at = clock.toISOString();
  const prefix = `b${++batch}`;
  return db.transaction().execute(async (trx) => {
    const org = await trx
      .insertInto('organizations')
      .values({
        slug: `htx-${prefix}`,
        name: 'HTX Nông sản Bát Xát',
        kind: 'cooperative',
        province_code: '15',
        commune_code: null,
        address_line: 'Thôn 1',
        phone: '0912345678',
        tax_code: null,
        description: '',
        logo_key: null,
        verification_state: 'approved',
        rejection_reason: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const row = await trx
        .insertInto('products')
        .values({
          organization_id: org.id,
          slug: `gao-do-${prefix}-${i}`,
          name: `Gạo đỏ số ${i}`,
          name_key: `gao do so ${i}`,
          description: 'Gạo nương',
          ocop_group: 'food',
          category: 'Gạo',
          unit: 'kg',
          net_quantity: '1 kg',
          weight_g: 1000,
          price_vnd: 50_000 + i * 1_000,
          stock: 10,
          gtin: null,
          status: i % 10 === 9 ? 'draft' : 'published',
          rejection_reason: null,
          origin_commune_code: null,
          created_at: at,
          updated_at: at,
          published_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    await productsChanged(trx, ids, clock);
    return ids;
  });
}

async function indexedDocuments(): Promise<SearchDocument[]> {
  const { results } = await index.client
    .index(index.indexUid)
    .getDocuments({ limit: 10_000, fields: SEARCH_DOCUMENT_FIELDS });
  return results.map((hit) => fromMeiliHit(hit)).sort((a, b) => a.id - b.id);
}

async function databaseDocuments(database: DB): Promise<SearchDocument[]> {
  const documents = await loadSearchDocuments(database, await listIndexableProductIds(database));
  return [...documents.values()].sort((a, b) => a.id - b.id);
}

beforeAll(async () => {
  await migrateToLatest(db);
  await seedDatabase(db, {
    demo: false,
    uploadsDir: path.join(dir, 'uploads'),
    seedsDir: path.resolve('seeds'),
  });
  index = createMeilisearchIndex({
    url: meili.server.url,
    apiKey: meili.server.apiKey,
    indexUid: meili.uniqueIndexUid(),
    // Generous: on a loaded 2-core machine Meilisearch takes seconds per task (this is a wait, not a timing check).
    taskTimeoutMs: 60_000,
  });
  await index.ensureSettings();
});

afterAll(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backoffDelayMs', () => {
  it('doubles from one second, keeps jitter between half and full, and caps at five minutes', () => {
    expect(backoffDelayMs(1, () => 1)).toBe(1_000);
    expect(backoffDelayMs(1, () => 0)).toBe(500);
    expect(backoffDelayMs(4, () => 1)).toBe(8_000);
    expect(backoffDelayMs(30, () => 1)).toBe(300_000);
    expect(backoffDelayMs(30, () => 0)).toBe(150_000);
    expect(backoffDelayMs(0, () => 1)).toBe(1_000);
  });
});

describe('the outbox worker', () => {
  it('loses no change made while Meilisearch was down', async () => {
    const worker = createOutboxWorker({
      db,
      index,
      source,
      log,
      batchSize: 50,
      now: () => clock,
      random: () => 1,
    });
    const ids = await addProducts(130);
    expect(await worker.drain()).toEqual({ processed: 130, failed: 0 });
    expect(await indexedDocuments()).toEqual(await databaseDocuments(db));

    await meili.server.stop();
    const changed = ids.slice(0, 100);
    await db.transaction().execute(async (trx) => {
      for (const [n, id] of changed.entries()) {
        if (n < 60)
          await trx
            .updateTable('products')
            .set({ price_vnd: 200_000 + n })
            .where('id', '=', id)
            .execute();
        else if (n < 80)
          await trx.updateTable('products').set({ stock: 0 }).where('id', '=', id).execute();
        else if (n < 90)
          await trx
            .updateTable('products')
            .set({ status: n % 2 ? 'archived' : 'published' })
            .where('id', '=', id)
            .execute();
        else await trx.deleteFrom('products').where('id', '=', id).execute();
      }
      await productsChanged(trx, changed, clock);
    });

    expect(await worker.drain()).toEqual({ processed: 0, failed: 50 });
    expect(await worker.drain()).toEqual({ processed: 0, failed: 50 });
    const status = await outboxStatus(db);
    expect(status).toMatchObject({ pending: 100, failing: 100 });
    expect(status.lastError).toMatch(/ECONNREFUSED/);
    const row = await db
      .selectFrom('search_outbox')
      .selectAll()
      .where('processed_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect(row.next_attempt_at).toBe(new Date(clock.getTime() + 1_000).toISOString());
    // Nothing is due before the backoff ends.
    expect(await worker.drain()).toEqual({ processed: 0, failed: 0 });

    await meili.server.restart();
    clock = new Date(clock.getTime() + 60_000);
    expect(await worker.drain()).toEqual({ processed: 100, failed: 0 });
    expect(await outboxStatus(db)).toEqual({
      pending: 0,
      failing: 0,
      oldestPendingAt: null,
      lastError: null,
    });
    const indexed = await indexedDocuments();
    expect(indexed).toEqual(await databaseDocuments(db));
    // 117 published (every tenth is a draft) − 4 archived − 9 deleted while it was down.
    expect(indexed.length).toBe(104);

    // One line when it started failing and one when it recovered, not one per failed batch.
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);
    expect(lines.filter((l) => l.msg.startsWith('search sync recovered'))).toHaveLength(1);
  });

  it('runs in the background until stopped', async () => {
    const worker = createOutboxWorker({
      db,
      index,
      source,
      log,
      pollMs: 20,
      now: () => clock,
    });
    worker.start();
    const id = first(await addProducts(1));
    const deadline = Date.now() + 10_000;
    while ((await outboxStatus(db)).pending > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect((await index.client.index(index.indexUid).getDocument(id)).name).toBe('Gạo đỏ số 0');
  });

  it('prunes rows both indexes have had, after the retention period only', async () => {
    expect(await pruneProcessedOutbox(db, 7, clock)).toBe(0);
    const later = new Date(clock.getTime() + 8 * 86_400_000);
    // Meilisearch has every row, the embedded index none yet: nothing may go.
    expect(await pruneProcessedOutbox(db, 7, later)).toBe(0);
    await refreshEmbeddedSearch(db);
    const removed = await pruneProcessedOutbox(db, 7, later);
    expect(removed).toBeGreaterThan(0);
    expect(await db.selectFrom('search_outbox').selectAll().execute()).toEqual([]);
  });
});

describe('rebuildMeilisearchIndex', () => {
  it('rebuilds from the database into a new index and swaps it in', async () => {
    await index.upsert([{ ...first(await databaseDocuments(db)), name: 'Stale copy' }]);
    const result = await rebuildMeilisearchIndex(db, index, source, clock);
    expect(result.indexUid).toMatch(new RegExp(`^${index.indexUid}_\\d{17}$`));
    expect(await indexedDocuments()).toEqual(await databaseDocuments(db));
    const uids = (await index.client.getIndexes({ limit: 100 })).results.map((i) => i.uid);
    expect(uids).not.toContain(result.indexUid);
  });
});
