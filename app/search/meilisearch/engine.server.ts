import { Meilisearch, type MultiSearchQuery, type SearchResponse, type Task } from 'meilisearch';
import { foldedTokens } from '~/lib/text';
import { meaningfulTokens } from '../query-words';
import type {
  SearchDocument,
  SearchFacets,
  SearchHealth,
  SearchIndex,
  SearchQuery,
  SearchResult,
  SearchSort,
} from '../types';
import { createMeiliHttpClient } from './http-client.server';
import { fromMeiliHit, SEARCH_DOCUMENT_FIELDS, toMeiliDocument } from './documents';
import {
  activeFacets,
  buildFilter,
  FACET_ATTRIBUTE,
  FACET_KEYS,
  quoteFilterValue,
  type FacetKey,
} from './filters';
import { productIndexSettings } from './settings';

export interface MeilisearchIndex extends SearchIndex {
  readonly indexUid: string;
  readonly client: Meilisearch;
  /** Creates the index if needed and applies the settings; a no-op task when nothing changed. */
  ensureSettings(indexUid?: string): Promise<void>;
  /** Adds documents to another index (a reindex target), waiting for the tasks. */
  upsertInto(indexUid: string, documents: SearchDocument[]): Promise<void>;
  /** Atomically exchanges the live index with `newIndexUid`, then deletes the old contents. */
  swapIn(newIndexUid: string): Promise<void>;
}

export interface MeilisearchIndexOptions {
  url: string;
  apiKey: string;
  indexUid?: string;
  /** How long to wait for an indexing task before giving up (the outbox retries later). */
  taskTimeoutMs?: number;
}

const SORT: Record<SearchSort, string[] | undefined> = {
  relevance: undefined,
  price_asc: ['priceVnd:asc', 'id:asc'],
  price_desc: ['priceVnd:desc', 'id:asc'],
  newest: ['createdAtTs:desc', 'id:desc'],
  stars: ['ocopStarsRank:desc'],
};

const BATCH = 1_000;

export function createMeilisearchIndex(options: MeilisearchIndexOptions): MeilisearchIndex {
  const indexUid = options.indexUid ?? 'products';
  const client = new Meilisearch({
    host: options.url,
    apiKey: options.apiKey,
    timeout: 10_000,
    httpClient: createMeiliHttpClient(),
  });
  const wait = { timeout: options.taskTimeoutMs ?? 60_000, interval: 25 };

  async function succeeded(task: Promise<Task>, what: string): Promise<Task> {
    const done = await task;
    if (done.status !== 'succeeded') {
      throw new Error(
        `Meilisearch task ${done.uid} (${what}) ${done.status}: ${done.error?.message ?? 'no error message'}`,
      );
    }
    return done;
  }

  async function upsertInto(uid: string, documents: SearchDocument[]): Promise<void> {
    for (let i = 0; i < documents.length; i += BATCH) {
      const batch = documents.slice(i, i + BATCH).map(toMeiliDocument);
      await succeeded(
        client.index(uid).addDocuments(batch, { primaryKey: 'id' }).waitTask(wait),
        `add ${batch.length} documents to ${uid}`,
      );
    }
  }

  async function run(query: SearchQuery, matchingStrategy: 'all' | 'last'): Promise<SearchResult> {
    const q = meaningfulTokens(query.q).join(' ');
    const active = activeFacets(query);
    const main: MultiSearchQuery = {
      indexUid,
      q,
      matchingStrategy,
      filter: buildFilter(query),
      sort: SORT[query.sort],
      page: query.page,
      hitsPerPage: query.perPage,
      attributesToRetrieve: SEARCH_DOCUMENT_FIELDS,
      facets: FACET_KEYS.filter((k) => !active.includes(k)).map((k) => FACET_ATTRIBUTE[k]),
    };
    // One query per active filter: the same search without that filter, counting only its facet.
    const facetQueries: MultiSearchQuery[] = active.map((key) => ({
      indexUid,
      q,
      matchingStrategy,
      filter: buildFilter(query, key),
      limit: 0,
      facets: [FACET_ATTRIBUTE[key]],
    }));
    const boost = boostClause(query);
    // Boosted: the main query counts and facets; the hits come first from the boosted communes.
    if (boost) main.hitsPerPage = 0;
    const boosted: MultiSearchQuery[] = boost
      ? [
          {
            ...main,
            facets: [],
            hitsPerPage: query.perPage,
            filter: [...(main.filter as string[][]), [boost]],
          },
        ]
      : [];
    const { results } = await client.multiSearch({
      queries: [main, ...facetQueries, ...boosted],
    });
    const all = results as SearchResponse[];
    const hitsResult = all[0];
    const facetResults = all.slice(1, 1 + facetQueries.length);
    if (!hitsResult) throw new Error('Meilisearch answered a multi-search without results');
    if (boost) hitsResult.hits = await boostedHits(main, all[all.length - 1]!, boost, query);
    const distribution: Record<string, Record<string, number>> = {
      ...hitsResult.facetDistribution,
    };
    // The facet queries were sent in the order of `active`; each answers for its own facet.
    active.forEach((key, i) => {
      const attribute = FACET_ATTRIBUTE[key];
      distribution[attribute] = facetResults[i]?.facetDistribution?.[attribute] ?? {};
    });
    return {
      total: hitsResult.totalHits ?? hitsResult.estimatedTotalHits ?? 0,
      hits: hitsResult.hits.map((hit) => fromMeiliHit(hit)),
      facets: toFacets(distribution),
      engine: 'meilisearch',
    };
  }

  /** The boosted communes' hits of this page, topped up with the others' when they run out. */
  async function boostedHits(
    main: MultiSearchQuery,
    first: SearchResponse,
    boost: string,
    query: SearchQuery,
  ) {
    const hits = [...first.hits];
    if (hits.length >= query.perPage) return hits;
    const boostedTotal = first.totalHits ?? 0;
    const rest = await client.index(indexUid).search(main.q, {
      matchingStrategy: main.matchingStrategy,
      filter: [...(main.filter as string[][]), [`NOT ${boost}`]],
      offset: Math.max(0, (query.page - 1) * query.perPage - boostedTotal),
      limit: query.perPage - hits.length,
      attributesToRetrieve: SEARCH_DOCUMENT_FIELDS,
    });
    return [...hits, ...rest.hits];
  }

  return {
    name: 'meilisearch',
    indexUid,
    client,
    async search(query) {
      const result = await run(query, 'all');
      // Every word must match first (as in the embedded engine); if none does, let trailing words go.
      if (result.total === 0 && foldedTokens(query.q).length > 1) {
        const relaxed = await run(query, 'last');
        if (relaxed.total > 0) return relaxed;
      }
      return result;
    },
    async upsert(documents) {
      await upsertInto(indexUid, documents);
    },
    upsertInto,
    async remove(productIds) {
      for (let i = 0; i < productIds.length; i += BATCH) {
        const ids = productIds.slice(i, i + BATCH);
        await succeeded(
          client.index(indexUid).deleteDocuments(ids).waitTask(wait),
          `delete ${ids.length} documents`,
        );
      }
    },
    async health(): Promise<SearchHealth> {
      try {
        const response = await fetch(new URL('/health', options.url), {
          signal: AbortSignal.timeout(2_000),
        });
        if (!response.ok)
          return {
            engine: 'meilisearch',
            ok: false,
            detail: `GET /health answered ${response.status}`,
          };
        return { engine: 'meilisearch', ok: true };
      } catch (error) {
        return {
          engine: 'meilisearch',
          ok: false,
          detail: `unreachable at ${options.url}: ${causeOf(error)}`,
        };
      }
    },
    async ensureSettings(uid = indexUid) {
      const exists = await client.getIndex(uid).then(
        () => true,
        () => false,
      );
      if (!exists)
        await succeeded(
          client.createIndex(uid, { primaryKey: 'id' }).waitTask(wait),
          `create index ${uid}`,
        );
      await succeeded(
        client.index(uid).updateSettings(productIndexSettings()).waitTask(wait),
        `settings of ${uid}`,
      );
    },
    async swapIn(newIndexUid) {
      const liveExists = await client.getIndex(indexUid).then(
        () => true,
        () => false,
      );
      // With no live index yet, renaming the new one is the swap; otherwise the new uid then holds the old data.
      const indexes: [string, string] = liveExists
        ? [indexUid, newIndexUid]
        : [newIndexUid, indexUid];
      await succeeded(
        client.swapIndexes([{ indexes, rename: !liveExists }]).waitTask(wait),
        `swap ${newIndexUid} into ${indexUid}`,
      );
      if (liveExists)
        await succeeded(
          client.deleteIndex(newIndexUid).waitTask(wait),
          `delete old index ${newIndexUid}`,
        );
    },
  };
}

function boostClause(query: SearchQuery): string | null {
  if (!query.boostCommuneCodes.length || query.sort !== 'relevance') return null;
  return `communeCode IN [${query.boostCommuneCodes.map(quoteFilterValue).join(', ')}]`;
}

function toFacets(distribution: Record<string, Record<string, number>>): SearchFacets {
  const pick = (key: FacetKey) => distribution[FACET_ATTRIBUTE[key]] ?? {};
  return {
    province: { ...pick('province') },
    group: { ...pick('group') },
    stars: { ...pick('stars') },
    price: { ...pick('price') },
    inStock: pick('inStock').true ?? 0,
  };
}

function causeOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
