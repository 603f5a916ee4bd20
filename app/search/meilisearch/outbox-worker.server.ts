import type { DB } from '~db/connection.server';
import { withJobLock } from '~db/dialect';
import type { Logger } from '~/lib/log.server';
import { createPoller } from '../poller.server';
import type { SearchDocumentSource, SearchIndex } from '../types';

export interface OutboxWorkerOptions {
  db: DB;
  index: SearchIndex;
  /** The catalogue's documents (search does not read its tables). */
  source: SearchDocumentSource;
  log: Logger;
  batchSize?: number;
  /** How often to look for new rows when the outbox is empty. */
  pollMs?: number;
  now?: () => Date;
  random?: () => number;
}

export interface DrainResult {
  /** Outbox rows marked processed. */
  processed: number;
  /** Rows whose attempt failed and were rescheduled. */
  failed: number;
}

export interface OutboxWorker {
  /** Sends one batch of due rows; never throws (failures are recorded on the rows). */
  drainOnce(): Promise<DrainResult>;
  /** Drains until no due row is left or a batch fails. */
  drain(): Promise<DrainResult>;
  start(): void;
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 5 * 60_000;

/** Exponential backoff from 1 s, capped at 5 minutes, with jitter (half to full delay) so retries spread out. */
export function backoffDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.5 + random() * 0.5));
}

/**
 * Drains `search_outbox` into the external engine. Each batch reads the products' current documents
 * (a product no longer visible is removed), waits for the engine's tasks to succeed, then marks the rows.
 * A failure leaves the rows pending with attempts, next_attempt_at and last_error set; the log gets one
 * line when syncing starts failing and one when it recovers, not one per retry.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, index, source, log } = options;
  const batchSize = options.batchSize ?? 500;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  let failing = false;

  async function sendBatch(): Promise<DrainResult> {
    const at = now().toISOString();
    const rows = await db
      .selectFrom('search_outbox')
      .select(['id', 'product_id', 'attempts'])
      .where('processed_at', 'is', null)
      .where('next_attempt_at', '<=', at)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return { processed: 0, failed: 0 };
    const rowIds = rows.map((r) => r.id);
    const productIds = [...new Set(rows.map((r) => r.product_id))];
    try {
      const documents = await source.load(db, productIds);
      const gone = productIds.filter((id) => !documents.has(id));
      if (documents.size) await index.upsert([...documents.values()]);
      if (gone.length) await index.remove(gone);
      await db
        .updateTable('search_outbox')
        .set({ processed_at: now().toISOString(), last_error: null })
        .where('id', 'in', rowIds)
        .execute();
      if (failing)
        log.info('search sync recovered: Meilisearch is up to date again', {
          processed: rows.length,
        });
      failing = false;
      return { processed: rows.length, failed: 0 };
    } catch (error) {
      const message = describeError(error);
      const failedAt = now();
      for (const row of rows) {
        const attempts = row.attempts + 1;
        await db
          .updateTable('search_outbox')
          .set({
            attempts,
            last_error: message.slice(0, 2_000),
            next_attempt_at: new Date(
              failedAt.getTime() + backoffDelayMs(attempts, random),
            ).toISOString(),
          })
          .where('id', '=', row.id)
          .execute();
      }
      if (!failing)
        log.warn('search sync failing: changes wait in search_outbox and will be retried', {
          error: message,
          pending: rows.length,
        });
      failing = true;
      return { processed: 0, failed: rows.length };
    }
  }

  // Several instances on one PostgreSQL: one sends at a time, so an older document never overtakes a
  // newer one of the same product in Meilisearch's queue; the others find the lock held.
  const NOTHING: DrainResult = { processed: 0, failed: 0 };
  const lockName = `search:meilisearch:${index.name}`;
  const drainOnce = async () => (await withJobLock(db, lockName, sendBatch)) ?? NOTHING;
  const drain = async () => (await withJobLock(db, lockName, drainAll)) ?? NOTHING;

  async function drainAll(): Promise<DrainResult> {
    const total = { processed: 0, failed: 0 };
    for (;;) {
      const result = await sendBatch();
      total.processed += result.processed;
      total.failed += result.failed;
      if (result.failed > 0 || result.processed === 0) return total;
    }
  }

  // A database failure (drainOnce records engine failures on the rows) is retried on the next tick.
  const poller = createPoller(drain, options.pollMs ?? 1_000, (error) =>
    log.error('search outbox worker error', {
      error: error instanceof Error ? error.message : String(error),
    }),
  );

  return { drainOnce, drain, start: poller.start, stop: poller.stop };
}

/** The message with its causes ("… has failed: fetch failed: connect ECONNREFUSED …"), so last_error says why. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  for (
    let e: unknown = error;
    e !== undefined && e !== null && parts.length < 5;
    e = (e as { cause?: unknown }).cause
  ) {
    parts.push(e instanceof Error ? e.message : String(e));
    if (!(e instanceof Error)) break;
  }
  return parts.join(': ');
}

export interface OutboxStatus {
  pending: number;
  failing: number;
  oldestPendingAt: string | null;
  lastError: string | null;
}

/** For /healthz and operators: how far behind the external engine is, and why. */
export async function outboxStatus(db: DB): Promise<OutboxStatus> {
  const summary = await db
    .selectFrom('search_outbox')
    .select((eb) => [
      eb.fn.countAll<number>().as('pending'),
      eb.fn.min('created_at').as('oldest'),
      eb.fn.sum<number>(eb.case().when('attempts', '>', 0).then(1).else(0).end()).as('failing'),
    ])
    .where('processed_at', 'is', null)
    .executeTakeFirstOrThrow();
  const last = await db
    .selectFrom('search_outbox')
    .select('last_error')
    .where('processed_at', 'is', null)
    .where('last_error', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    pending: Number(summary.pending),
    failing: Number(summary.failing ?? 0),
    oldestPendingAt: (summary.oldest as string | null) ?? null,
    lastError: last?.last_error ?? null,
  };
}

/**
 * Deletes rows both indexes have had for more than `keepDays` (Meilisearch that long ago, the embedded
 * index at any time), so the outbox does not grow forever.
 */
export async function pruneProcessedOutbox(
  db: DB,
  keepDays = 7,
  now = new Date(),
): Promise<number> {
  const before = new Date(now.getTime() - keepDays * 86_400_000).toISOString();
  const result = await db
    .deleteFrom('search_outbox')
    .where('processed_at', 'is not', null)
    .where('processed_at', '<', before)
    .where('embedded_at', 'is not', null)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
