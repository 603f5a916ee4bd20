import type { DB } from '~db/connection.server';
import { foldedTokens } from '~/lib/text';
import type { SearchQuery, SearchResult } from './types';

/** A search with this many results or fewer is demand the catalogue does not meet. */
export const FEW_RESULTS = 2;
const MAX_QUERY = 80;

/** Monday (UTC) of the ISO week of `now`, as YYYY-MM-DD. */
export function weekOf(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** The query as counted: folded words, so "Mật ong" and "mat  ong" are one line. */
export function demandKey(q: string): string {
  return foldedTokens(q).join(' ').slice(0, MAX_QUERY).trim();
}

/**
 * Whether a search is demand the catalogue does not meet (recordDemand counts it). Such answers must not
 * be served from the page cache, or a repeated search would go uncounted.
 */
export function countsAsDemand(query: SearchQuery, result: SearchResult): boolean {
  // Small pages are the search box's suggestions while the buyer types: half-words, not demand.
  return (
    Boolean(demandKey(query.q)) &&
    query.page === 1 &&
    query.perPage >= 10 &&
    result.total <= FEW_RESULTS
  );
}

/** Who searched, only to keep one network from inflating the counts; never stored. */
export interface SearchOrigin {
  /** The client's network (IPv4 /24, IPv6 /48), as the rate limits use it. */
  network: string;
}

export interface DemandLimiter {
  /** Whether this network's search for `key` may be counted now (and remembers that it was). */
  allows(network: string, key: string): boolean;
}

/**
 * Keeps demand honest without keeping identities: a network counts a query at most once a day, and at
 * most `perNetworkPerHour` queries an hour, so one buyer refreshing, or a script, cannot fill the trade
 * office's list. In memory only (nothing about the network reaches the database), bounded in size; with
 * several instances a network may count once per instance.
 */
export function createDemandLimiter(
  options: { perNetworkPerHour?: number; maxEntries?: number; now?: () => number } = {},
): DemandLimiter {
  const perHour = options.perNetworkPerHour ?? 20;
  const maxEntries = options.maxEntries ?? 50_000;
  const now = options.now ?? Date.now;
  const DAY = 86_400_000;
  const HOUR = 3_600_000;
  const seen = new Map<string, number>(); // network + query → when it may count again
  const hourly = new Map<string, { since: number; count: number }>();
  const bound = <V>(map: Map<string, V>, expired: (value: V) => boolean) => {
    if (map.size < maxEntries) return;
    for (const [k, v] of map) if (expired(v)) map.delete(k);
    // Still full of live entries (a flood): forget the oldest half rather than grow.
    if (map.size >= maxEntries) {
      let drop = Math.ceil(map.size / 2);
      for (const k of map.keys()) {
        if (drop-- <= 0) break;
        map.delete(k);
      }
    }
  };
  return {
    allows(network, key) {
      const at = now();
      const seenKey = `${network}\u0000${key}`;
      if ((seen.get(seenKey) ?? 0) > at) return false;
      const window = hourly.get(network);
      if (window && at - window.since < HOUR && window.count >= perHour) return false;
      bound(seen, (until) => until <= at);
      bound(hourly, (w) => at - w.since >= HOUR);
      seen.set(seenKey, at + DAY);
      if (!window || at - window.since >= HOUR) hourly.set(network, { since: at, count: 1 });
      else window.count++;
      return true;
    },
  };
}

/**
 * Counts a first-page text search that found nothing or little, under its week and province (the one
 * the query named or filtered on, '' for none). Nothing about the buyer is stored.
 */
export async function recordDemand(
  db: DB,
  query: SearchQuery,
  result: SearchResult,
  now = new Date(),
): Promise<boolean> {
  if (!countsAsDemand(query, result)) return false;
  const key = demandKey(query.q);
  const understoodProvince = result.understood?.find((u) => u.kind === 'province')?.value;
  const province = query.provinceCodes[0] ?? understoodProvince ?? '';
  const zero = result.total === 0 ? 1 : 0;
  await db
    .insertInto('search_demand')
    .values({
      week: weekOf(now),
      province_code: province,
      query: key,
      searches: 1,
      zero_results: zero,
      fewest_results: result.total,
      last_searched_at: now.toISOString(),
    })
    .onConflict((oc) =>
      oc.columns(['week', 'province_code', 'query']).doUpdateSet((eb) => ({
        searches: eb('search_demand.searches', '+', 1),
        zero_results: eb('search_demand.zero_results', '+', zero),
        fewest_results: eb
          .case()
          .when('search_demand.fewest_results', '>', result.total)
          .then(result.total)
          .else(eb.ref('search_demand.fewest_results'))
          .end(),
        last_searched_at: now.toISOString(),
      })),
    )
    .execute();
  return true;
}

export interface DemandRow {
  week: string;
  provinceCode: string;
  query: string;
  searches: number;
  zeroResults: number;
  fewestResults: number;
}

/** The unmet searches of these provinces since `sinceWeek`, most searched first. */
export async function listDemand(
  db: DB,
  options: { provinceCodes: string[]; sinceWeek: string; limit?: number },
): Promise<DemandRow[]> {
  if (options.provinceCodes.length === 0) return [];
  const rows = await db
    .selectFrom('search_demand')
    .select(['week', 'province_code', 'query', 'searches', 'zero_results', 'fewest_results'])
    .where('province_code', 'in', options.provinceCodes)
    .where('week', '>=', options.sinceWeek)
    .orderBy('searches', 'desc')
    .orderBy('week', 'desc')
    .orderBy('query')
    .limit(options.limit ?? 20)
    .execute();
  return rows.map((r) => ({
    week: r.week,
    provinceCode: r.province_code,
    query: r.query,
    searches: Number(r.searches),
    zeroResults: Number(r.zero_results),
    fewestResults: Number(r.fewest_results),
  }));
}

/** The week `weeks` weeks before the week of `now`. */
export function weeksBefore(now: Date, weeks: number): string {
  return weekOf(new Date(now.getTime() - weeks * 7 * 86_400_000));
}
