import type { DB } from '~db/connection.server';
import type { Config } from '~/lib/config.server';
import type { Logger } from '~/lib/log.server';
import { managedMeilisearchOptions } from './meilisearch/connection.server';
import { createMeilisearchIndex, type MeilisearchIndex } from './meilisearch/engine.server';
import {
  createOutboxWorker,
  outboxStatus,
  pruneProcessedOutbox,
  type OutboxWorker,
} from './meilisearch/outbox-worker.server';
import { startManagedMeilisearch, type ManagedMeilisearch } from './meilisearch/process.server';
import { rebuildMeilisearchIndex } from './meilisearch/reindex.server';
import { createSearchService, type SearchService } from './service.server';
import { createEmbeddedSync } from './sqlite/embedded-sync.server';
import { createEmbeddedSearchIndex } from './embedded.server';
import { loadFoldedSynonyms } from './synonyms.server';
import {
  createPlaceIndexLoader,
  withUnderstanding,
} from './understanding/with-understanding.server';
import {
  countsAsDemand,
  createDemandLimiter,
  demandKey,
  recordDemand,
  type SearchOrigin,
} from './demand.server';
import type { SearchDocumentSource, SearchQuery, SearchResult } from './types';

export interface SearchRuntime {
  service: SearchService;
  /** Outbox backlog for /healthz. */
  syncStatus(): Promise<Awaited<ReturnType<typeof outboxStatus>> | null>;
  stop(): Promise<void>;
}

/**
 * The embedded engine always; Meilisearch in front of it when SEARCH_ENGINE=meilisearch — the operator's
 * server at MEILISEARCH_URL, or a child process started here before the app accepts requests. If
 * Meilisearch cannot start, the app still starts and answers from the embedded engine (degraded).
 * Both indexes are fed from the outbox with documents from `source` (the catalogue's); the embedded one
 * by its own pass, so it stays current whether or not Meilisearch is up. What is queued is applied
 * before this returns, so the first request never sees an old index.
 */
export async function startSearch(
  db: DB,
  config: Config,
  log: Logger,
  source: SearchDocumentSource,
): Promise<SearchRuntime> {
  // Both engines answer understood queries (decision 012): same filters, boosts and remaining text.
  const places = createPlaceIndexLoader(db, source);
  // Searches that found nothing or little, by week and province (no buyer identity).
  // Only searches with an origin (a buyer's request) count, each network once a day per query.
  const demandLimiter = createDemandLimiter();
  const onSearched = (query: SearchQuery, result: SearchResult, origin?: SearchOrigin) => {
    if (!origin || !countsAsDemand(query, result)) return;
    if (!demandLimiter.allows(origin.network, demandKey(query.q))) return;
    void recordDemand(db, query, result).catch((error: unknown) =>
      log.warn('search demand not recorded', {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  };
  const fallback = withUnderstanding(createEmbeddedSearchIndex(db, loadFoldedSynonyms()), places);
  const embedded = createEmbeddedSync({ db, source, log });
  await embedded.drain();
  if (config.search.inProcessWorker) embedded.start();
  const stopEmbedded = () => embedded.stop();
  if (config.search.engine !== 'meilisearch') {
    return {
      service: createSearchService({ primary: null, fallback, log, onSearched }),
      syncStatus: async () => null,
      stop: stopEmbedded,
    };
  }

  let managed: ManagedMeilisearch | null = null;
  let index: MeilisearchIndex;
  try {
    if (config.search.meilisearchUrl) {
      index = createMeilisearchIndex({
        url: config.search.meilisearchUrl,
        apiKey: config.search.meilisearchApiKey ?? '',
      });
    } else {
      managed = await startManagedMeilisearch(managedMeilisearchOptions(config));
      index = createMeilisearchIndex({ url: managed.url, apiKey: managed.apiKey });
      log.info('Meilisearch started', { url: managed.url, pid: managed.pid });
    }
    await index.ensureSettings();
    await catchUp(db, index, source, log);
  } catch (error) {
    log.warn('Meilisearch unavailable at start: search answers from the embedded SQLite engine', {
      error: error instanceof Error ? error.message : String(error),
    });
    await managed?.stop().catch(() => {});
    return {
      service: createSearchService({ primary: null, fallback, log, onSearched }),
      syncStatus: () => outboxStatus(db),
      stop: stopEmbedded,
    };
  }

  const service = createSearchService({
    primary: withUnderstanding(index, places),
    fallback,
    log,
    onSearched,
  });
  // Send what is still queued before the first request, so Meilisearch never answers from an old index.
  const worker: OutboxWorker = createOutboxWorker({ db, index, source, log });
  await worker.drain();
  if (config.search.inProcessWorker) worker.start();
  let stopping = false;
  const restarting = managed;
  restarting?.onExit((info) => {
    if (info.expected || stopping) return;
    log.error(
      'Meilisearch exited unexpectedly; restarting it, searching the embedded engine meanwhile',
      { code: info.code, signal: info.signal },
    );
    void restartWithBackoff(restarting, log, () => stopping);
  });
  const pruneTimer = setInterval(() => void pruneProcessedOutbox(db).catch(() => {}), 3_600_000);
  pruneTimer.unref();

  return {
    service,
    syncStatus: () => outboxStatus(db),
    async stop() {
      stopping = true;
      clearInterval(pruneTimer);
      await worker.stop();
      await embedded.stop();
      await managed?.stop();
    },
  };
}

/**
 * A new or wiped Meilisearch (e.g. data/meili deleted, or a fresh operator server) would answer with
 * nothing until every product changes again: rebuild it from the database when its size does not match.
 */
async function catchUp(
  db: DB,
  index: MeilisearchIndex,
  source: SearchDocumentSource,
  log: Logger,
): Promise<void> {
  const [stats, ids, status] = await Promise.all([
    index.client
      .index(index.indexUid)
      .getStats()
      .catch(() => ({ numberOfDocuments: 0 })),
    source.listVisibleIds(db),
    outboxStatus(db),
  ]);
  if (Math.abs(stats.numberOfDocuments - ids.length) > status.pending) {
    log.info('Meilisearch index out of step with the database; rebuilding', {
      inIndex: stats.numberOfDocuments,
      inDatabase: ids.length,
    });
    const result = await rebuildMeilisearchIndex(db, index, source);
    log.info('Meilisearch index rebuilt', { ...result });
  }
}

async function restartWithBackoff(
  managed: ManagedMeilisearch,
  log: Logger,
  stopped: () => boolean,
): Promise<void> {
  for (let attempt = 1; !stopped(); attempt++) {
    await new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** attempt)));
    if (stopped()) return;
    try {
      await managed.restart();
      log.info('Meilisearch restarted', { attempt, pid: managed.pid });
      return;
    } catch (error) {
      log.warn('Meilisearch restart failed; retrying', {
        attempt,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
