import { describe, expect, it } from 'vitest';
import { computeKpi, type KpiEntry, type KpiListing } from '~/tradeoffice/kpi';

const entry = (id: number, over: Partial<KpiEntry> = {}): KpiEntry => ({
  id, productName: `SP ${id}`, producer: 'HTX', stars: 3, group: 'food', communeCode: '03390',
  decisionDate: '2025-01-10', expiresOn: '2028-01-10', matchedProductId: null, ...over,
});
const listing = (id: number, over: Partial<KpiListing> = {}): KpiListing => ({ id, name: `L ${id}`, status: 'published', publishedAt: '2025-06-01T00:00:00Z', claimsOcop: true, ...over });

describe('computeKpi on a fixture province', () => {
  const entries = [
    entry(1, { matchedProductId: 101, stars: 4 }),
    entry(2, { matchedProductId: 102, group: 'beverage', publishedAt: undefined } as Partial<KpiEntry>),
    entry(3, { matchedProductId: 103 }), // listing is still a draft: not online
    entry(4), // no listing at all: on the to-do list
    entry(5, { expiresOn: '2026-10-01', matchedProductId: 105 }), // expired, but its listing still sells
    entry(6, { expiresOn: '2026-12-15', stars: 5, matchedProductId: 106 }), // expires within 90 days
  ];
  const listings = [
    listing(101), listing(102, { publishedAt: '2026-09-15T00:00:00Z' }), listing(103, { status: 'draft', publishedAt: null }),
    listing(105), listing(106), listing(200), listing(201, { claimsOcop: false }),
  ];
  const kpi = computeKpi(entries, listings, '2026-11-22', 3);

  it('counts only valid certificates, and only published matches as online', () => {
    expect(kpi.total).toBe(5);
    expect(kpi.online).toBe(3);
    expect(kpi.percent).toBe(60);
  });
  it('breaks the KPI down by stars, group and commune', () => {
    expect(kpi.byStars).toEqual([
      { key: '3', total: 3, online: 1, percent: 33.3 },
      { key: '4', total: 1, online: 1, percent: 100 },
      { key: '5', total: 1, online: 1, percent: 100 },
    ]);
    expect(kpi.byGroup.find((g) => g.key === 'beverage')).toEqual({ key: 'beverage', total: 1, online: 1, percent: 100 });
    expect(kpi.byCommune).toEqual([{ key: '03390', total: 5, online: 3, percent: 60 }]);
  });
  it('lists what to do, what expires and what is listed without being in the register', () => {
    expect(kpi.todo.map((e) => e.id)).toEqual([3, 4]);
    expect(kpi.expiringSoon.map((e) => e.id)).toEqual([6]);
    expect(kpi.expiredButListed.map((e) => e.id)).toEqual([5]);
    expect(kpi.listedNotInRegister.map((l) => l.id)).toEqual([200]);
  });
  it('has a month-by-month trend using publication dates', () => {
    expect(kpi.trend.map((t) => t.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(kpi.trend[0]).toEqual({ month: '2026-09', total: 6, online: 4, percent: 66.7 });
    expect(kpi.trend[2]).toEqual({ month: '2026-11', total: 5, online: 3, percent: 60 });
  });
  it('is 0 % without any valid entry instead of dividing by zero', () => {
    expect(computeKpi([], [], '2026-11-22', 1).percent).toBe(0);
  });
});
