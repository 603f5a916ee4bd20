import type { Logger } from '~/lib/log.server';
import type { SearchOrigin } from './demand.server';
import type { SearchHealth, SearchIndex, SearchQuery, SearchResult } from './types';

export interface SearchService {
  /** `origin`: where a buyer's search came from (demand signals count each network once). */
  search(query: SearchQuery, origin?: SearchOrigin): Promise<SearchResult>;
  health(): Promise<{
    engine: string;
    degraded: boolean;
    primary: SearchHealth | null;
    fallback: SearchHealth;
  }>;
  /** The engine answering right now. */
  activeEngine(): string;
}

/**
 * Answers from the primary engine (Meilisearch) and falls back to the embedded one when the primary
 * fails, logging the switch once each way. While degraded it re-checks the primary at most every
 * `recheckMs`, so a restarted Meilisearch is used again without a restart of the app.
 */
export function createSearchService(options: {
  primary: SearchIndex | null;
  fallback: SearchIndex;
  log: Logger;
  recheckMs?: number;
  /** Told of every answered search (demand signals); must not throw or take long. */
  onSearched?: (query: SearchQuery, result: SearchResult, origin?: SearchOrigin) => void;
}): SearchService {
  const { primary, fallback, log } = options;
  const recheckMs = options.recheckMs ?? 5_000;
  let degraded = false;
  let lastCheck = 0;

  const markDegraded = (reason: string) => {
    if (!degraded)
      log.warn('search degraded: answering from the embedded SQLite engine', { reason });
    degraded = true;
    lastCheck = Date.now();
  };

  async function primaryUsable(): Promise<boolean> {
    if (!primary) return false;
    if (!degraded) return true;
    if (Date.now() - lastCheck < recheckMs) return false;
    lastCheck = Date.now();
    const health = await primary.health();
    if (health.ok) {
      degraded = false;
      log.info('search recovered: answering from Meilisearch again');
    }
    return health.ok;
  }

  async function answer(query: SearchQuery): Promise<SearchResult> {
    if (primary && (await primaryUsable())) {
      try {
        return await primary.search(query);
      } catch (error) {
        markDegraded(error instanceof Error ? error.message : String(error));
      }
    }
    return fallback.search(query);
  }

  return {
    async search(query, origin) {
      const result = await answer(query);
      options.onSearched?.(query, result, origin);
      return result;
    },
    async health() {
      const primaryHealth = primary ? await primary.health() : null;
      if (primaryHealth && !primaryHealth.ok) markDegraded(primaryHealth.detail ?? 'unreachable');
      const usingPrimary = Boolean(primaryHealth?.ok) && !degraded;
      return {
        engine: usingPrimary ? primary!.name : fallback.name,
        degraded: Boolean(primary) && !usingPrimary,
        primary: primaryHealth,
        fallback: await fallback.health(),
      };
    },
    activeEngine: () => (primary && !degraded ? primary.name : fallback.name),
  };
}
