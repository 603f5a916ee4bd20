import { describe, expect, it } from 'vitest';
import {
  computeKpi,
  drillDown,
  drillMonth,
  groupTodo,
  percentOf,
  trendDays,
  vietnamDay,
  type KpiEntry,
  type KpiListing,
} from '~/tradeoffice/kpi';

const entry = (
  id: number,
  productName: string,
  producer: string,
  stars: number,
  group: string,
  communeCode: string | null,
  decisionDate: string,
  expiresOn: string,
  matchedProductId: number | null = null,
): KpiEntry => ({
  id,
  productName,
  producer,
  stars,
  group,
  communeCode,
  decisionDate,
  expiresOn,
  matchedProductId,
});
const listing = (
  id: number,
  status: string,
  publishedAt: string | null,
  over: Partial<KpiListing> = {},
): KpiListing => ({ id, name: `Listing ${id}`, status, publishedAt, claimsOcop: true, ...over });

/** A Lai Châu register on 22/11/2026, each row chosen for one rule of the KPI. */
const TODAY = '2026-11-22';
const entries: KpiEntry[] = [
  entry(
    1,
    'Chè xanh Tam Đường',
    'HTX Chè Tam Đường',
    4,
    'beverage',
    '03390',
    '2025-03-15',
    '2028-03-15',
    101,
  ),
  entry(
    2,
    'Sâm Lai Châu',
    'HTX Sâm Mường Tè',
    5,
    'herbal',
    '03445',
    '2024-06-01',
    '2027-06-01',
    102,
  ), // published 1 Nov, Vietnam time
  entry(
    3,
    'Thảo quả khô Sìn Hồ',
    'HTX Nông sản Sìn Hồ',
    3,
    'food',
    '03478',
    '2025-01-20',
    '2028-01-20',
    103,
  ), // listing waits for review
  entry(
    4,
    'Mật ong bạc hà Sìn Hồ',
    'HTX Nông sản Sìn Hồ',
    4,
    'food',
    '03478',
    '2025-02-10',
    '2028-02-10',
  ), // no listing
  entry(
    5,
    'Gạo tẻ râu Phong Thổ',
    'HTX Gạo Phong Thổ',
    3,
    'food',
    '03549',
    '2023-12-20',
    '2026-12-20',
    105,
  ), // expires in 28 days
  entry(
    6,
    'Miến dong Tam Đường',
    'HTX Nông nghiệp Tam Đường',
    3,
    'food',
    '03390',
    '2022-05-10',
    '2025-05-10',
    106,
  ), // expired, still sold as OCOP
  entry(
    7,
    'Chè Shan tuyết Tả Lèng',
    'HTX chè Tả Lèng',
    3,
    'beverage',
    '03405',
    '2023-09-01',
    '2026-09-01',
    107,
  ), // expired, renewed as 8
  entry(
    8,
    'Chè Shan tuyết Tả Lèng',
    'HTX chè Tả Lèng',
    4,
    'beverage',
    '03405',
    '2026-08-20',
    '2029-08-20',
    107,
  ),
  entry(
    9,
    'Khăn thổ cẩm Dao đỏ',
    'Tổ hợp tác thổ cẩm Sin Suối Hồ',
    3,
    'textile',
    null,
    '2025-07-01',
    '2028-07-01',
  ),
  entry(
    10,
    'Du lịch cộng đồng Sin Suối Hồ',
    'HTX Du lịch Sin Suối Hồ',
    3,
    'tourism',
    '03394',
    '2026-12-01',
    '2029-12-01',
  ), // not yet certified
  entry(
    11,
    'Mật ong rừng Sìn Hồ',
    'HTX nông sản Sìn Hồ',
    3,
    'food',
    '03478',
    '2025-05-01',
    '2028-05-01',
  ), // same producer, other spelling
  entry(
    12,
    'Rượu ngô Sìn Hồ',
    'HTX Rượu Sìn Hồ',
    3,
    'beverage',
    '03478',
    '2021-01-01',
    '2024-01-01',
    112,
  ), // expired, listing only a draft
  entry(
    13,
    'Rượu sơn tra',
    'Công ty TNHH Sơn Tra Lai Châu',
    4,
    'beverage',
    '03388',
    '2024-11-01',
    '2027-11-01',
  ), // matched from the listing's side
];
const listings: KpiListing[] = [
  listing(101, 'published', '2025-06-10T03:00:00Z'),
  listing(102, 'published', '2026-10-31T18:00:00Z'),
  listing(103, 'submitted', null),
  listing(105, 'published', '2024-03-01T00:00:00Z'),
  listing(106, 'published', '2023-01-01T00:00:00Z'),
  listing(107, 'published', '2024-01-01T00:00:00Z'),
  listing(112, 'draft', null),
  listing(200, 'published', '2026-02-01T00:00:00Z', { claimsOcop: undefined, ocopStars: 4 }), // claims OCOP, not in the register
  listing(201, 'published', '2026-02-01T00:00:00Z', { claimsOcop: undefined, ocopStars: null }), // no claim
  listing(202, 'archived', '2025-02-01T00:00:00Z'), // claims, but not live
  listing(204, 'published', '2026-11-05T02:00:00Z', { matchedEntryId: 13 }),
];
const kpi = computeKpi(entries, listings, TODAY, 4);
const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);

describe('computeKpi on a fixture province', () => {
  it('divides valid entries with a live listing by all valid entries', () => {
    // Valid: 1 2 3 4 5 8 9 11 13 (6, 7, 12 expired; 10 not yet decided). Online: 1 2 5 8 13.
    expect({ total: kpi.total, online: kpi.online, percent: kpi.percent }).toEqual({
      total: 9,
      online: 5,
      percent: 55.6,
    });
  });

  it('breaks the KPI down by stars, group and commune', () => {
    expect(kpi.byStars).toEqual([
      { key: '3', total: 4, online: 1, percent: 25 },
      { key: '4', total: 4, online: 3, percent: 75 },
      { key: '5', total: 1, online: 1, percent: 100 },
    ]);
    expect(kpi.byGroup).toEqual([
      { key: 'beverage', total: 3, online: 3, percent: 100 },
      { key: 'food', total: 4, online: 1, percent: 25 },
      { key: 'herbal', total: 1, online: 1, percent: 100 },
      { key: 'textile', total: 1, online: 0, percent: 0 },
    ]);
    expect(kpi.byCommune.map((b) => [b.key, b.online, b.total])).toEqual([
      ['', 0, 1],
      ['03388', 1, 1],
      ['03390', 1, 1],
      ['03405', 1, 1],
      ['03445', 1, 1],
      ['03478', 0, 3],
      ['03549', 1, 1],
    ]);
  });

  it('lists the to-do entries, grouped by commune (none last) and producer across spellings', () => {
    expect(ids(kpi.todo)).toEqual([3, 4, 9, 11]);
    expect(kpi.todoGroups.map((g) => [g.communeCode, g.producer, ids(g.entries)])).toEqual([
      ['03478', 'HTX Nông sản Sìn Hồ', [3, 4, 11]],
      [null, 'Tổ hợp tác thổ cẩm Sin Suối Hồ', [9]],
    ]);
  });

  it('warns about certificates expiring within 90 days and expired ones still claimed', () => {
    expect(kpi.expiringSoon.map((e) => [e.id, e.daysLeft])).toEqual([[5, 28]]);
    // 7 expired but its listing carries the renewed certificate 8; 12's listing is not live.
    expect(ids(kpi.expiredButListed)).toEqual([6]);
  });

  it('finds live listings claiming OCOP that no register entry backs', () => {
    expect(ids(kpi.listedNotInRegister)).toEqual([200]);
  });

  it('has a month-by-month trend measured on each month end, and on today for this month', () => {
    expect(kpi.trend).toEqual([
      { month: '2026-08', day: '2026-08-31', total: 10, online: 4, percent: 40 },
      { month: '2026-09', day: '2026-09-30', total: 9, online: 3, percent: 33.3 },
      // Listing 102 went live at 01:00 on 1 November in Vietnam (18:00 UTC on 31 October).
      { month: '2026-10', day: '2026-10-31', total: 9, online: 3, percent: 33.3 },
      { month: '2026-11', day: '2026-11-22', total: 9, online: 5, percent: 55.6 },
    ]);
  });

  it('drills down to the entries behind a figure', () => {
    expect(
      ids(drillDown(entries, listings, TODAY, { communeCode: '03478', online: false })),
    ).toEqual([3, 4, 11]);
    expect(ids(drillDown(entries, listings, TODAY, { stars: 4, online: true }))).toEqual([
      1, 8, 13,
    ]);
    expect(ids(drillDown(entries, listings, TODAY, { communeCode: '' }))).toEqual([9]);
    expect(drillDown(entries, listings, TODAY, { group: 'souvenir' })).toEqual([]);
  });
});

describe('KPI edge cases', () => {
  it('is 0 % without any valid entry instead of dividing by zero', () => {
    const empty = computeKpi([], [], TODAY, 1);
    expect(empty).toMatchObject({ total: 0, online: 0, percent: 0, todo: [], todoGroups: [] });
    expect(empty.trend).toEqual([
      { month: '2026-11', day: TODAY, total: 0, online: 0, percent: 0 },
    ]);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
  });

  it('counts a certificate as valid on its decision day and on its last day, not the day after', () => {
    const e = entry(1, 'A', 'B', 3, 'food', null, '2026-11-22', '2026-12-31', 1);
    const l = [listing(1, 'published', '2026-11-21T00:00:00Z')];
    expect(computeKpi([e], l, '2026-11-22', 1).percent).toBe(100);
    expect(computeKpi([e], l, '2026-12-31', 1).total).toBe(1);
    expect(computeKpi([e], l, '2027-01-01', 1).total).toBe(0);
    expect(computeKpi([e], l, '2026-11-21', 1).total).toBe(0);
  });

  it('counts a published listing without a publication date from today on only', () => {
    const e = entry(1, 'A', 'B', 3, 'food', null, '2025-01-01', '2028-01-01', 1);
    const result = computeKpi([e], [listing(1, 'published', null)], '2026-11-22', 2);
    expect(result.trend.map((t) => t.online)).toEqual([0, 1]);
  });

  it('walks months across a year boundary and clamps short months', () => {
    expect(trendDays('2026-01-15', 3)).toEqual([
      { month: '2025-11', day: '2025-11-30' },
      { month: '2025-12', day: '2025-12-31' },
      { month: '2026-01', day: '2026-01-15' },
    ]);
    expect(trendDays('2028-03-31', 2)).toEqual([
      { month: '2028-02', day: '2028-02-29' },
      { month: '2028-03', day: '2028-03-31' },
    ]);
    expect(trendDays('2026-11-22', 0)).toEqual([]);
  });

  it('reads publication timestamps as Vietnamese days', () => {
    expect(vietnamDay('2026-10-31T16:59:59Z')).toBe('2026-10-31');
    expect(vietnamDay('2026-10-31T17:00:00Z')).toBe('2026-11-01');
    expect(vietnamDay('2026-10-31')).toBe('2026-10-31');
  });

  it('groups an empty to-do list into nothing', () => {
    expect(groupTodo([])).toEqual([]);
  });
});

describe('drillMonth', () => {
  it('lists, for every month of the trend, exactly the entries it counted and those online then', () => {
    const months = 4;
    for (const point of computeKpi(entries, listings, TODAY, months).trend) {
      const drill = drillMonth(entries, listings, TODAY, point.month, months)!;
      expect(drill.day).toBe(point.day);
      expect(drill.rows).toHaveLength(point.total);
      expect(drill.rows.filter((r) => r.onlineThen)).toHaveLength(point.online);
    }
    expect(drillMonth(entries, listings, TODAY, '2026-05', months)).toBeNull();
  });
});
