import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueSearchDocuments as source } from '~/catalogue/search-documents.server';
import { createLogger } from '~/lib/log.server';
import { createMeilisearchIndex } from '~/search/meilisearch/engine.server';
import { createOutboxWorker } from '~/search/meilisearch/outbox-worker.server';
import { createSqliteSearchIndex } from '~/search/sqlite/engine.server';
import { loadFoldedSynonyms } from '~/search/synonyms.server';
import { emptyQuery, type SearchIndex, type SearchQuery } from '~/search/types';
import {
  createPlaceIndexLoader,
  withUnderstanding,
} from '~/search/understanding/with-understanding.server';
import { useTestMeilisearch } from '../helpers/meili';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// Query understanding over the demo catalogue, the same expectations for both engines.
const meili = useTestMeilisearch();
let data: TestData;
const engines: Partial<Record<'sqlite' | 'meilisearch', SearchIndex>> = {};

beforeAll(async () => {
  data = copyTemplateDatabase();
  const places = createPlaceIndexLoader(data.db, source);
  engines.sqlite = withUnderstanding(
    createSqliteSearchIndex(data.db, loadFoldedSynonyms()),
    places,
  );
  const index = createMeilisearchIndex({
    url: meili.server.url,
    apiKey: meili.server.apiKey,
    indexUid: meili.uniqueIndexUid(),
  });
  await index.ensureSettings();
  const drained = await createOutboxWorker({
    db: data.db,
    index,
    source,
    log: createLogger('error'),
  }).drain();
  if (drained.failed) throw new Error('outbox drain failed');
  engines.meilisearch = withUnderstanding(index, places);
});
afterAll(async () => {
  await data?.cleanup();
});

async function communeCodes(...fullNames: Array<[string, string]>) {
  const rows = await data.db
    .selectFrom('communes')
    .select(['code', 'full_name', 'province_code'])
    .execute();
  return fullNames.map(([name, province]) => {
    const row = rows.find((r) => r.full_name === name && r.province_code === province);
    if (!row) throw new Error(`no commune ${name} in ${province}`);
    return row.code;
  });
}

describe.each(['sqlite', 'meilisearch'] as const)('%s engine, understood', (name) => {
  const search = (q: string, overrides: Partial<SearchQuery> = {}) =>
    engines[name]!.search(emptyQuery({ q, perPage: 50, ...overrides }));

  it('reads stars inside a place as filters and shows both parts', async () => {
    const result = await search('lao cai ocop 4 sao');
    expect(result.total).toBeGreaterThan(3);
    for (const hit of result.hits) {
      expect(hit.provinceCode).toBe('15');
      expect(hit.ocopStars).toBe(4);
    }
    expect(result.understood?.map((u) => [u.kind, u.effect, u.value, u.text])).toEqual([
      ['stars', 'filter', '4', 'ocop 4 sao'],
      ['province', 'filter', '15', 'lao cai'],
    ]);
    const stars = await search('5* tỉnh Thái Nguyên');
    expect(stars.hits.map((h) => h.slug).sort()).toEqual([
      'che-dinh-tan-cuong',
      'che-tan-cuong-dac-biet',
    ]);
  });

  it('ranks the products of a former province first', async () => {
    const result = await search('đặc sản yen bai');
    const boosted = result.understood?.find((u) => u.kind === 'former_province');
    expect(boosted).toMatchObject({ effect: 'boost', value: '15' });
    const formerYenBai = await communeCodes(
      ['Xã Văn Chấn', '15'],
      ['Xã Mù Cang Chải', '15'],
      ['Xã Tú Lệ', '15'],
      ['Xã Mậu A', '15'],
    );
    const top = result.hits.slice(0, 12);
    for (const hit of top) expect(formerYenBai).toContain(hit.communeCode);
    for (const hit of result.hits) expect(hit.provinceCode).toBe('15');
  });

  it('turns buyer words into a group', async () => {
    const result = await search('homestay lào cai');
    expect(result.hits.map((h) => h.slug)).toEqual(
      expect.arrayContaining(['homestay-nha-mong-lim-mong', 'tour-mua-vang-mu-cang-chai-2-ngay']),
    );
    for (const hit of result.hits) expect([hit.group, hit.provinceCode]).toEqual(['tourism', '15']);
    const gifts = await search('quà biếu');
    expect(gifts.understood?.map((u) => u.value)).toEqual(['souvenir']);
    for (const hit of gifts.hits) expect(hit.group).toBe('souvenir');
  });

  it('filters by a commune named with its prefix and ranks it first without', async () => {
    const [binhLu] = await communeCodes(['Xã Bình Lư', '12']);
    const named = await search('xa binh lu');
    expect(named.total).toBe(5);
    for (const hit of named.hits) expect(hit.communeCode).toBe(binhLu);
    const ranked = await search('che binh lu');
    expect(ranked.understood?.map((u) => [u.kind, u.effect])).toEqual([['commune', 'boost']]);
    expect(ranked.hits.slice(0, 4).every((h) => h.communeCode === binhLu)).toBe(true);
  });

  it('reads price phrases', async () => {
    const below = await search('chè dưới 200k');
    expect(below.understood?.map((u) => [u.kind, u.value])).toEqual([['price', '-200000']]);
    expect(below.total).toBeGreaterThan(0);
    for (const hit of below.hits) expect(hit.priceVnd).toBeLessThanOrEqual(200_000);
    const range = await search('mật ong 200-500k');
    expect(range.understood?.map((u) => u.value)).toEqual(['200000-500000']);
    for (const hit of range.hits) expect(hit.priceVnd).toBeGreaterThanOrEqual(200_000);
    expect(range.hits.map((h) => h.slug)).toContain('mat-ong-rung-ba-be');
  });

  it('keeps words that match products and lets the buyer turn a part off', async () => {
    const sam = await search('sâm lai châu');
    expect(sam.hits[0]?.slug).toMatch(/^sam-lai-chau/);
    const off = await search('lao cai ocop 4 sao', { ignore: ['stars'] });
    expect(off.understood?.map((u) => u.kind)).toEqual(['province']);
    const none = await search('lao cai', { ignore: ['province'] });
    expect(none.understood).toEqual([]);
    expect(none.total).toBeGreaterThan(0);
  });

  it('tells Văn Lăng from Văn Lang by its diacritics', async () => {
    const exact = await search('xã văn lăng');
    expect(exact.understood?.map((u) => [u.value, u.effect])).toEqual([['05665', 'filter']]);
    expect(exact.total).toBe(0);
    const folded = await search('xa van lang');
    expect(folded.understood?.[0]?.value.split(',')).toEqual(
      expect.arrayContaining(['02143', '05665']),
    );
  });

  it('tolerates typos like Meilisearch', async () => {
    for (const [q, slug] of [
      ['mien dongg', 'mien-dong'],
      ['ca phee arabica', 'ca-phe-arabica-muong-ang-rang-moc'],
      ['che shann tuyet', 'che-shan-tuyet'],
      ['ruouu tao meo', 'ruou-tao-meo-bac-ha'],
    ] as const) {
      const result = await search(q);
      expect(
        result.hits
          .slice(0, 5)
          .map((h) => h.slug)
          .join(' '),
        q,
      ).toContain(slug);
    }
  });

  it('does not read a plain product query', async () => {
    const result = await search('mien dong');
    expect(result.understood).toEqual([]);
    expect(result.hits[0]?.slug).toMatch(/^mien-dong/);
  });
});
