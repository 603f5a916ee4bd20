import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteSearchIndex } from '~/search/sqlite/engine.server';
import { loadFoldedSynonyms } from '~/search/synonyms.server';
import { emptyQuery, type SearchIndex, type SearchQuery } from '~/search/types';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// Bounded relevance ranking (decision 018) on the demo catalogue, with bounds small enough to matter.
let data: TestData;
let exact: SearchIndex;
let bounded: SearchIndex;
const BOUND = 6;
const CANDIDATES = 4;

beforeAll(() => {
  data = copyTemplateDatabase();
  exact = createSqliteSearchIndex(data.db, loadFoldedSynonyms(), { rankAllUpTo: 1_000_000 });
  bounded = createSqliteSearchIndex(data.db, loadFoldedSynonyms(), {
    rankAllUpTo: BOUND,
    rankedCandidates: CANDIDATES,
  });
});
afterAll(() => data.cleanup());

const ids = async (index: SearchIndex, query: Partial<SearchQuery>) => {
  const result = await index.search(emptyQuery({ perPage: 500, ...query }));
  return { total: result.total, ids: result.hits.map((h) => h.id), facets: result.facets };
};

describe('bounded relevance ranking', () => {
  it('ranks the newest matches exactly as the full ranking would, then lists the rest newest first', async () => {
    for (const q of ['che', 'mat ong', 'gao']) {
      const all = await ids(exact, { q });
      expect(all.total, q).toBeGreaterThan(BOUND);
      const newest = [...all.ids].sort((a, b) => b - a);
      const candidates = new Set(newest.slice(0, CANDIDATES));
      const got = await ids(bounded, { q });
      expect(got.total).toBe(all.total);
      expect(got.facets).toEqual(all.facets);
      expect(got.ids.slice(0, CANDIDATES)).toEqual(all.ids.filter((id) => candidates.has(id)));
      expect(got.ids.slice(CANDIDATES)).toEqual(newest.slice(CANDIDATES));
    }
  });

  it('gives every match one place across pages, including the page that straddles the bound', async () => {
    const q = 'che';
    const all = await ids(bounded, { q });
    const paged: number[] = [];
    for (let page = 1; paged.length < all.total; page++) {
      const result = await bounded.search(emptyQuery({ q, perPage: 3, page }));
      expect(result.hits.length).toBeGreaterThan(0);
      paged.push(...result.hits.map((h) => h.id));
    }
    expect(paged).toEqual(all.ids);
  });

  it('keeps filters inside the bound and ranks small match sets in full', async () => {
    const all = await ids(exact, { q: 'che', inStockOnly: true, maxPriceVnd: 300_000 });
    const got = await ids(bounded, { q: 'che', inStockOnly: true, maxPriceVnd: 300_000 });
    expect(new Set(got.ids)).toEqual(new Set(all.ids));
    expect(got.total).toBe(all.total);
    for (const q of ['mien dong', 'arabica']) {
      const small = await ids(exact, { q });
      expect(small.total, q).toBeLessThanOrEqual(BOUND);
      expect((await ids(bounded, { q })).ids).toEqual(small.ids);
    }
  });

  it('does not bound other orders or boosted queries', async () => {
    for (const query of [
      { q: 'che', sort: 'price_asc' as const },
      { q: 'che', sort: 'stars' as const },
    ]) {
      expect((await ids(bounded, query)).ids).toEqual((await ids(exact, query)).ids);
    }
  });
});

describe('facet cube of a huge match set', () => {
  it('counts the same from a scan of the facets index as from joining the matches', async () => {
    const scanning = createSqliteSearchIndex(data.db, loadFoldedSynonyms(), {
      cubeScanFrom: 0,
      facetCacheSize: 0,
    });
    const queries: Array<Partial<SearchQuery>> = [
      { q: 'che' },
      { q: 'mat ong' },
      { q: 'che', maxPriceVnd: 200_000 },
      { q: 'gao', provinceCodes: ['11'], inStockOnly: true },
      { q: 'che', stars: [4, 5], minPriceVnd: 100_000 },
    ];
    for (const query of queries) {
      const [joined, scanned] = [await ids(exact, query), await ids(scanning, query)];
      expect(scanned.total, JSON.stringify(query)).toBe(joined.total);
      expect(scanned.facets).toEqual(joined.facets);
      expect(scanned.ids).toEqual(joined.ids);
    }
  });
});
