import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueSearchDocuments as source } from '~/catalogue/search-documents.server';
import { createLogger } from '~/lib/log.server';
import { createMeilisearchIndex } from '~/search/meilisearch/engine.server';
import { createOutboxWorker } from '~/search/meilisearch/outbox-worker.server';
import { createEmbeddedSearchIndex } from '~/search/embedded.server';
import { productsChanged } from '~/search/sync.server';
import { loadFoldedSynonyms } from '~/search/synonyms.server';
import { emptyQuery, type SearchIndex, type SearchQuery } from '~/search/types';
import { useTestMeilisearch } from '../helpers/meili';
import { refreshEmbeddedSearch } from '../helpers/search';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

/**
 * One behaviour suite, run against both engines over the demo catalogue. Writes go through the
 * catalogue's own path (`productsChanged` in a transaction); each engine is synced by draining the
 * outbox, exactly as the running app does (the embedded index by its own pass).
 */
interface EngineUnderTest {
  data: TestData;
  index: SearchIndex;
  sync(): Promise<void>;
}

const meili = useTestMeilisearch();
const engines: Record<'sqlite' | 'meilisearch', () => Promise<EngineUnderTest>> = {
  sqlite: async () => {
    const data = copyTemplateDatabase();
    return {
      data,
      index: createEmbeddedSearchIndex(data.db, loadFoldedSynonyms()),
      sync: async () => {
        await refreshEmbeddedSearch(data.db);
      },
    };
  },
  meilisearch: async () => {
    const data = copyTemplateDatabase();
    const index = createMeilisearchIndex({
      url: meili.server.url,
      apiKey: meili.server.apiKey,
      indexUid: meili.uniqueIndexUid(),
    });
    await index.ensureSettings();
    const worker = createOutboxWorker({
      db: data.db,
      index,
      source,
      log: createLogger('error'),
    });
    const sync = async () => {
      const result = await worker.drain();
      if (result.failed) throw new Error('outbox drain failed');
    };
    await sync();
    return { data, index, sync };
  },
};

describe.each(['sqlite', 'meilisearch'] as const)('%s engine', (engineName) => {
  let engine: EngineUnderTest;
  const search = (overrides: Partial<SearchQuery>) =>
    engine.index.search(emptyQuery({ perPage: 24, ...overrides }));
  const productBySlug = (slug: string) =>
    engine.data.db
      .selectFrom('products')
      .selectAll()
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
  async function change(slug: string, set: Record<string, unknown>) {
    const product = await productBySlug(slug);
    await engine.data.db.transaction().execute(async (trx) => {
      await trx.updateTable('products').set(set).where('id', '=', product.id).execute();
      await productsChanged(trx, [product.id]);
    });
    await engine.sync();
    return product;
  }

  beforeAll(async () => {
    engine = await engines[engineName]();
  });
  afterAll(async () => {
    await engine?.data.cleanup();
  });

  it('folds case, tone marks and đ', async () => {
    expect((await search({ q: 'mien dong' })).hits[0]?.name).toMatch(/^Miến dong/);
    expect((await search({ q: 'GAO SENG CU' })).hits[0]?.name).toMatch(/Gạo séng cù/);
    const sugar = await search({ q: 'duong phen' });
    expect(sugar.hits.map((h) => h.slug)).toContain('o-mai-man-tam-hoa');
  });

  it('matches the last word as a prefix while typing', async () => {
    expect((await search({ q: 'che sh' })).hits[0]?.name).toMatch(/^Chè Shan/);
    expect((await search({ q: 'thao qu' })).hits.map((h) => h.slug)).toContain(
      'thao-qua-kho-sin-ho',
    );
  });

  it('uses the shared synonyms (trà → chè, sơn tra → táo mèo)', async () => {
    expect((await search({ q: 'tra tan cuong' })).hits.slice(0, 5).map((h) => h.slug)).toContain(
      'che-tan-cuong-dac-biet',
    );
    expect((await search({ q: 'son tra' })).hits.slice(0, 5).map((h) => h.slug)).toContain(
      'ruou-tao-meo-bac-ha',
    );
  });

  it('finds products by the names places had before the 2025 merger', async () => {
    const yenBai = await search({ q: 'yen bai', perPage: 100 });
    expect(yenBai.hits.map((h) => h.slug)).toContain('che-shan-tuyet-co-thu-suoi-giang');
    expect(yenBai.hits.every((h) => h.provinceCode === '15')).toBe(true);
    expect((await search({ q: 'bac kan', perPage: 100 })).hits.map((h) => h.slug)).toContain(
      'mien-dong-con-minh',
    );
  });

  it('typo tolerance', async () => {
    // Both engines: one typo from 4 letters (app/search/typo.ts).
    const result = await search({ q: 'mienn' });
    expect(result.hits[0]?.name).toMatch(/^Miến/);
    expect((await search({ q: 'mie' })).total).toBeGreaterThan(0);
    expect((await search({ q: 'xyzq' })).total).toBe(0);
  });

  it('counts facets for the query and the other filters', async () => {
    const all = await search({ perPage: 1 });
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    expect(all.total).toBe(92 - 0);
    expect(sum(all.facets.province)).toBe(all.total);
    expect(sum(all.facets.group)).toBe(all.total);
    expect(sum(all.facets.price)).toBe(all.total);
    const teaInLaoCai = await search({ q: 'che', provinceCodes: ['15'] });
    expect(teaInLaoCai.facets.province['15']).toBe(teaInLaoCai.total);
    expect(Object.keys(teaInLaoCai.facets.province).length).toBeGreaterThan(1);
  });

  it('filters by province, group, stars, price and stock', async () => {
    const result = await search({
      provinceCodes: ['11'],
      groups: ['food'],
      stars: [3, 4],
      minPriceVnd: 50_000,
      maxPriceVnd: 200_000,
      inStockOnly: true,
      perPage: 100,
    });
    expect(result.total).toBeGreaterThan(0);
    for (const hit of result.hits) {
      expect(hit).toMatchObject({ provinceCode: '11', group: 'food', inStock: true });
      expect([3, 4]).toContain(hit.ocopStars);
      expect(hit.priceVnd).toBeGreaterThanOrEqual(50_000);
      expect(hit.priceVnd).toBeLessThanOrEqual(200_000);
    }
  });

  it('sorts by price both ways, newest and stars', async () => {
    const prices = (await search({ sort: 'price_asc', perPage: 100 })).hits.map((h) => h.priceVnd);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const desc = (await search({ sort: 'price_desc', perPage: 100 })).hits.map((h) => h.priceVnd);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const dates = (await search({ sort: 'newest', perPage: 100 })).hits.map((h) => h.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const stars = (await search({ sort: 'stars', perPage: 100 })).hits.map((h) => h.ocopStars ?? 0);
    expect(stars).toEqual([...stars].sort((a, b) => b - a));
  });

  it('pages through every product exactly once', async () => {
    const seen: number[] = [];
    for (let page = 1; page <= 4; page++)
      seen.push(...(await search({ sort: 'price_asc', page, perPage: 25 })).hits.map((h) => h.id));
    expect(seen).toHaveLength(92);
    expect(new Set(seen).size).toBe(92);
  });

  it('hides a product sent back to draft and shows it again when published', async () => {
    await change('ruou-san-lung', { status: 'draft' });
    expect((await search({ q: 'ruou san lung' })).hits.map((h) => h.slug)).not.toContain(
      'ruou-san-lung',
    );
    await change('ruou-san-lung', { status: 'published' });
    expect((await search({ q: 'ruou san lung' })).hits[0]?.slug).toBe('ruou-san-lung');
  });

  it('reflects price and stock changes', async () => {
    await change('hat-doi-rung-dien-bien', { price_vnd: 123_000, stock: 0 });
    const hit = (await search({ q: 'hat doi rung' })).hits.find(
      (h) => h.slug === 'hat-doi-rung-dien-bien',
    );
    expect(hit).toMatchObject({ priceVnd: 123_000, stock: 0, inStock: false });
    const inStock = await search({ q: 'hat doi rung', inStockOnly: true });
    expect(inStock.hits.map((h) => h.slug)).not.toContain('hat-doi-rung-dien-bien');
  });

  it('forgets a deleted product', async () => {
    const product = await productBySlug('banh-gai-cho-moi');
    await engine.data.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('products').where('id', '=', product.id).execute();
      await productsChanged(trx, [product.id]);
    });
    await engine.sync();
    expect((await search({ q: 'banh gai' })).hits.map((h) => h.slug)).not.toContain(
      'banh-gai-cho-moi',
    );
  });
});
