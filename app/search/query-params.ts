import { isOcopGroup, type OcopGroup } from '~/lib/ocop';
import { formatMessage, type Message } from '~/i18n/messages';
import { searchMessages as m } from '~/i18n/messages/search';
import { understandingMessages } from '~/i18n/messages/understanding';
import {
  emptyQuery,
  SORTS,
  UNDERSTOOD_KINDS,
  type SearchQuery,
  type SearchSort,
  type UnderstoodKind,
} from './types';

export interface ParameterError {
  parameter: string;
  message: Message;
}

export type ParsedSearch = { ok: true; query: SearchQuery } | { ok: false; error: ParameterError };

export const MAX_PER_PAGE = 100;
const MAX_PAGE = 1000;

/**
 * Parses the search state from a URL (the API and the catalogue page share it). Provinces are given by
 * official code or slug; `provinces` maps both to the code. The first bad parameter is reported.
 */
export function parseSearchParams(
  params: URLSearchParams,
  provinces: Array<{ code: string; slug: string }>,
  defaults: { perPage: number } = { perPage: 24 },
): ParsedSearch {
  const fail = (
    parameter: string,
    message: Message,
    params: Record<string, string | number> = {},
  ): ParsedSearch => ({
    ok: false,
    error: { parameter, message: formatMessage(message, params) },
  });

  const q = (params.get('q') ?? '').trim();
  if (q.length > 200) return fail('q', m.queryTooLong);

  const provinceCodes: string[] = [];
  for (const value of params.getAll('province').filter(Boolean)) {
    const found = provinces.find(
      (p) => p.code === value || p.code === value.padStart(2, '0') || p.slug === value,
    );
    if (!found) return fail('province', m.unknownProvince, { value });
    if (!provinceCodes.includes(found.code)) provinceCodes.push(found.code);
  }

  const groups: OcopGroup[] = [];
  for (const value of params.getAll('group').filter(Boolean)) {
    if (!isOcopGroup(value)) return fail('group', m.unknownGroup, { value });
    if (!groups.includes(value)) groups.push(value);
  }

  const stars: Array<3 | 4 | 5> = [];
  for (const value of params.getAll('stars').filter(Boolean)) {
    if (!['3', '4', '5'].includes(value)) return fail('stars', m.starsInvalid);
    const n = Number(value) as 3 | 4 | 5;
    if (!stars.includes(n)) stars.push(n);
  }

  const price = (name: string): number | null | 'bad' => {
    const value = params.get(name);
    if (value === null || value.trim() === '') return null;
    if (!/^\d{1,12}$/.test(value.trim())) return 'bad';
    return Number(value.trim());
  };
  const minPriceVnd = price('min_price');
  if (minPriceVnd === 'bad') return fail('min_price', m.minPriceInvalid);
  const maxPriceVnd = price('max_price');
  if (maxPriceVnd === 'bad') return fail('max_price', m.maxPriceInvalid);
  if (minPriceVnd !== null && maxPriceVnd !== null && minPriceVnd > maxPriceVnd) {
    return fail('max_price', m.priceRangeInverted);
  }

  const inStock = params.get('in_stock');
  if (inStock !== null && !['', '0', '1'].includes(inStock))
    return fail('in_stock', m.inStockInvalid);

  // `ignore=stars`: the buyer removed that chip; those words are searched as plain text.
  const ignore: UnderstoodKind[] = [];
  for (const value of params.getAll('ignore').filter(Boolean)) {
    if (!(UNDERSTOOD_KINDS as readonly string[]).includes(value))
      return fail('ignore', understandingMessages.ignoreInvalid, {
        kinds: UNDERSTOOD_KINDS.join(', '),
      });
    if (!ignore.includes(value as UnderstoodKind)) ignore.push(value as UnderstoodKind);
  }

  const sort = (params.get('sort') || 'relevance') as SearchSort;
  if (!SORTS.includes(sort)) return fail('sort', m.sortInvalid, { sorts: SORTS.join(', ') });

  const page = params.get('page') || '1';
  if (!/^\d{1,4}$/.test(page) || Number(page) < 1 || Number(page) > MAX_PAGE)
    return fail('page', m.pageInvalid, { max: MAX_PAGE });
  const perPage = params.get('per_page') || String(defaults.perPage);
  if (!/^\d{1,3}$/.test(perPage) || Number(perPage) < 1 || Number(perPage) > MAX_PER_PAGE)
    return fail('per_page', m.perPageInvalid, { max: MAX_PER_PAGE });

  return {
    ok: true,
    query: emptyQuery({
      q,
      provinceCodes,
      groups,
      stars,
      minPriceVnd,
      maxPriceVnd,
      inStockOnly: inStock === '1',
      ignore,
      sort,
      page: Number(page),
      perPage: Number(perPage),
    }),
  };
}

/** The URL parameters for a query (the inverse of parseSearchParams), dropping defaults. */
export function searchParamsOf(
  query: SearchQuery,
  provinceSlugs: Map<string, string>,
): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const code of query.provinceCodes)
    params.append('province', provinceSlugs.get(code) ?? code);
  for (const g of query.groups) params.append('group', g);
  for (const s of query.stars) params.append('stars', String(s));
  if (query.minPriceVnd !== null) params.set('min_price', String(query.minPriceVnd));
  if (query.maxPriceVnd !== null) params.set('max_price', String(query.maxPriceVnd));
  if (query.inStockOnly) params.set('in_stock', '1');
  for (const kind of query.ignore) params.append('ignore', kind);
  if (query.sort !== 'relevance') params.set('sort', query.sort);
  if (query.page !== 1) params.set('page', String(query.page));
  return params;
}
