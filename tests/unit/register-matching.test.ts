import { describe, expect, it } from 'vitest';
import {
  dice,
  matchScore,
  producerWords,
  productWords,
  scoreMatch,
  SUGGESTION_THRESHOLD,
  suggestListings,
} from '~/tradeoffice/matching';

/** The fixture listing at index i (they are all there). */
const listing = (i: number) => {
  const found = listings[i];
  if (!found) throw new Error(`no listing ${i}`);
  return found;
};

const listings = [
  {
    id: 1,
    name: 'Chè Shan tuyết cổ thụ Tả Lèng hộp 200g',
    organizationName: 'Hợp tác xã chè Tả Lèng',
    communeCode: '03405',
  },
  {
    id: 2,
    name: 'Trà xanh Tam Đường 500g',
    organizationName: 'HTX Chè Tam Đường',
    communeCode: '03390',
  },
  { id: 3, name: 'Chè xanh Tân Uyên', organizationName: 'HTX Chè Tân Uyên', communeCode: '03598' },
  {
    id: 4,
    name: 'Mật ong bạc hà Sìn Hồ',
    organizationName: 'HTX Nông sản Sìn Hồ',
    communeCode: '03478',
  },
  { id: 5, name: 'Thảo quả khô', organizationName: 'HTX Nông sản Sìn Hồ', communeCode: '03478' },
  {
    id: 6,
    name: 'Rượu sơn tra',
    organizationName: 'Công ty TNHH Thương mại và Dịch vụ Sơn Tra Lai Châu',
    communeCode: '03388',
  },
  { id: 7, name: 'Gạo tẻ râu', organizationName: 'HTX Gạo Phong Thổ', communeCode: '03549' },
];

describe('the words that identify a product and a producer', () => {
  it('drops filler, packaging and weights, and reads trà as chè', () => {
    expect([...productWords('Sản phẩm OCOP 4 sao: Trà xanh Tam Đường hộp 500g')]).toEqual([
      'che',
      'xanh',
      'tam',
      'duong',
    ]);
    expect([...productWords('Gạo Dào San 1,5kg')]).toEqual(['gao', 'dao', 'san']);
    expect([...productWords('Sản phẩm')]).toEqual([]);
  });
  it('drops legal forms wherever they sit', () => {
    expect([...producerWords('HTX Chè Tam Đường')]).toEqual(['che', 'tam', 'duong']);
    expect([...producerWords('Hợp tác xã chè Tam Đường')]).toEqual(['che', 'tam', 'duong']);
    expect([...producerWords('Công ty TNHH Thương mại và Dịch vụ Sơn Tra Lai Châu')]).toEqual([
      'son',
      'che',
      'lai',
      'chau',
    ]);
    expect([...producerWords('Tổ hợp tác thổ cẩm Sin Suối Hồ')]).toEqual([
      'tho',
      'cam',
      'sin',
      'suoi',
      'ho',
    ]);
    expect([...producerWords('Hộ kinh doanh Lò Văn Sáng')]).toEqual(['lo', 'van', 'sang']);
  });
  it('computes Dice similarity, 0 for empty sets', () => {
    expect(dice(new Set(['a', 'b']), new Set(['b', 'c']))).toBe(0.5);
    expect(dice(new Set(), new Set(['a']))).toBe(0);
  });
});

describe('suggesting listings for a register entry', () => {
  it('puts the right listing first despite diacritics, "trà"/"chè" and packaging', () => {
    const entry = {
      productName: 'Chè xanh Tam Đường',
      producer: 'Hợp tác xã Chè Tam Đường',
      communeCode: '03390',
    };
    const suggestions = suggestListings(entry, listings);
    expect(suggestions.map((s) => s.listing.id)).toEqual([2]);
    expect(suggestions[0]).toMatchObject({ name: 1, producer: 1, sameCommune: true, score: 1 });
    // Green tea of another cooperative shares "chè xanh" and "chè": 0.65 × 0.5 + 0.3 × 1/3 = 0.425.
    expect(matchScore(entry, listing(2))).toBeCloseTo(0.425, 3);
  });
  it("tells a cooperative's two products apart by name", () => {
    const entry = {
      productName: 'Mật ong bạc hà Sìn Hồ',
      producer: 'HTX Nông sản Sìn Hồ',
      communeCode: '03478',
    };
    expect(suggestListings(entry, listings).map((s) => s.listing.id)).toEqual([4]);
    // Same producer and commune, other product: 0.3 + 0.05, under the threshold.
    expect(matchScore(entry, listing(4))).toBeCloseTo(0.35, 3);
  });
  it("finds a listing whose name is longer than the register's", () => {
    const entry = {
      productName: 'Chè Shan tuyết Tả Lèng',
      producer: 'HTX chè Tả Lèng',
      communeCode: '03405',
    };
    const [best] = suggestListings(entry, listings);
    if (!best) throw new Error('no suggestion');
    expect(best.listing.id).toBe(1);
    // 5 shared words of 5 and 7 ("cổ thụ" extra, "hộp 200g" ignored): Dice 10/12.
    expect(best.name).toBeCloseTo(10 / 12, 5);
    expect(best.score).toBeCloseTo(0.892, 3);
  });
  it('matches an enterprise whatever its legal form is written as', () => {
    const entry = {
      productName: 'Rượu sơn tra Lai Châu',
      producer: 'Cty TNHH Sơn Tra Lai Châu',
      communeCode: null,
    };
    const score = scoreMatch(entry, listing(5));
    expect(score.sameCommune).toBe(false);
    expect(score.score).toBeGreaterThan(SUGGESTION_THRESHOLD);
  });
  it('suggests nothing for a product no listing resembles, and nothing from nothing', () => {
    expect(
      suggestListings(
        { productName: 'Cá hồi Sìn Hồ', producer: 'Công ty cá nước lạnh', communeCode: '03478' },
        listings,
      ),
    ).toEqual([]);
    expect(
      suggestListings({ productName: 'Chè xanh', producer: 'HTX', communeCode: null }, []),
    ).toEqual([]);
    expect(scoreMatch({ productName: '', producer: '', communeCode: null }, listing(0)).score).toBe(
      0,
    );
  });
  it('honours a custom threshold and limit and breaks ties by id', () => {
    const entry = { productName: 'Chè xanh', producer: 'Hợp tác xã', communeCode: null };
    const twins = [
      { id: 9, name: 'Chè xanh', organizationName: 'A', communeCode: null },
      { id: 8, name: 'Chè xanh', organizationName: 'B', communeCode: null },
    ];
    expect(suggestListings(entry, twins).map((s) => s.listing.id)).toEqual([8, 9]);
    expect(suggestListings(entry, twins, { limit: 1 }).map((s) => s.listing.id)).toEqual([8]);
    expect(suggestListings(entry, twins, { threshold: 0.9 })).toEqual([]);
  });
});
