// The search domain's public entry for code that also runs in the browser (no server-only imports).
// Everything else in app/search/ is internal (eslint: architecture/domain-boundaries).
export { productCard, type ProductCardData } from './product-card';
export { parseSearchParams, searchParamsOf } from './query-params';
export {
  emptyQuery,
  PRICE_BUCKETS,
  type SearchDocument,
  type SearchFacets,
  type SearchIndex,
  type SearchQuery,
  SORTS,
  UNDERSTOOD_KINDS,
  type UnderstoodKind,
  type UnderstoodPart,
} from './types';
