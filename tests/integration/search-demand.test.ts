import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '~/accounts';
import { sellerSearchDemand } from '~/catalogue/seller-demand.server';
import { demandKey, recordDemand, weekOf } from '~/search/demand.server';
import { emptyQuery } from '~/search/types';
import { provinceSearchDemand } from '~/tradeoffice/demand.server';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

let data: TestData;
let server: TestServer;
beforeAll(async () => {
  data = copyTemplateDatabase();
  server = await startTestServer({ dataDir: data.dataDir });
});
afterAll(async () => {
  await server?.stop();
  await data?.cleanup();
});

const officer = (provinceCode: string): Actor => ({
  userId: 1,
  isAdmin: false,
  memberships: [],
  officerProvinceCodes: [provinceCode],
});
async function sellerOf(cooperativeSlug: string): Promise<Actor> {
  const org = await data.db
    .selectFrom('organizations')
    .select('id')
    .where('slug', '=', cooperativeSlug)
    .executeTakeFirstOrThrow();
  return {
    userId: 2,
    isAdmin: false,
    memberships: [{ organizationId: org.id, role: 'owner' }],
    officerProvinceCodes: [],
  };
}
const demandRows = () => data.db.selectFrom('search_demand').selectAll().orderBy('id').execute();

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('demand signals', () => {
  it('counts searches that found nothing by week and province, keeping no buyer identity', async () => {
    for (let i = 0; i < 2; i++)
      expect((await fetch(`${server.url}/api/search?q=Xyzzy+Lào+Cai`)).status).toBe(200);
    await fetch(`${server.url}/san-pham?q=ch%C3%A8`);
    await fetch(`${server.url}/api/search?q=xyzzy+lao+cai&page=2`);
    // The same network searching twice counts once (one buyer refreshing is not two buyers).
    await eventually(demandRows, (r) => r[0]?.searches === 1);
    await new Promise((settle) => setTimeout(settle, 200));
    const rows = await demandRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      week: weekOf(new Date()),
      province_code: '15',
      query: 'xyzzy lao cai',
      searches: 1,
      zero_results: 1,
      fewest_results: 0,
    });
    expect(Object.keys(rows[0]!).sort()).toEqual([
      'fewest_results',
      'id',
      'last_searched_at',
      'province_code',
      'query',
      'searches',
      'week',
      'zero_results',
    ]);
  });

  it('keeps the fewest results seen and ignores searches with enough results', async () => {
    const now = new Date('2026-11-18T10:00:00Z');
    const query = emptyQuery({ q: 'Mật ong rừng  Lai Châu' });
    const result = {
      total: 1,
      hits: [],
      facets: { province: {}, group: {}, stars: {}, price: {}, inStock: 0 },
      engine: 'sqlite' as const,
      understood: [
        {
          kind: 'province' as const,
          text: 'Lai Châu',
          effect: 'filter' as const,
          label: { vi: 'Lai Châu', en: 'Lai Châu' },
          value: '12',
        },
      ],
    };
    expect(await recordDemand(data.db, query, result, now)).toBe(true);
    expect(await recordDemand(data.db, query, { ...result, total: 0 }, now)).toBe(true);
    expect(await recordDemand(data.db, query, { ...result, total: 3 }, now)).toBe(false);
    // The search box's suggestions (per_page=6) are half-typed words, not demand.
    expect(
      await recordDemand(data.db, { ...query, perPage: 6 }, { ...result, total: 0 }, now),
    ).toBe(false);
    expect(await recordDemand(data.db, emptyQuery({ q: '  ' }), { ...result, total: 0 }, now)).toBe(
      false,
    );
    const row = (await demandRows()).find((r) => r.query === demandKey(query.q));
    expect(row).toMatchObject({
      week: '2026-11-16',
      province_code: '12',
      searches: 2,
      zero_results: 1,
      fewest_results: 0,
    });
  });

  it('shows the province its unmet searches and no other province', async () => {
    const laoCai = await provinceSearchDemand(data.db, officer('15'), '15');
    expect(laoCai.map((r) => r.query)).toEqual(['xyzzy lao cai']);
    const laiChau = await provinceSearchDemand(
      data.db,
      officer('12'),
      '12',
      new Date('2026-11-20T00:00:00Z'),
    );
    expect(laiChau.map((r) => r.query)).toEqual(['mat ong rung lai chau']);
    await expect(provinceSearchDemand(data.db, officer('12'), '15')).rejects.toMatchObject({
      status: 403,
    });
  });

  it('shows a seller the searches near their products', async () => {
    const at = new Date('2026-11-20T00:00:00Z');
    const honey = await sellerSearchDemand(data.db, await sellerOf('htx-nong-san-sin-ho'), at);
    expect(honey.map((r) => r.query)).toEqual(['mat ong rung lai chau']);
    const tea = await sellerSearchDemand(data.db, await sellerOf('htx-che-tam-duong'), at);
    expect(tea).toEqual([]);
  });
});
