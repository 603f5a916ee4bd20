import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productsChanged } from '~/search/sync.server';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// The app with its managed Meilisearch: kill Meilisearch while the app runs, keep searching, change
// products meanwhile, and check that nothing is lost once the app has restarted it.
let data: TestData;
let server: TestServer;

beforeAll(async () => {
  data = copyTemplateDatabase();
  server = await startTestServer({
    dataDir: data.dataDir,
    env: { SEARCH_ENGINE: 'meilisearch', LOG_LEVEL: 'info' },
  });
});
afterAll(async () => {
  await server?.stop();
  await data?.cleanup();
});

const search = async (q: string) => {
  const response = await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}&per_page=5`);
  return {
    engine: response.headers.get('x-search-engine'),
    body: (await response.json()) as { hits: Array<{ slug: string; price_vnd: number }> },
  };
};
const health = async () =>
  (await (await fetch(`${server.url}/healthz`)).json()) as {
    status: string;
    search: { engine: string; sync: { pending: number } };
  };
async function eventually<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('when Meilisearch dies', () => {
  it('answers from Meilisearch while it runs', async () => {
    const { engine, body } = await eventually(
      () => search('mien dong'),
      (r) => r.engine === 'meilisearch',
    );
    expect(engine).toBe('meilisearch');
    expect(body.hits[0]?.slug).toMatch(/mien-dong/);
    expect((await health()).status).toBe('ok');
  });

  it('keeps searching from SQLite, says so, loses no update and returns to Meilisearch', async () => {
    const instance = JSON.parse(
      fs.readFileSync(path.join(data.dataDir, 'meili-instance.json'), 'utf8'),
    ) as { pid: number };
    process.kill(instance.pid, 'SIGKILL');

    // Another spelling of the same words: 'mien dong' itself may be answered from the page cache
    // (server/response-cache.ts), which is keyed on the engine only once a search has found it down.
    const degraded = await search('miến dong');
    expect(degraded.engine).toBe('sqlite');
    expect(degraded.body.hits[0]?.slug).toMatch(/mien-dong/);
    expect(['degraded', 'ok']).toContain((await health()).status);

    // 100 price changes written the way the catalogue writes them, while Meilisearch is down.
    const products = await data.db
      .selectFrom('products')
      .select(['id', 'price_vnd'])
      .orderBy('id')
      .limit(100)
      .execute();
    await data.db.transaction().execute(async (trx) => {
      for (const p of products)
        await trx
          .updateTable('products')
          .set({ price_vnd: p.price_vnd + 1000 })
          .where('id', '=', p.id)
          .execute();
      await productsChanged(
        trx,
        products.map((p) => p.id),
      );
    });

    const back = await eventually(
      () => search('mien dong con minh'),
      (r) => r.engine === 'meilisearch',
    );
    expect(back.engine).toBe('meilisearch');
    const drained = await eventually(health, (h) => h.search.sync.pending === 0);
    expect(drained.search.sync.pending).toBe(0);
    expect(drained.status).toBe('ok');
    expect(server.output()).toMatch(/search degraded/);
    expect(server.output()).toMatch(/Meilisearch restarted/);

    const expected = new Map(products.map((p) => [p.id, p.price_vnd + 1000]));
    const all = (await (
      await fetch(`${server.url}/api/search?per_page=100&sort=price_asc`)
    ).json()) as { total: number; hits: Array<{ id: number; price_vnd: number }> };
    expect(all.total).toBe(92);
    for (const hit of all.hits)
      if (expected.has(hit.id)) expect(hit.price_vnd).toBe(expected.get(hit.id));
  });
});
