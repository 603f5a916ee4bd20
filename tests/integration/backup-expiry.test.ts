import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '~db/connection.server';
import { refreshLapsedBadges } from '~/catalogue/ocop-expiry.server';
import { createSqliteSearchIndex } from '~/search/sqlite/engine.server';
import { loadFoldedSynonyms } from '~/search/synonyms.server';
import { emptyQuery } from '~/search/types';
import { refreshEmbeddedSearch } from '../helpers/search';
import { copyTemplateDatabase, first, type TestData } from '../helpers/test-db';

let data: TestData;
beforeEach(() => {
  data = copyTemplateDatabase();
});
afterEach(async () => {
  await data.cleanup();
});

describe('npm run backup', () => {
  it('writes a consistent, openable copy of the live database and refuses to overwrite', () => {
    const target = path.join(data.dataDir, 'backups', 'copy.sqlite');
    const env = { ...process.env, DATA_DIR: data.dataDir };
    const output = execFileSync('npx', ['tsx', 'scripts/backup.ts', target], {
      env,
      encoding: 'utf8',
    });
    expect(output).toContain('Backed up');
    const copy = openDatabase(target);
    const count = copy.sqlite.prepare('select count(*) as n from products').get() as { n: number };
    expect(count.n).toBe(92);
    expect(
      (copy.sqlite.prepare('pragma integrity_check').get() as { integrity_check: string })
        .integrity_check,
    ).toBe('ok');
    copy.sqlite.close();
    let status = 0;
    try {
      execFileSync('npx', ['tsx', 'scripts/backup.ts', target], {
        env,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(2);
    expect(fs.statSync(target).size).toBeGreaterThan(0);
  });
});

describe('OCOP badges that lapse', () => {
  it('drop out of the index by themselves once the certificate expires', async () => {
    const engine = createSqliteSearchIndex(data.db, loadFoldedSynonyms(), { facetCacheSize: 0 });
    const before = await engine.search(emptyQuery({ stars: [5], perPage: 100 }));
    expect(before.total).toBeGreaterThan(0);
    const slug = first(before.hits).slug;
    const product = await data.db
      .selectFrom('products')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    await data.db
      .updateTable('ocop_certificates')
      .set({ expires_on: '2026-01-01' })
      .where('product_id', '=', product.id)
      .execute();
    expect(await refreshLapsedBadges(data.db, '2026-11-22')).toBe(1);
    await refreshEmbeddedSearch(data.db);
    const after = await engine.search(emptyQuery({ stars: [5], perPage: 100 }));
    expect(after.hits.map((h) => h.slug)).not.toContain(slug);
    expect(await refreshLapsedBadges(data.db, '2026-11-22')).toBe(0);
  });
});
