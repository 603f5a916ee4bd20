import type { DB } from '~db/connection.server';
import type { OcopGroup } from '~/lib/ocop';
import type { PlaceVocabulary } from './understanding/vocabulary';

/** What a search engine stores for one published, visible product. */
export interface SearchDocument {
  id: number;
  slug: string;
  name: string;
  description: string;
  category: string;
  group: OcopGroup;
  unit: string;
  priceVnd: number;
  stock: number;
  inStock: boolean;
  ocopStars: 3 | 4 | 5 | null;
  certifications: string[];
  cooperativeId: number;
  cooperativeSlug: string;
  cooperativeName: string;
  provinceCode: string;
  provinceSlug: string;
  provinceName: string;
  communeCode: string | null;
  communeName: string | null;
  /** Names the place had before the 2025 merger, so "Yên Bái" still finds products of new Lào Cai. */
  formerPlaceNames: string[];
  imageUrl: string | null;
  /** ISO 8601 UTC. */
  createdAt: string;
}

export const SORTS = ['relevance', 'price_asc', 'price_desc', 'newest', 'stars'] as const;
export type SearchSort = (typeof SORTS)[number];

export interface SearchQuery {
  /** Raw text as the buyer typed it; engines fold it themselves. */
  q: string;
  provinceCodes: string[];
  /** Official commune codes (a commune page, or a commune the query named); not a facet. */
  communeCodes: string[];
  groups: OcopGroup[];
  stars: Array<3 | 4 | 5>;
  minPriceVnd: number | null;
  maxPriceVnd: number | null;
  inStockOnly: boolean;
  /** Products of these communes first (a former or current commune or province the query named). */
  boostCommuneCodes: string[];
  /** Kinds of query understanding the buyer turned off (a removed chip): those words stay plain text. */
  ignore: UnderstoodKind[];
  sort: SearchSort;
  /** 1-based. */
  page: number;
  perPage: number;
}

/** Price buckets shown as a facet; upper bound exclusive, null = open. */
export const PRICE_BUCKETS = [
  { key: '0-100000', min: 0, max: 100_000 },
  { key: '100000-200000', min: 100_000, max: 200_000 },
  { key: '200000-500000', min: 200_000, max: 500_000 },
  { key: '500000-', min: 500_000, max: null },
] as const;

/**
 * Facet counts are disjunctive: each facet applies the query and every filter
 * except its own, so a buyer can still see (and pick) the alternatives.
 */
export interface SearchFacets {
  province: Record<string, number>;
  group: Record<string, number>;
  stars: Record<string, number>;
  price: Record<string, number>;
  inStock: number;
}

export interface SearchResult {
  total: number;
  hits: SearchDocument[];
  facets: SearchFacets;
  engine: SearchEngineName;
  /** What query understanding made of the text (empty when nothing or when the engine ran raw). */
  understood?: UnderstoodPart[];
}

export const UNDERSTOOD_KINDS = [
  'stars',
  'price',
  'province',
  'former_province',
  'commune',
  'group',
] as const;
export type UnderstoodKind = (typeof UNDERSTOOD_KINDS)[number];

/** One thing query understanding read in the text, shown as a removable chip and in the API. */
export interface UnderstoodPart {
  kind: UnderstoodKind;
  /** The words of the query it came from, as typed. */
  text: string;
  /** A filter narrows the results; a boost ranks matching products first. */
  effect: 'filter' | 'boost';
  /** What the chip says. */
  label: { vi: string; en: string };
  /** Province code, group, stars, price range ("0-200000") or commune codes joined by commas. */
  value: string;
}

export type SearchEngineName = 'sqlite' | 'meilisearch';

export interface SearchHealth {
  engine: SearchEngineName;
  ok: boolean;
  detail?: string;
}

/** The port every engine implements. */
export interface SearchIndex {
  readonly name: SearchEngineName;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Add or replace documents. The SQLite engine is refreshed from the outbox by its own pass and no-ops. */
  upsert(documents: SearchDocument[]): Promise<void>;
  remove(productIds: number[]): Promise<void>;
  health(): Promise<SearchHealth>;
}

/**
 * Where documents come from. The catalogue owns the tables behind them and provides this port when the
 * search service starts; search never reads the catalogue's tables itself.
 */
export interface SearchDocumentSource {
  /** The documents of these products as buyers may see them; a missing id means "remove it". */
  load(db: DB, productIds: number[]): Promise<Map<number, SearchDocument>>;
  /** Every product that belongs in the index (for full rebuilds). */
  listVisibleIds(db: DB): Promise<number[]>;
  /** The places query understanding knows, and the communes that have visible products. */
  loadPlaces?(db: DB): Promise<{ vocabulary: PlaceVocabulary; activeCommuneCodes: string[] }>;
}

export function emptyQuery(overrides: Partial<SearchQuery> = {}): SearchQuery {
  return {
    q: '',
    provinceCodes: [],
    communeCodes: [],
    groups: [],
    stars: [],
    minPriceVnd: null,
    maxPriceVnd: null,
    inStockOnly: false,
    boostCommuneCodes: [],
    ignore: [],
    sort: 'relevance',
    page: 1,
    perPage: 24,
    ...overrides,
  };
}
