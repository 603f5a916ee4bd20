import { describe, expect, it } from 'vitest';
import { computeFacets, type CubeRow } from '~/search/sqlite/facets';
import { buildMatchExpression } from '~/search/sqlite/match-expression';
import { loadFoldedSynonyms } from '~/search/synonyms.server';
import { emptyQuery } from '~/search/types';

const synonyms = loadFoldedSynonyms({
  groups: [
    ['chè', 'trà'],
    ['heo', 'lợn'],
  ],
});

describe('buildMatchExpression', () => {
  it('folds, quotes every word and makes the last one a prefix', () => {
    expect(buildMatchExpression('Miến Dong', new Map())).toBe('"mien" AND "dong"*');
    expect(buildMatchExpression('che sh', new Map())).toBe('"che" AND "sh"*');
  });
  it('expands synonyms both ways', () => {
    expect(buildMatchExpression('trà xanh', synonyms)).toBe('("tra" OR "che") AND "xanh"*');
    expect(buildMatchExpression('thit lon', synonyms)).toBe('"thit" AND ("lon"* OR "heo")');
  });
  it('cannot be turned into FTS5 syntax by what is typed', () => {
    expect(buildMatchExpression('a" OR name:*', new Map())).toBe('"a" AND "or" AND "name"*');
    expect(buildMatchExpression('NEAR(x y)', new Map())).toBe('"near" AND "x" AND "y"*');
    expect(buildMatchExpression('  ***  ', new Map())).toBeNull();
  });
  it('can relax to any word', () => {
    expect(buildMatchExpression('gao dien bien', new Map(), 'any')).toBe(
      '"gao" OR "dien" OR "bien"*',
    );
  });
  it('drops filler words every product satisfies, unless they are all there is', () => {
    expect(buildMatchExpression('đặc sản Điện Biên', new Map())).toBe('"dien" AND "bien"*');
    expect(buildMatchExpression('dac san', new Map())).toBe('"dac" AND "san"*');
  });
});

describe('computeFacets', () => {
  const cube: CubeRow[] = [
    { province_code: '15', ocop_group: 'beverage', ocop_stars: 4, bucket: 1, in_stock: 1, n: 3 },
    { province_code: '15', ocop_group: 'food', ocop_stars: null, bucket: 0, in_stock: 0, n: 2 },
    { province_code: '12', ocop_group: 'beverage', ocop_stars: 5, bucket: 3, in_stock: 1, n: 1 },
    { province_code: '11', ocop_group: 'herbal', ocop_stars: 3, bucket: 2, in_stock: 1, n: 4 },
  ];
  it('counts everything without filters', () => {
    const { total, facets } = computeFacets(emptyQuery(), cube);
    expect(total).toBe(10);
    expect(facets.province).toEqual({ '15': 5, '12': 1, '11': 4 });
    expect(facets.group).toEqual({ beverage: 4, food: 2, herbal: 4 });
    expect(facets.stars).toEqual({ '4': 3, '5': 1, '3': 4 });
    expect(facets.price).toEqual({
      '100000-200000': 3,
      '0-100000': 2,
      '500000-': 1,
      '200000-500000': 4,
    });
    expect(facets.inStock).toBe(8);
  });
  it('is disjunctive: a facet ignores its own filter but applies the others', () => {
    const { total, facets } = computeFacets(
      emptyQuery({ provinceCodes: ['15'], groups: ['beverage'] }),
      cube,
    );
    expect(total).toBe(3);
    expect(facets.province).toEqual({ '15': 3, '12': 1 });
    expect(facets.group).toEqual({ beverage: 3, food: 2 });
    expect(facets.stars).toEqual({ '4': 3 });
    expect(facets.inStock).toBe(3);
  });
  it('applies stars and stock filters', () => {
    const { total, facets } = computeFacets(emptyQuery({ stars: [3, 5], inStockOnly: true }), cube);
    expect(total).toBe(5);
    expect(facets.stars).toEqual({ '4': 3, '5': 1, '3': 4 });
    expect(facets.province).toEqual({ '12': 1, '11': 4 });
  });
});

describe('buildMatchExpression with multi-word synonyms', () => {
  const phrases = loadFoldedSynonyms({
    groups: [
      ['táo mèo', 'sơn tra'],
      ['chè', 'trà'],
    ],
  });
  it('matches a run of words as a phrase or its synonym phrase', () => {
    expect(buildMatchExpression('son tra', phrases)).toBe('("son tra" OR "tao meo")');
    expect(buildMatchExpression('ruou tao meo', phrases)).toBe(
      '"ruou" AND ("tao meo" OR "son tra")',
    );
    expect(buildMatchExpression('tra xanh', phrases)).toBe('("tra" OR "che") AND "xanh"*');
  });
});
