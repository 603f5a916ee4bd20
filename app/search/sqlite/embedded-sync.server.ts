import type { DB } from '~db/connection.server';
import { withJobLock } from '~db/dialect';
import type { Logger } from '~/lib/log.server';
import { createPoller } from '../poller.server';
import { bumpSearchVersion } from '../sync.server';
import type { SearchDocumentSource } from '../types';
import { refreshEmbeddedIndex } from './rows.server';

export interface EmbeddedSyncOptions {
  db: DB;
  source: SearchDocumentSource;
  log: Logger;
  batchSize?: number;
  /** How often to look for new outbox rows; the embedded index lags the catalogue by about this much. */
  pollMs?: number;
  now?: () => Date;
}

export interface EmbeddedSync {
  /** Applies one batch of pending outbox rows to the embedded index; returns how many rows. */
  drainOnce(): Promise<number>;
  /** Applies every pending row. */
  drain(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Keeps the embedded SQLite index in step with the catalogue from `search_outbox` (its own flag,
 * `embedded_at`, independent of Meilisearch's `processed_at`): each batch marks the outbox rows,
 * rewrites the products' rows from their current documents and bumps the search version in one
 * transaction, so the facet cache never keeps an answer computed from rows about to change.
 */
export function createEmbeddedSync(options: EmbeddedSyncOptions): EmbeddedSync {
  const { db, source, log } = options;
  const batchSize = options.batchSize ?? 500;
  const now = options.now ?? (() => new Date());
  let failing = false;

  async function claimAndApply(): Promise<number> {
    // A cheap read first: most polls find nothing and never open a write transaction.
    const due = await db
      .selectFrom('search_outbox')
      .select('id')
      .where('embedded_at', 'is', null)
      .limit(1)
      .executeTakeFirst();
    if (!due) return 0;
    return db.transaction().execute(async (trx) => {
      // Claiming the rows is the transaction's first statement and a write: it waits for any other
      // writer (another process draining too) instead of failing on a snapshot that went stale.
      const claimed = await trx
        .updateTable('search_outbox')
        .set({ embedded_at: now().toISOString() })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('search_outbox')
            .select('id')
            .where('embedded_at', 'is', null)
            .orderBy('id')
            .limit(batchSize),
        )
        // Checked again on the row itself: on PostgreSQL another drain may have claimed it meanwhile.
        .where('embedded_at', 'is', null)
        .returning(['id', 'product_id'])
        .execute();
      if (claimed.length === 0) return 0;
      await refreshEmbeddedIndex(trx, source, [...new Set(claimed.map((r) => r.product_id))]);
      await bumpSearchVersion(trx);
      return claimed.length;
    });
  }

  // Several instances on one PostgreSQL: one drains at a time (the others find the lock held and
  // return 0), so two never rewrite the same product's rows at once.
  const drainOnce = async () => (await withJobLock(db, 'search:embedded', claimAndApply)) ?? 0;

  const drain = async () => (await withJobLock(db, 'search:embedded', drainAll)) ?? 0;

  async function drainAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const applied = await claimAndApply();
      total += applied;
      if (applied === 0) break;
    }
    if (failing) log.info('embedded search index up to date again');
    failing = false;
    return total;
  }

  const poller = createPoller(drain, options.pollMs ?? 250, (error) => {
    if (!failing)
      log.warn('embedded search index refresh failing; retrying', {
        error: error instanceof Error ? error.message : String(error),
      });
    failing = true;
  });

  return { drainOnce, drain, start: poller.start, stop: poller.stop };
}
