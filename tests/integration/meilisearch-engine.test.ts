import { beforeAll, describe, expect, it } from 'vitest';
import { createMeilisearchIndex, type MeilisearchIndex } from '~/search/meilisearch/engine.server';
import { productIndexSettings } from '~/search/meilisearch/settings';
import { emptyQuery, type SearchDocument, type SearchQuery } from '~/search/types';
import { searchDocument, useTestMeilisearch } from '../helpers/meili';
import { first } from '../helpers/test-db';

const meili = useTestMeilisearch();

const catalogue: SearchDocument[] = [
  searchDocument({
    id: 1,
    name: 'Miến dong Bình Liêu',
    category: 'Miến',
    provinceCode: '22',
    provinceName: 'Quảng Ninh',
    priceVnd: 85_000,
    ocopStars: 4,
    createdAt: '2025-03-01T00:00:00.000Z',
  }),
  searchDocument({
    id: 2,
    name: 'Chè Shan tuyết Tà Xùa',
    category: 'Chè',
    group: 'beverage',
    provinceCode: '14',
    provinceName: 'Sơn La',
    priceVnd: 250_000,
    ocopStars: 5,
    createdAt: '2025-02-01T00:00:00.000Z',
  }),
  searchDocument({
    id: 3,
    name: 'Đường phèn vàng',
    category: 'Gia vị',
    priceVnd: 45_000,
    stock: 0,
    inStock: false,
    createdAt: '2025-05-01T00:00:00.000Z',
  }),
  searchDocument({
    id: 4,
    name: 'Thịt lợn gác bếp Mường Tè',
    category: 'Thịt khô',
    priceVnd: 650_000,
    ocopStars: 3,
    cooperativeName: 'HTX Mường Tè',
    createdAt: '2025-04-01T00:00:00.000Z',
  }),
  searchDocument({
    id: 5,
    name: 'Quế hữu cơ Văn Yên',
    category: 'Gia vị',
    group: 'herbal',
    provinceCode: '15',
    provinceName: 'Lào Cai',
    communeName: 'Xã Châu Quế',
    formerPlaceNames: ['Yên Bái', 'Xã Châu Quế Hạ'],
    priceVnd: 120_000,
    ocopStars: 4,
    createdAt: '2025-01-15T00:00:00.000Z',
  }),
  searchDocument({
    id: 6,
    name: 'Gạo nếp Tú Lệ',
    category: 'Gạo',
    provinceCode: '15',
    provinceName: 'Lào Cai',
    formerPlaceNames: ['Yên Bái'],
    priceVnd: 95_000,
    createdAt: '2025-01-10T00:00:00.000Z',
  }),
  searchDocument({
    id: 7,
    name: 'Hồng không hạt',
    category: 'Trái cây',
    provinceCode: '19',
    provinceName: 'Thái Nguyên',
    formerPlaceNames: ['Bắc Kạn'],
    priceVnd: 180_000,
    ocopStars: 3,
    createdAt: '2025-06-01T00:00:00.000Z',
  }),
];

let index: MeilisearchIndex;
const search = (overrides: Partial<SearchQuery>) => index.search(emptyQuery(overrides));
const ids = async (overrides: Partial<SearchQuery>) =>
  (await search(overrides)).hits.map((h) => h.id);

beforeAll(async () => {
  index = createMeilisearchIndex({
    url: meili.server.url,
    apiKey: meili.server.apiKey,
    indexUid: meili.uniqueIndexUid(),
  });
  await index.ensureSettings();
  await index.upsert(catalogue);
});

describe('settings', () => {
  it('are applied as declared and a second application changes nothing', async () => {
    const before = await index.client.index(index.indexUid).getSettings();
    await index.ensureSettings();
    const after = await index.client.index(index.indexUid).getSettings();
    expect(after).toEqual(before);
    const wanted = productIndexSettings();
    expect(after.searchableAttributes).toEqual(wanted.searchableAttributes);
    expect(after.rankingRules).toEqual(wanted.rankingRules);
    expect([...(after.filterableAttributes as string[])].sort()).toEqual(
      [...(wanted.filterableAttributes as string[])].sort(),
    );
    expect(after.synonyms?.['che']).toContain('tra');
  });
});

describe('text matching', () => {
  it('folds đ to d, tones and case', async () => {
    // "duong" is also one typo away from "dong", so the exact folded match must come first.
    expect((await ids({ q: 'duong' }))[0]).toBe(3);
    expect(await ids({ q: 'duong phen' })).toEqual([3]);
    expect(await ids({ q: 'mien dong' })).toEqual([1]);
    expect(await ids({ q: 'MIẾN DONG' })).toEqual([1]);
    expect(await ids({ q: 'Đường Phèn' })).toEqual([3]);
  });
  it('matches the last word as a prefix while the buyer types', async () => {
    expect(await ids({ q: 'mie' })).toContain(1);
    expect(await ids({ q: 'che shan tu' })).toEqual([2]);
  });
  it('finds a product despite one typo', async () => {
    expect(await ids({ q: 'shan tuyrt' })).toEqual([2]);
    expect(await ids({ q: 'gac beo' })).toEqual([4]);
  });
  it('uses the shared synonyms', async () => {
    // "tra" is also the start of "Trái cây" (the last word is a prefix), so chè must simply come first.
    expect((await ids({ q: 'trà' }))[0]).toBe(2);
    expect(await ids({ q: 'tra shan tuyet' })).toEqual([2]);
    expect(await ids({ q: 'heo gac bep' })).toEqual([4]);
  });
  it('finds products by the former names of merged places', async () => {
    expect((await ids({ q: 'yen bai' })).sort()).toEqual([5, 6]);
    expect(await ids({ q: 'Bắc Kạn' })).toEqual([7]);
    expect(await ids({ q: 'chau que ha' })).toEqual([5]);
  });
  it('falls back to partial matches when no product has every word', async () => {
    expect(await ids({ q: 'mien dong ngon nhat' })).toEqual([1]);
  });
});

describe('filters', () => {
  it('filters by province, group, stars, price and stock', async () => {
    expect((await ids({ provinceCodes: ['15'] })).sort()).toEqual([5, 6]);
    expect(await ids({ groups: ['beverage'] })).toEqual([2]);
    expect((await ids({ stars: [4, 5] })).sort()).toEqual([1, 2, 5]);
    expect((await ids({ minPriceVnd: 90_000, maxPriceVnd: 180_000 })).sort()).toEqual([5, 6, 7]);
    expect(await ids({ inStockOnly: true })).not.toContain(3);
  });
  it('treats filter syntax in values as a literal that matches nothing', async () => {
    for (const attack of [
      '12" OR provinceCode != "x',
      '12\\" OR provinceCode != \\"x',
      "12' OR 1=1",
      '15 OR provinceCode EXISTS',
    ]) {
      const result = await search({ provinceCodes: [attack] });
      expect(result.total, attack).toBe(0);
    }
    const groupAttack = await search({ groups: ['food" OR group != "x' as never] });
    expect(groupAttack.total).toBe(0);
    const starsAttack = await search({ stars: ['4 OR ocopStars != 4' as never] });
    expect(starsAttack.total).toBe(0);
  });
  it('rejects prices that are not whole non-negative VND', async () => {
    await expect(search({ minPriceVnd: 1.5 })).rejects.toMatchObject({
      status: 400,
      field: 'minPrice',
    });
    await expect(search({ maxPriceVnd: Number.NaN })).rejects.toMatchObject({
      status: 400,
      field: 'maxPrice',
    });
    await expect(search({ minPriceVnd: -1 })).rejects.toMatchObject({ status: 400 });
  });
});

describe('facets', () => {
  it('count every value when nothing is filtered', async () => {
    const { facets, total } = await search({});
    expect(total).toBe(7);
    expect(facets.province).toEqual({ '12': 2, '14': 1, '15': 2, '19': 1, '22': 1 });
    expect(facets.stars).toEqual({ '3': 2, '4': 2, '5': 1 });
    expect(facets.price).toEqual({
      '0-100000': 3,
      '100000-200000': 2,
      '200000-500000': 1,
      '500000-': 1,
    });
    expect(facets.inStock).toBe(6);
  });
  it('are disjunctive: a facet ignores its own filter but applies the others', async () => {
    const { facets, total } = await search({ provinceCodes: ['15'], minPriceVnd: 100_000 });
    expect(total).toBe(1);
    expect(facets.province).toEqual({ '14': 1, '15': 1, '19': 1, '12': 1 });
    expect(facets.group).toEqual({ herbal: 1 });
    expect(facets.price).toEqual({ '0-100000': 1, '100000-200000': 1 });
    expect(facets.stars).toEqual({ '4': 1 });
  });
});

describe('sorting and pages', () => {
  it('sorts by price, date and stars with unrated products last', async () => {
    expect(await ids({ sort: 'price_asc' })).toEqual([3, 1, 6, 5, 7, 2, 4]);
    expect(await ids({ sort: 'price_desc' })).toEqual([4, 2, 7, 5, 6, 1, 3]);
    expect(await ids({ sort: 'newest' })).toEqual([7, 3, 4, 1, 2, 5, 6]);
    const byStars = await search({ sort: 'stars' });
    expect(byStars.hits.map((h) => h.ocopStars)).toEqual([5, 4, 4, 3, 3, null, null]);
  });
  it('pages through every product exactly once', async () => {
    const seen: number[] = [];
    for (let page = 1; page <= 4; page++) {
      const result = await search({ sort: 'price_asc', page, perPage: 2 });
      expect(result.total).toBe(7);
      seen.push(...result.hits.map((h) => h.id));
    }
    expect(seen).toEqual([3, 1, 6, 5, 7, 2, 4]);
  });
  it('returns hits in the SearchDocument shape only', async () => {
    const [hit] = (await search({ q: 'que van yen' })).hits;
    expect(hit).toEqual(catalogue[4]);
  });
});

describe('writes', () => {
  it('replaces and removes documents, waiting for the tasks', async () => {
    await index.upsert([{ ...first(catalogue), priceVnd: 99_000 }]);
    expect((await search({ q: 'mien dong' })).hits[0]?.priceVnd).toBe(99_000);
    await index.remove([1]);
    expect(await ids({ q: 'mien dong' })).toEqual([]);
    await index.upsert([first(catalogue)]);
  });
  it('throws with the task error when Meilisearch rejects a document', async () => {
    const bad = { ...first(catalogue), id: 'not a valid id!' as unknown as number };
    await expect(index.upsert([bad])).rejects.toThrow(/failed: .*document/i);
  });
  it('reports health, and an unreachable server as not ok', async () => {
    expect(await index.health()).toEqual({ engine: 'meilisearch', ok: true });
    const gone = createMeilisearchIndex({ url: 'http://127.0.0.1:9', apiKey: 'x' });
    const health = await gone.health();
    expect(health.ok).toBe(false);
    expect(health.detail).toMatch(/unreachable/);
  });
});

describe('swapIn', () => {
  it('rebuilds into a new index without a moment of empty results', async () => {
    const fresh = `${index.indexUid}_next`;
    await index.ensureSettings(fresh);
    await index.upsertInto(
      fresh,
      catalogue.map((d) => ({ ...d, priceVnd: d.priceVnd + 1 })),
    );
    let searching = true;
    const totals: number[] = [];
    const watcher = (async () => {
      while (searching) totals.push((await search({})).total);
    })();
    await index.swapIn(fresh);
    searching = false;
    await watcher;
    expect(totals.length).toBeGreaterThan(0);
    expect(totals.every((t) => t === 7)).toBe(true);
    expect((await search({ q: 'mien dong' })).hits[0]?.priceVnd).toBe(85_001);
    await expect(index.client.getIndex(fresh)).rejects.toThrow();
  });
  it('renames the new index into place when there is no live index yet', async () => {
    const empty = createMeilisearchIndex({
      url: meili.server.url,
      apiKey: meili.server.apiKey,
      indexUid: meili.uniqueIndexUid(),
    });
    const fresh = `${empty.indexUid}_next`;
    await empty.ensureSettings(fresh);
    await empty.upsertInto(fresh, catalogue);
    await empty.swapIn(fresh);
    expect((await empty.search(emptyQuery())).total).toBe(7);
  });
});
