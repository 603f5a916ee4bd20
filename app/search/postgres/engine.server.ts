import { sql, type RawBuilder } from 'kysely';
import type { DB } from '~db/connection.server';
import type {
  SearchDocument,
  SearchHealth,
  SearchIndex,
  SearchQuery,
  SearchResult,
} from '../types';
import { computeFacets, createCubeCache, PRICE_BUCKET_SQL, type CubeRow } from '../sqlite/facets';
import { SEARCH_VERSION_KEY } from '../sync.server';
import { buildTsQuery, queryTokens, trigramSimilarity } from './tsquery';

// ts_rank weights for D, C, B, A: description, category, cooperative/place, name (as bm25's 1/2/3-4/10).
const RANK = sql.raw(`ts_rank('{0.1, 0.2, 0.4, 1.0}', s.fts, q.query)`);

const ORDER: Record<SearchQuery['sort'], (hasText: boolean) => string> = {
  relevance: (t) =>
    t
      ? 'name_hits desc, rank desc, s.product_id'
      : 's.stars_rank desc, s.created_at desc, s.product_id desc',
  price_asc: () => 's.price_vnd asc, s.product_id asc',
  price_desc: () => 's.price_vnd desc, s.product_id desc',
  newest: () => 's.created_at desc, s.product_id desc',
  stars: (t) =>
    t
      ? 's.stars_rank desc, name_hits desc, rank desc, s.product_id'
      : 's.stars_rank desc, s.created_at desc, s.product_id desc',
};

/**
 * The embedded engine on PostgreSQL: full text (a weighted tsvector over product_search's folded
 * columns, 0009_postgres_search) with the same query rules as the SQLite engine, plus typo tolerance
 * from pg_trgm: when nothing matches, each word that matches nothing is replaced by the closest word
 * of a product name (trigram similarity ≥ 0.3) and the search runs again.
 */
export function createPostgresSearchIndex(
  db: DB,
  synonyms: Map<string, string[]>,
  options: { facetCacheSize?: number } = {},
): SearchIndex {
  const cachedCube = createCubeCache(options.facetCacheSize ?? 500);

  async function run(query: SearchQuery, tokens: string[], mode: 'all' | 'any') {
    const tsquery = buildTsQuery(tokens, synonyms, mode);
    const from = tsquery
      ? sql`from product_search s, to_tsquery('simple', ${tsquery}) as q(query) where s.fts @@ q.query`
      : sql`from product_search s where 1 = 1`;
    const filters = filterSql(query);
    const priceFilter = priceSql(query);
    const cubeQuery = (withPrice: boolean) =>
      sql<CubeRow>`select s.province_code, s.ocop_group, s.ocop_stars, ${sql.raw(PRICE_BUCKET_SQL)} as bucket,
        s.in_stock, count(*) as n ${from} ${withPrice ? priceFilter : EMPTY}
        group by 1, 2, 3, 4, 5`.execute(db);
    const version = await db
      .selectFrom('app_meta')
      .select('value')
      .where('key', '=', SEARCH_VERSION_KEY)
      .executeTakeFirst();
    const key = `${version?.value ?? 0}|${tsquery ?? ''}`;
    const priceKey = `${query.minPriceVnd ?? ''}-${query.maxPriceVnd ?? ''}`;
    const cube = await cachedCube(`${key}|${priceKey}`, async () => (await cubeQuery(true)).rows);
    const priceCube =
      priceFilter === EMPTY
        ? cube
        : await cachedCube(`${key}|-`, async () => (await cubeQuery(false)).rows);
    const { total, facets } = computeFacets(query, cube, priceCube);
    const rank = tsquery ? sql`, ${RANK} as rank, ${nameHits(tokens)} as name_hits` : EMPTY;
    const hits = await sql<{
      document: string;
    }>`select s.document ${rank} ${from} ${filters} ${priceFilter}
      order by ${sql.raw(ORDER[query.sort](Boolean(tsquery)))}
      limit ${query.perPage} offset ${(query.page - 1) * query.perPage}`.execute(db);
    return {
      total,
      hits: hits.rows.map((r) => JSON.parse(r.document) as SearchDocument),
      facets,
      engine: 'sqlite',
    } satisfies SearchResult;
  }

  async function searchTokens(query: SearchQuery, tokens: string[]): Promise<SearchResult> {
    const result = await run(query, tokens, 'all');
    // Every word must match first; when nothing does, rank products matching any word instead.
    if (result.total === 0 && tokens.length > 1) {
      const relaxed = await run(query, tokens, 'any');
      if (relaxed.total > 0) return relaxed;
    }
    return result;
  }

  /** Each word with no match replaced by the most similar word of a product name, if any. */
  async function corrected(tokens: string[]): Promise<string[] | null> {
    let changed = false;
    const out: string[] = [];
    for (const token of tokens) {
      const known = await sql<{ n: number }>`select count(*) as n from product_search s
        where s.fts @@ to_tsquery('simple', ${`'${token.replace(/[\\']/g, '')}':*`})`.execute(db);
      if ((known.rows[0]?.n ?? 0) > 0 || token.length < 3) {
        out.push(token);
        continue;
      }
      const names = await sql<{ fts_name: string }>`select fts_name from product_search
        where ${token} <% fts_name order by word_similarity(${token}, fts_name) desc limit 10`.execute(
        db,
      );
      let best: { word: string; score: number } | null = null;
      for (const { fts_name } of names.rows)
        for (const word of fts_name.split(/\s+/)) {
          const score = trigramSimilarity(token, word);
          if (score >= 0.3 && (!best || score > best.score)) best = { word, score };
        }
      out.push(best?.word ?? token);
      if (best) changed = true;
    }
    return changed ? out : null;
  }

  return {
    name: 'sqlite',
    async search(query) {
      const tokens = queryTokens(query.q);
      const result = await searchTokens(query, tokens);
      if (result.total > 0 || tokens.length === 0) return result;
      const fixed = await corrected(tokens);
      return fixed ? searchTokens(query, fixed) : result;
    },
    async upsert() {},
    async remove() {},
    async health(): Promise<SearchHealth> {
      try {
        await sql`select count(*) from product_search where product_id = 0`.execute(db);
        return { engine: 'sqlite', ok: true };
      } catch (error) {
        return {
          engine: 'sqlite',
          ok: false,
          detail: error instanceof Error ? error.message : String(error),
        };
      }
    },
  };
}

const EMPTY = sql``;

/** How many of the typed words start a word of the name: exact name matches first. */
function nameHits(tokens: string[]): RawBuilder<number> {
  const words = tokens.slice(0, 12);
  return sql<number>`(${sql.join(
    words.map((t) => sql`(position(${` ${t}`} in ' ' || s.name_folded) > 0)::int`),
    sql` + `,
  )})`;
}

function filterSql(query: SearchQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (query.provinceCodes.length)
    parts.push(sql`s.province_code in (${sql.join(query.provinceCodes)})`);
  if (query.groups.length) parts.push(sql`s.ocop_group in (${sql.join(query.groups)})`);
  if (query.stars.length) parts.push(sql`s.ocop_stars in (${sql.join(query.stars)})`);
  if (query.inStockOnly) parts.push(sql`s.in_stock = 1`);
  return parts.length ? sql`and ${sql.join(parts, sql` and `)}` : EMPTY;
}

function priceSql(query: SearchQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (query.minPriceVnd !== null) parts.push(sql`s.price_vnd >= ${query.minPriceVnd}`);
  if (query.maxPriceVnd !== null) parts.push(sql`s.price_vnd <= ${query.maxPriceVnd}`);
  return parts.length ? sql`and ${sql.join(parts, sql` and `)}` : EMPTY;
}
