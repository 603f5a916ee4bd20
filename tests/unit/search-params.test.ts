import { describe, expect, it } from 'vitest';
import { parseSearchParams, searchParamsOf } from '~/search/query-params';

const provinces = [
  { code: '15', slug: 'lao-cai' },
  { code: '12', slug: 'lai-chau' },
  { code: '01', slug: 'ha-noi' },
];
const parse = (qs: string) => parseSearchParams(new URLSearchParams(qs), provinces);

describe('parseSearchParams', () => {
  it('parses a full query', () => {
    const r = parse(
      'q=mien+dong&province=lao-cai&province=12&group=food&stars=4&stars=5&min_price=50000&max_price=300000&in_stock=1&ignore=stars&ignore=province&sort=price_asc&page=2&per_page=10',
    );
    expect(r).toEqual({
      ok: true,
      query: {
        q: 'mien dong',
        provinceCodes: ['15', '12'],
        communeCodes: [],
        groups: ['food'],
        stars: [4, 5],
        minPriceVnd: 50000,
        maxPriceVnd: 300000,
        inStockOnly: true,
        boostCommuneCodes: [],
        ignore: ['stars', 'province'],
        sort: 'price_asc',
        page: 2,
        perPage: 10,
      },
    });
  });
  it('uses defaults for an empty URL and accepts a one-digit province code', () => {
    const r = parse('province=1');
    expect(r.ok && r.query).toMatchObject({
      q: '',
      provinceCodes: ['01'],
      sort: 'relevance',
      page: 1,
      perPage: 24,
      inStockOnly: false,
    });
  });
  it.each([
    ['province=atlantis', 'province'],
    ['group=cars', 'group'],
    ['stars=2', 'stars'],
    ['stars=4.5', 'stars'],
    ['min_price=-1', 'min_price'],
    ['min_price=12.5', 'min_price'],
    ['max_price=abc', 'max_price'],
    ['min_price=500&max_price=100', 'max_price'],
    ['in_stock=yes', 'in_stock'],
    ['sort=cheapest', 'sort'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['page=1001', 'page'],
    ['per_page=101', 'per_page'],
    ['per_page=0', 'per_page'],
    [`q=${'a'.repeat(201)}`, 'q'],
  ])('rejects %s with a message naming %s', (qs, parameter) => {
    const r = parse(qs);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.parameter).toBe(parameter);
      expect(r.error.message.vi.length).toBeGreaterThan(5);
      expect(r.error.message.en.length).toBeGreaterThan(5);
    }
  });
  it('round-trips through searchParamsOf', () => {
    const r = parse('q=che&province=lao-cai&stars=5&sort=newest&page=3');
    if (!r.ok) throw new Error('expected ok');
    const again = parse(searchParamsOf(r.query, new Map([['15', 'lao-cai']])).toString());
    expect(again).toEqual(r);
  });
});
