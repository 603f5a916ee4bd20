import { sql, type RawBuilder } from 'kysely';
import type { DB } from '~db/connection.server';
import type {
  SearchDocument,
  SearchHealth,
  SearchIndex,
  SearchQuery,
  SearchResult,
} from '../types';
import {
  BUCKET_SUMS,
  computeFacets,
  createCubeCache,
  cubeFromBucketSums,
  PRICE_BUCKET_SQL,
  type BucketSums,
  type CubeRow,
} from './facets';
import { buildMatchExpression } from './match-expression';
import { SEARCH_VERSION_KEY } from '../sync.server';
import { meaningfulTokens } from '../query-words';
import { buildVocabulary, corrections, type Vocabulary } from '../typo';

// bm25 column weights: name, cooperative, place, category, description — name matches rank first.
const RANK = sql.raw('bm25(product_fts, 10.0, 4.0, 3.0, 2.0, 1.0)');

const ORDER: Record<SearchQuery['sort'], (hasText: boolean) => string> = {
  relevance: (t) =>
    t
      ? 'name_hits desc, rank, s.product_id'
      : 's.stars_rank desc, s.created_at desc, s.product_id desc',
  price_asc: () => 's.price_vnd asc, s.product_id asc',
  price_desc: () => 's.price_vnd desc, s.product_id desc',
  newest: () => 's.created_at desc, s.product_id desc',
  stars: (t) =>
    t
      ? 's.stars_rank desc, name_hits desc, rank, s.product_id'
      : 's.stars_rank desc, s.created_at desc, s.product_id desc',
};

/**
 * The embedded engine: SQLite FTS5 over folded text in the main database file. Its rows are rewritten
 * from the outbox by its own pass (`createEmbeddedSync`), so `upsert`/`remove` have nothing to do.
 * Typo tolerance as in Meilisearch (../typo.ts, against the index's own words); it is the fallback
 * when Meilisearch is unreachable.
 */
export function createSqliteSearchIndex(
  db: DB,
  synonyms: Map<string, string[]>,
  options: {
    facetCacheSize?: number;
    /** Above this many matches, relevance ranks only a bounded candidate set (decision 018). */
    rankAllUpTo?: number;
    rankedCandidates?: number;
    /** From this many text matches, the facet cube scans the facets index instead of joining them. */
    cubeScanFrom?: number;
  } = {},
): SearchIndex {
  const cachedCube = createCubeCache(options.facetCacheSize ?? 500);
  const rankAllUpTo = options.rankAllUpTo ?? 2_000;
  const rankedCandidates = options.rankedCandidates ?? 1_000;
  const cubeScanFrom = options.cubeScanFrom ?? 10_000;

  /**
   * One page of a huge match set in relevance order: the newest `rankedCandidates` matches (FTS5 walks
   * its rowids backwards and stops, so bm25 runs for those only) ranked by name hits and bm25, then
   * every other match, newest first. Pages stay consistent: each match has one place in that order.
   */
  async function boundedHits(p: {
    from: RawBuilder<unknown>;
    filters: RawBuilder<unknown>;
    q: string;
    offset: number;
    perPage: number;
  }): Promise<number[]> {
    const end = p.offset + p.perPage;
    const ids: number[] = [];
    if (p.offset < rankedCandidates) {
      const ranked = await sql<{ id: number }>`select c.id, c.rank, ${nameHits(p.q)} as name_hits
        from (select f.rowid as id, ${RANK} as rank ${p.from} ${p.filters}
          order by f.rowid desc limit ${rankedCandidates}) c
        join product_search s indexed by product_search_lookup on s.product_id = c.id
        order by name_hits desc, c.rank, c.id
        limit ${Math.min(end, rankedCandidates) - p.offset} offset ${p.offset}`.execute(db);
      ids.push(...ranked.rows.map((r) => r.id));
    }
    if (end > rankedCandidates) {
      const start = Math.max(p.offset, rankedCandidates);
      const rest = await sql<{ id: number }>`select f.rowid as id ${p.from} ${p.filters}
        order by f.rowid desc limit ${end - start} offset ${start}`.execute(db);
      ids.push(...rest.rows.map((r) => r.id));
    }
    return ids;
  }

  /** The documents of a page, in the page's order. */
  async function documentsOf(ids: number[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('product_search')
      .select(['product_id', 'document'])
      .where('product_id', 'in', ids)
      .execute();
    const byId = new Map(rows.map((r) => [r.product_id, r.document]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  // The index's words, for typo tolerance; rebuilt when the search version changes.
  let vocabulary: { version: string; words: Promise<Vocabulary> } | null = null;
  function vocabularyAt(version: string): Promise<Vocabulary> {
    if (vocabulary?.version !== version) {
      const words = (async () => {
        await sql`create virtual table if not exists temp.product_fts_terms
          using fts5vocab(main, 'product_fts', 'row')`.execute(db);
        const rows = await sql<{ term: string }>`select term from temp.product_fts_terms`.execute(
          db,
        );
        return buildVocabulary(rows.rows.map((r) => r.term));
      })();
      vocabulary = { version, words };
      words.catch(() => (vocabulary = null));
    }
    return vocabulary.words;
  }

  async function run(query: SearchQuery, mode: 'all' | 'any'): Promise<SearchResult> {
    const currentVersion = await db
      .selectFrom('app_meta')
      .select('value')
      .where('key', '=', SEARCH_VERSION_KEY)
      .executeTakeFirst();
    const words = query.q.trim() ? await vocabularyAt(currentVersion?.value ?? '0') : null;
    const match = buildMatchExpression(query.q, synonyms, mode, (word, isLast) =>
      words ? corrections(word, words, isLast) : [],
    );
    const commune = query.communeCodes.length
      ? sql`and s.commune_code in (${sql.join(query.communeCodes)})`
      : EMPTY;
    const from = match
      ? // Everything read below from s is in product_search_lookup (0018): never a row of the table.
        sql`from product_fts f join product_search s indexed by product_search_lookup
          on s.product_id = f.rowid where product_fts match ${match} ${commune}`
      : sql`from product_search s where 1 = 1 ${commune}`;
    const filters = filterSql(query);
    const priceFilter = priceSql(query);
    let matchCount: Promise<number> | null = null;
    const cubeQuery = async (withPrice: boolean): Promise<CubeRow[]> => {
      const price = withPrice ? priceFilter : EMPTY;
      matchCount ??= match
        ? sql<{ n: number }>`select count(*) as n from product_fts where product_fts match ${match}`
            .execute(db)
            .then((r) => r.rows[0]?.n ?? 0)
        : Promise.resolve(0);
      if (match && !query.communeCodes.length && (await matchCount) >= cubeScanFrom) {
        // Tens of thousands of matches: walk the facets index in group order (no sort of the groups)
        // and look each product up in the set of matches, instead of joining every match (decision 018).
        const rows = await sql<BucketSums>`select s.province_code, s.ocop_group, s.ocop_stars,
            s.in_stock, ${BUCKET_SUMS} from product_search s indexed by product_search_facets
          where s.product_id in (select rowid from product_fts where product_fts match ${match})
            ${price} group by 1, 2, 3, 4`.execute(db);
        return cubeFromBucketSums(rows.rows);
      }
      const rows = await sql<CubeRow>`select s.province_code, s.ocop_group, s.ocop_stars,
          ${sql.raw(PRICE_BUCKET_SQL)} as bucket, s.in_stock, count(*) as n ${from} ${price}
        group by 1, 2, 3, 4, 5`.execute(db);
      return rows.rows;
    };
    const version = currentVersion;
    const key = `${version?.value ?? 0}|${match ?? ''}|${query.communeCodes.join(',')}`;
    const priceKey = `${query.minPriceVnd ?? ''}-${query.maxPriceVnd ?? ''}`;
    const cube = await cachedCube(`${key}|${priceKey}`, () => cubeQuery(true));
    const priceCube =
      priceFilter === EMPTY ? cube : await cachedCube(`${key}|-`, () => cubeQuery(false));
    const { total, facets } = computeFacets(query, cube, priceCube);
    const rank = match ? sql`, ${RANK} as rank, ${nameHits(query.q)} as name_hits` : sql``;
    // Without text, walk the index that already has the requested order and stop after one page; the
    // planner would otherwise pick a filter's index and sort every match (no statistics on a fresh file).
    // Narrowed to communes or boosted, the planner's own choice (the commune index) reads far fewer rows.
    // So is a filter that leaves few products (a province's homestays): its index finds them all at once.
    const browse =
      match ||
      query.communeCodes.length ||
      query.boostCommuneCodes.length ||
      total <= SORT_ALL_UP_TO
        ? from
        : sql`from product_search s indexed by ${sql.raw(BROWSE_INDEX[query.sort])} where 1 = 1`;
    // Products of the communes the query named (or that were in the former province it named) first.
    const boost =
      query.boostCommuneCodes.length && query.sort === 'relevance'
        ? sql`(s.commune_code in (${sql.join(query.boostCommuneCodes)})) desc,`
        : EMPTY;
    const order = sql.raw(ORDER[query.sort](Boolean(match)));
    const offset = (query.page - 1) * query.perPage;
    // Ranking tens of thousands of matches (bm25 and name hits for every one) takes longer than the
    // whole answer may: past `rankAllUpTo` matches, only the newest `rankedCandidates` are ranked and
    // the rest follow, newest first (decision 018).
    const bounded =
      match !== null &&
      query.sort === 'relevance' &&
      boost === EMPTY &&
      total > rankAllUpTo &&
      offset < total;
    const filtersAndPrice = sql`${filters} ${priceFilter}`;
    const page = { limit: query.perPage, offset };
    // With text, rank ids from product_search_lookup alone (no row of the table is read for the tens of
    // thousands of matches), then read the page's documents; browsing reads them as it walks.
    const documents = bounded
      ? await documentsOf(
          await boundedHits({
            from,
            filters: filtersAndPrice,
            q: query.q,
            offset,
            perPage: page.limit,
          }),
        )
      : match
        ? await documentsOf(
            (
              await sql<{ id: number }>`select s.product_id as id ${rank} ${from} ${filtersAndPrice}
                order by ${boost} ${order} limit ${page.limit} offset ${page.offset}`.execute(db)
            ).rows.map((r) => r.id),
          )
        : (
            await sql<{ document: string }>`select s.document ${browse} ${filtersAndPrice}
              order by ${boost} ${order} limit ${page.limit} offset ${page.offset}`.execute(db)
          ).rows.map((r) => r.document);
    return {
      total,
      hits: documents.map((d) => JSON.parse(d) as SearchDocument),
      facets,
      engine: 'sqlite',
    };
  }

  return {
    name: 'sqlite',
    async search(query) {
      const result = await run(query, 'all');
      // Every word must match first; when nothing does, rank products matching any word instead.
      if (result.total === 0 && query.q.trim().includes(' ')) {
        const relaxed = await run(query, 'any');
        if (relaxed.total > 0) return relaxed;
      }
      return result;
    },
    async upsert() {},
    async remove() {},
    async health(): Promise<SearchHealth> {
      try {
        await sql`select count(*) from product_fts where rowid = 0`.execute(db);
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

/** Up to this many matches of filters alone, sorting them beats walking an index in the page's order. */
const SORT_ALL_UP_TO = 2_000;

const BROWSE_INDEX: Record<SearchQuery['sort'], string> = {
  relevance: 'product_search_stars',
  stars: 'product_search_stars',
  newest: 'product_search_created',
  price_asc: 'product_search_price',
  price_desc: 'product_search_price',
};

/** How many of the typed words (not their synonyms) start a word of the name: exact name matches first. */
function nameHits(q: string): RawBuilder<number> {
  const tokens = meaningfulTokens(q).slice(0, 12);
  return sql<number>`(${sql.join(
    tokens.map((t) => sql`(instr(' ' || s.name_folded, ${` ${t}`}) > 0)`),
    sql` + `,
  )})`;
}

function filterSql(query: SearchQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (query.provinceCodes.length)
    parts.push(sql`s.province_code in (${sql.join(query.provinceCodes)})`);
  if (query.groups.length) parts.push(sql`s.ocop_group in (${sql.join(query.groups)})`);
  // stars_rank is ocop_stars or 0: the same filter, but one the browse index (stars_rank first) can seek.
  if (query.stars.length)
    parts.push(
      sql`s.ocop_stars in (${sql.join(query.stars)}) and s.stars_rank in (${sql.join(query.stars)})`,
    );
  if (query.inStockOnly) parts.push(sql`s.in_stock = 1`);
  return parts.length ? sql`and ${sql.join(parts, sql` and `)}` : EMPTY;
}

function priceSql(query: SearchQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (query.minPriceVnd !== null) parts.push(sql`s.price_vnd >= ${query.minPriceVnd}`);
  if (query.maxPriceVnd !== null) parts.push(sql`s.price_vnd <= ${query.maxPriceVnd}`);
  return parts.length ? sql`and ${sql.join(parts, sql` and `)}` : EMPTY;
}
