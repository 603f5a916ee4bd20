import type { DB } from '~db/connection.server';
import { catalogueSearchDocuments } from '~/catalogue/search-documents.server';
import { createLogger } from '~/lib/log.server';
import { createEmbeddedSync } from '~/search/sqlite/embedded-sync.server';

/**
 * Applies every queued search change to the embedded index now. The app's outbox drain does this
 * within a second of a change; tests that search right after writing call it instead of waiting.
 */
export function refreshEmbeddedSearch(db: DB): Promise<number> {
  return createEmbeddedSync({
    db,
    source: catalogueSearchDocuments,
    log: createLogger('error'),
  }).drain();
}
