import type { DB } from '~db/connection.server';
import type { Actor } from '~/accounts';
import { recordAudit } from '~/audit/index.server';
import { invalid } from '~/lib/errors';
import type { StampKeyring } from './authenticator.server';
import { getManagedBatch } from './batch-reads.server';
import { chunkRange, issueCountProblem, isValidRange, nextRange, rangeEnd } from './serials';
import { withJobLock } from '~db/dialect';

/**
 * Stamp issuance. An issue is one row (start, count) whatever the count; the request returns at once
 * and an in-process job checks the range and marks it done in chunks, yielding to the event loop
 * between chunks so other requests are never held up (docs/decisions/007-stamp-issuance-and-scans.md).
 * A job that stops before it is done (a restart, a failed write) leaves its row queued or running:
 * `resumeIssueJobs` starts it again, at server start and from a background tick, never from a page.
 */

/** Serials checked per job step; between steps the job yields with setImmediate. */
export const ISSUE_CHUNK = 100_000;

/** A job takes well under a second per million stamps; one still pending after this has stopped. */
export const STALLED_ISSUE_MS = 60_000;

const running = new Set<number>();

/**
 * Records an issue of `count` stamps for the batch and starts its job; returns the issue id at once.
 * The serial range follows everything issued before (serials are never reused).
 */
export async function issueStamps(
  db: DB,
  actor: Actor,
  batchId: number,
  count: number,
  keyring: StampKeyring,
  now = new Date(),
): Promise<number> {
  const batch = await getManagedBatch(db, actor, batchId);
  const problem = issueCountProblem(count);
  if (problem) throw invalid('count', problem);
  const id = await db.transaction().execute(async (trx) => {
    const issued = await trx
      .selectFrom('stamp_issues')
      .select(['serial_start', 'count'])
      .where('batch_id', '=', batchId)
      .execute();
    const range = nextRange(
      issued.map((i) => ({ start: i.serial_start, count: i.count })),
      count,
    );
    const { id } = await trx
      .insertInto('stamp_issues')
      .values({
        batch_id: batchId,
        serial_start: range.start,
        count: range.count,
        status: 'queued',
        progress: 0,
        key_id: keyring.currentKeyId,
        requested_by: actor.userId,
        requested_at: now.toISOString(),
        started_at: null,
        finished_at: null,
        error: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: batch.organizationId,
        provinceCode: batch.provinceCode,
        entityType: 'stamp',
        entityId: id,
        action: 'stamps_issued',
        changes: {
          batch: [null, batchId],
          serials: [null, `${range.start}–${rangeEnd(range) - 1}`],
        },
      },
      now,
    );
    return id;
  });
  startIssueJob(db, id);
  return id;
}

/**
 * Starts the job for an issue unless this process already runs it. A job that cannot even record its
 * failure (the database gone away) stays queued or running for the next `resumeIssueJobs`.
 */
export function startIssueJob(db: DB, issueId: number): void {
  if (running.has(issueId)) return;
  running.add(issueId);
  // One instance runs an issue at a time (PostgreSQL: an advisory lock per issue; see withJobLock).
  void withJobLock(db, `stamp-issue:${issueId}`, () => runIssueJob(db, issueId))
    .catch(() => undefined)
    .finally(() => running.delete(issueId));
}

/**
 * Starts the jobs of issues left queued or running that this process does not run: at server start
 * all of them (a restart cut them off), from the background tick those requested more than
 * `stalledForMs` ago (their job stopped, or the instance that ran it went away). Returns how many.
 */
export async function resumeIssueJobs(
  db: DB,
  options: { stalledForMs?: number; now?: Date } = {},
): Promise<number> {
  let query = db
    .selectFrom('stamp_issues')
    .select('id')
    .where('status', 'in', ['queued', 'running']);
  if (options.stalledForMs !== undefined) {
    const before = (options.now ?? new Date()).getTime() - options.stalledForMs;
    query = query.where('requested_at', '<', new Date(before).toISOString());
  }
  let started = 0;
  for (const { id } of await query.execute()) {
    if (running.has(id)) continue;
    startIssueJob(db, id);
    started++;
  }
  return started;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Checks the range against the batch's other issues chunk by chunk, recording progress; done or failed. */
export async function runIssueJob(db: DB, issueId: number): Promise<void> {
  const issue = await db
    .selectFrom('stamp_issues')
    .selectAll()
    .where('id', '=', issueId)
    .executeTakeFirst();
  if (!issue || issue.status === 'done' || issue.status === 'failed') return;
  await db
    .updateTable('stamp_issues')
    .set({ status: 'running', started_at: issue.started_at ?? new Date().toISOString() })
    .where('id', '=', issueId)
    .execute();
  try {
    const range = { start: issue.serial_start, count: issue.count };
    const others = await db
      .selectFrom('stamp_issues')
      .select(['serial_start', 'count'])
      .where('batch_id', '=', issue.batch_id)
      .where('id', '!=', issueId)
      .where('status', '!=', 'failed')
      .execute();
    if (!isValidRange(range)) throw new Error('invalid serial range');
    let progress = 0;
    for (const chunk of chunkRange(range, ISSUE_CHUNK)) {
      if (
        others.some(
          (o) => chunk.start < o.serial_start + o.count && o.serial_start < rangeEnd(chunk),
        )
      )
        throw new Error('serial range overlaps another issue');
      progress += chunk.count;
      await db.updateTable('stamp_issues').set({ progress }).where('id', '=', issueId).execute();
      await yieldToEventLoop();
    }
    await db
      .updateTable('stamp_issues')
      .set({ status: 'done', progress: issue.count, finished_at: new Date().toISOString() })
      .where('id', '=', issueId)
      .execute();
  } catch (error) {
    await db
      .updateTable('stamp_issues')
      .set({
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
        finished_at: new Date().toISOString(),
      })
      .where('id', '=', issueId)
      .execute();
  }
}
