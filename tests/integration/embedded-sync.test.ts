import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogueSearchDocuments as source } from '~/catalogue/search-documents.server';
import { createLogger } from '~/lib/log.server';
import { createEmbeddedSync } from '~/search/sqlite/embedded-sync.server';
import { productsChanged, SEARCH_VERSION_KEY } from '~/search/sync.server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

let data: TestData;
beforeEach(() => {
  data = copyTemplateDatabase();
});
afterEach(async () => {
  await data.cleanup();
});

const log = createLogger('error');
const anyProduct = () =>
  data.db
    .selectFrom('products')
    .select(['id', 'price_vnd'])
    .where('status', '=', 'published')
    .orderBy('id')
    .executeTakeFirstOrThrow();
const indexedPrice = async (id: number) => {
  const row = await data.db
    .selectFrom('product_search')
    .select('price_vnd')
    .where('product_id', '=', id)
    .executeTakeFirst();
  return row?.price_vnd;
};
const searchVersion = async () =>
  (
    await data.db
      .selectFrom('app_meta')
      .select('value')
      .where('key', '=', SEARCH_VERSION_KEY)
      .executeTakeFirst()
  )?.value;

async function changePrice(id: number, price: number) {
  await data.db.transaction().execute(async (trx) => {
    await trx.updateTable('products').set({ price_vnd: price }).where('id', '=', id).execute();
    await productsChanged(trx, [id]);
  });
}

describe('the embedded index, fed from the outbox', () => {
  it('is not touched by the writing transaction, and is brought up to date by the drain', async () => {
    const product = await anyProduct();
    await changePrice(product.id, product.price_vnd + 1_000);
    expect(await indexedPrice(product.id)).toBe(product.price_vnd);
    const versionBefore = await searchVersion();

    const sync = createEmbeddedSync({ db: data.db, source, log });
    expect(await sync.drain()).toBe(1);
    expect(await indexedPrice(product.id)).toBe(product.price_vnd + 1_000);
    expect(await searchVersion()).not.toBe(versionBefore);
    expect(await sync.drain()).toBe(0);
  });

  it('does not wait for Meilisearch: rows it has not had (or failed on) are applied all the same', async () => {
    const product = await anyProduct();
    await changePrice(product.id, 777_000);
    await data.db
      .updateTable('search_outbox')
      .set({ attempts: 3, last_error: 'connect ECONNREFUSED' })
      .where('processed_at', 'is', null)
      .execute();
    await createEmbeddedSync({ db: data.db, source, log }).drain();
    expect(await indexedPrice(product.id)).toBe(777_000);
    const row = await data.db
      .selectFrom('search_outbox')
      .select(['processed_at', 'embedded_at', 'attempts'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.processed_at).toBeNull();
    expect(row.embedded_at).not.toBeNull();
    expect(row.attempts).toBe(3);
  });

  it('removes a product that is no longer visible', async () => {
    const product = await anyProduct();
    await data.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('products')
        .set({ status: 'archived' })
        .where('id', '=', product.id)
        .execute();
      await productsChanged(trx, [product.id]);
    });
    await createEmbeddedSync({ db: data.db, source, log }).drain();
    expect(await indexedPrice(product.id)).toBeUndefined();
  });

  it('runs in the background within a second of a change, until stopped', async () => {
    const product = await anyProduct();
    const sync = createEmbeddedSync({ db: data.db, source, log, pollMs: 50 });
    sync.start();
    try {
      await changePrice(product.id, 555_000);
      const deadline = Date.now() + 1_000;
      while ((await indexedPrice(product.id)) !== 555_000 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(await indexedPrice(product.id)).toBe(555_000);
    } finally {
      await sync.stop();
    }
  });

  it('lets two processes drain at once without applying a row twice or failing', async () => {
    const products = await data.db
      .selectFrom('products')
      .select('id')
      .where('status', '=', 'published')
      .limit(40)
      .execute();
    // 800 rows of one product each, so the two drains overlap for a while.
    for (let round = 0; round < 20; round++)
      await data.db.transaction().execute((trx) =>
        productsChanged(
          trx,
          products.map((p) => p.id),
        ),
      );
    // Another process (npm run worker next to the app) drains at the same time as this one.
    const other = promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'tests/helpers/drain-embedded.ts', data.databaseTarget, '1'],
      { encoding: 'utf8' },
    );
    await new Promise((r) => setTimeout(r, 500));
    const here = await createEmbeddedSync({ db: data.db, source, log, batchSize: 1 }).drain();
    const there = Number((await other).stdout);
    expect(here + there).toBe(800);
    const pending = await data.db
      .selectFrom('search_outbox')
      .select('id')
      .where('embedded_at', 'is', null)
      .execute();
    expect(pending).toEqual([]);
  });
});
