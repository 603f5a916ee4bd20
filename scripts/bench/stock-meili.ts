import { Meilisearch } from 'meilisearch';
import type { SearchDocument, SearchIndex } from '~/search';
import { createMeiliHttpClient } from '~/search/index.server';

/**
 * Meilisearch with its default settings (every field searchable, no synonyms, default typo sizes,
 * default ranking) over the same documents, searched with the raw text: what our configuration and
 * query understanding must beat. Filters and sorts of the query are applied only where stock
 * settings allow them (none are filterable, so no facets either): it is measured on text alone and
 * does less work per query than ours (no facet distribution).
 */
export async function createStockMeilisearch(
  url: string,
  apiKey: string,
  documents: SearchDocument[],
  indexUid = 'stock_products',
): Promise<SearchIndex> {
  // The same transport as ours, so the two differ only in settings and query handling.
  const client = new Meilisearch({
    host: url,
    apiKey,
    timeout: 600_000,
    httpClient: createMeiliHttpClient(),
  });
  await client.createIndex(indexUid, { primaryKey: 'id' }).waitTask({ timeout: 600_000 });
  // Totals exact, as in ours, so counts compare; nothing else changed from the defaults.
  await client
    .index(indexUid)
    .updateSettings({ pagination: { maxTotalHits: 100_000 } })
    .waitTask({ timeout: 600_000 });
  for (let i = 0; i < documents.length; i += 10_000) {
    const task = await client
      .index(indexUid)
      .addDocuments(documents.slice(i, i + 10_000))
      .waitTask({ timeout: 600_000, interval: 50 });
    if (task.status !== 'succeeded') throw new Error(`stock index: ${task.error?.message}`);
  }
  return {
    name: 'meilisearch',
    async search(query) {
      const result = await client.index(indexUid).search(query.q, {
        page: query.page,
        hitsPerPage: query.perPage,
      });
      return {
        total: result.totalHits ?? 0,
        hits: result.hits as unknown as SearchDocument[],
        facets: { province: {}, group: {}, stars: {}, price: {}, inStock: 0 },
        engine: 'meilisearch',
      };
    },
    async upsert() {},
    async remove() {},
    health: async () => ({ engine: 'meilisearch', ok: true }),
  };
}
