import { invalid } from '~/lib/errors';
import type { SearchQuery } from '../types';
import { searchMessages } from '~/i18n/messages/search';

/** The facets whose own filter is left out of their counts (disjunctive faceting). */
export type FacetKey = 'province' | 'group' | 'stars' | 'price' | 'inStock';
export const FACET_KEYS: FacetKey[] = ['province', 'group', 'stars', 'price', 'inStock'];
export const FACET_ATTRIBUTE: Record<FacetKey, string> = {
  province: 'provinceCode',
  group: 'group',
  stars: 'ocopStars',
  price: 'priceBucket',
  inStock: 'inStock',
};

/**
 * A Meilisearch string literal. Every user-supplied string goes through here: inside double quotes only
 * `"` and `\` are special, so escaping both leaves no way to close the literal and add an operator.
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function wholeVnd(field: string, value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid(field, searchMessages.priceNotWhole);
  }
  return String(value);
}

/** Clauses per facet; each inner array is OR-ed, the clauses are AND-ed. */
export function filterClauses(query: SearchQuery): Record<FacetKey, string[][]> {
  const clauses: Record<FacetKey, string[][]> = {
    province: [],
    group: [],
    stars: [],
    price: [],
    inStock: [],
  };
  if (query.provinceCodes.length)
    clauses.province.push(
      query.provinceCodes.map((c) => `provinceCode = ${quoteFilterValue(String(c))}`),
    );
  if (query.groups.length)
    clauses.group.push(query.groups.map((g) => `group = ${quoteFilterValue(String(g))}`));
  if (query.stars.length) {
    // Stars are numbers in the index; anything else cannot match any product, so it matches nothing here too.
    const stars = query.stars.filter((s) => s === 3 || s === 4 || s === 5);
    clauses.stars.push(stars.length ? stars.map((s) => `ocopStars = ${s}`) : ['ocopStars = -1']);
  }
  if (query.minPriceVnd !== null)
    clauses.price.push([`priceVnd >= ${wholeVnd('minPrice', query.minPriceVnd)}`]);
  if (query.maxPriceVnd !== null)
    clauses.price.push([`priceVnd <= ${wholeVnd('maxPrice', query.maxPriceVnd)}`]);
  if (query.inStockOnly) clauses.inStock.push(['inStock = true']);
  return clauses;
}

/** The filter for Meilisearch's array syntax, leaving out the facets named in `except`. */
export function buildFilter(query: SearchQuery, except: FacetKey | null = null): string[][] {
  const clauses = filterClauses(query);
  const commune = query.communeCodes.length
    ? [query.communeCodes.map((c) => `communeCode = ${quoteFilterValue(String(c))}`)]
    : [];
  return [...commune, ...FACET_KEYS.filter((k) => k !== except).flatMap((k) => clauses[k])];
}

export function activeFacets(query: SearchQuery): FacetKey[] {
  const clauses = filterClauses(query);
  return FACET_KEYS.filter((k) => clauses[k].length > 0);
}
