import type { DB } from '~db/connection.server';
import type { Config } from '~/lib/config.server';
import type { Logger } from '~/lib/log.server';
import { createSearchService, type SearchService } from './service.server';
import { createSqliteSearchIndex } from './sqlite/engine.server';
import { loadFoldedSynonyms } from './synonyms.server';

export interface SearchRuntime {
  service: SearchService;
  stop(): Promise<void>;
}

/** Builds the search service: the embedded engine always, Meilisearch in front of it when configured. */
export async function startSearch(db: DB, config: Config, log: Logger): Promise<SearchRuntime> {
  const fallback = createSqliteSearchIndex(db, loadFoldedSynonyms());
  const service = createSearchService({ primary: null, fallback, log });
  if (config.search.engine === 'meilisearch') {
    log.warn('Meilisearch engine not wired yet; using the embedded SQLite engine');
  }
  return { service, stop: async () => {} };
}
