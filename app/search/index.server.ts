// The search domain's server-side public entry: what routes, the server and other domains may use.
// Everything else in app/search/ is internal (eslint: architecture/domain-boundaries).
export { toApiResponse } from './api.server';
export { startSearch } from './bootstrap.server';
export { connectMeilisearch, type MeilisearchConnection } from './meilisearch/connection.server';
export { createMeilisearchIndex } from './meilisearch/engine.server';
export { createMeiliHttpClient } from './meilisearch/http-client.server';
export {
  createOutboxWorker,
  type OutboxWorker,
  pruneProcessedOutbox,
} from './meilisearch/outbox-worker.server';
export { type ManagedMeilisearch, startManagedMeilisearch } from './meilisearch/process.server';
export { rebuildMeilisearchIndex } from './meilisearch/reindex.server';
export { type SearchService } from './service.server';
export { createEmbeddedSync, type EmbeddedSync } from './sqlite/embedded-sync.server';
export { createSqliteSearchIndex } from './sqlite/engine.server';
export { createEmbeddedSearchIndex } from './embedded.server';
export { listBadgedProductIds, refreshEmbeddedIndex } from './sqlite/rows.server';
export { productsChanged } from './sync.server';
export { loadFoldedSynonyms } from './synonyms.server';
export type { SearchDocument, SearchDocumentSource } from './types';
export type { PlaceVocabulary } from './understanding/vocabulary';
export {
  createPlaceIndexLoader,
  withUnderstanding,
} from './understanding/with-understanding.server';
export { countsAsDemand, type DemandRow, listDemand, weekOf, weeksBefore } from './demand.server';
