import type { DB } from '~db/connection.server';
import type { Actor } from '~/accounts';
import { recordAudit } from '~/audit/index.server';
import { invalid, UserError } from '~/lib/errors';
import { signStamp, type StampKeyring } from './authenticator.server';
import { buildStampUrl, normaliseOrigin, type StampIdentity } from './digital-link';
import { getManagedBatch } from './batches.server';
import type { StampLabel } from './labels-pdf.server';
import {
  chunkRange,
  issueCountProblem,
  isValidRange,
  mergeRanges,
  nextRange,
  rangeCovers,
  rangeEnd,
  revocationProblem,
  serialsIn,
  serialToString,
  validRanges,
  type RevokedRange,
  type SerialRange,
} from './serials';

/**
 * Stamp issuance and revocation. An issue is one row (start, count) whatever the count; the request
 * returns at once and an in-process job checks the range and marks it done in chunks, yielding to the
 * event loop between chunks so other requests are never held up (docs/decisions/007-stamp-issuance-and-scans.md).
 */

/** Serials checked per job step; between steps the job yields with setImmediate. */
export const ISSUE_CHUNK = 100_000;
/** At most this many labels in one PDF download (about 1,540 A4 pages of 65). */
export const MAX_LABELS_PER_PDF = 100_000;

const running = new Set<number>();

export function stampIdentity(
  batch: { id: number; gtin: string | null; lotCode: string },
  serial: number,
): StampIdentity {
  return batch.gtin
    ? { gtin: batch.gtin, lot: batch.lotCode, serial: serialToString(serial) }
    : { batchId: batch.id, serial: serialToString(serial) };
}

export function stampUrl(
  keyring: StampKeyring,
  origin: string,
  batch: { id: number; gtin: string | null; lotCode: string },
  serial: number,
): string {
  const identity = stampIdentity(batch, serial);
  return buildStampUrl(origin, identity, signStamp(keyring, identity));
}

/** Issued (queued, running or done) and revoked ranges of a batch. */
export async function batchRanges(
  db: DB,
  batchId: number,
): Promise<{ issued: SerialRange[]; revoked: RevokedRange[] }> {
  const [issues, revocations] = await Promise.all([
    db
      .selectFrom('stamp_issues')
      .select(['serial_start', 'count'])
      .where('batch_id', '=', batchId)
      .where('status', '!=', 'failed')
      .execute(),
    db
      .selectFrom('stamp_revocations')
      .select(['serial_start', 'count', 'reason'])
      .where('batch_id', '=', batchId)
      .orderBy('id')
      .execute(),
  ]);
  return {
    issued: issues.map((i) => ({ start: i.serial_start, count: i.count })),
    revoked: revocations.map((r) => ({ start: r.serial_start, count: r.count, reason: r.reason })),
  };
}

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

/** Starts the job for an issue unless this process already runs it. */
export function startIssueJob(db: DB, issueId: number): void {
  if (running.has(issueId)) return;
  running.add(issueId);
  void runIssueJob(db, issueId).finally(() => running.delete(issueId));
}

/** Jobs a restart interrupted (queued or running, not in this process): started again. Cheap when there are none. */
export async function resumeIssueJobs(db: DB, batchId?: number): Promise<void> {
  let query = db
    .selectFrom('stamp_issues')
    .select('id')
    .where('status', 'in', ['queued', 'running']);
  if (batchId !== undefined) query = query.where('batch_id', '=', batchId);
  for (const { id } of await query.execute()) startIssueJob(db, id);
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

export interface RevokeInput {
  start: number;
  count: number;
  reason: string;
}

export async function revokeStamps(
  db: DB,
  actor: Actor,
  batchId: number,
  input: RevokeInput,
  now = new Date(),
): Promise<number> {
  const batch = await getManagedBatch(db, actor, batchId);
  return db.transaction().execute(async (trx) => {
    const issued = await trx
      .selectFrom('stamp_issues')
      .select(['serial_start', 'count'])
      .where('batch_id', '=', batchId)
      .where('status', '!=', 'failed')
      .execute();
    const problem = revocationProblem(
      issued.map((i) => ({ start: i.serial_start, count: i.count })),
      { ...input, reason: input.reason.trim() },
    );
    if (problem) throw invalid(input.reason.trim().length < 3 ? 'reason' : 'start', problem);
    if (input.reason.length > 500)
      throw invalid('reason', {
        vi: 'Lý do tối đa 500 ký tự.',
        en: 'The reason has at most 500 characters.',
      });
    const { id } = await trx
      .insertInto('stamp_revocations')
      .values({
        batch_id: batchId,
        serial_start: input.start,
        count: input.count,
        reason: input.reason.trim(),
        revoked_by: actor.userId,
        revoked_at: now.toISOString(),
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
        action: 'stamps_revoked',
        changes: {
          batch: [null, batchId],
          serials: [null, `${input.start}–${input.start + input.count - 1}`],
          reason: [null, input.reason.trim()],
        },
      },
      now,
    );
    return id;
  });
}

/**
 * The labels of a printable range, lazily (one HMAC each, nothing kept in memory). The range must lie in
 * serials whose issue is done; revoked serials inside it are skipped so a reprint never revives them.
 */
export async function labelsForPrint(
  db: DB,
  actor: Actor,
  batchId: number,
  range: SerialRange,
  keyring: StampKeyring,
  origin: string,
) {
  const batch = await getManagedBatch(db, actor, batchId);
  try {
    normaliseOrigin(origin);
  } catch {
    // QR codes must carry an https address of this site; behind a proxy that is PUBLIC_URL.
    throw new UserError('no_public_url', 409, {
      vi: 'Máy chủ chưa cấu hình địa chỉ https (PUBLIC_URL) nên chưa in được tem.',
      en: 'The server has no https address configured (PUBLIC_URL), so stamps cannot be printed.',
    });
  }
  if (!isValidRange(range) || range.count > MAX_LABELS_PER_PDF) {
    throw invalid('count', {
      vi: `Mỗi lần in từ 1 đến ${MAX_LABELS_PER_PDF.toLocaleString('vi-VN')} tem.`,
      en: `Print 1 to ${MAX_LABELS_PER_PDF.toLocaleString('en-US')} stamps at a time.`,
    });
  }
  const done = await db
    .selectFrom('stamp_issues')
    .select(['serial_start', 'count'])
    .where('batch_id', '=', batchId)
    .where('status', '=', 'done')
    .execute();
  if (
    !mergeRanges(done.map((d) => ({ start: d.serial_start, count: d.count }))).some((r) =>
      rangeCovers(r, range),
    )
  ) {
    throw new UserError(
      'not_issued',
      409,
      {
        vi: 'Khoảng số này chưa được phát hành xong.',
        en: 'These serials have not been issued (yet).',
      },
      'start',
    );
  }
  const { revoked } = await batchRanges(db, batchId);
  const printable = validRanges([range], revoked);
  const product = await db
    .selectFrom('products')
    .select('name')
    .where('id', '=', batch.productId)
    .executeTakeFirstOrThrow();
  const identity = { id: batch.id, gtin: batch.gtin, lotCode: batch.lotCode };
  function* labels(): Generator<StampLabel> {
    for (const part of printable) {
      for (const serial of serialsIn(part)) {
        yield {
          url: stampUrl(keyring, origin, identity, serial),
          productName: product.name,
          lot: batch.lotCode,
          serial: serialToString(serial),
        };
      }
    }
  }
  return { labels: labels(), count: printable.reduce((n, r) => n + r.count, 0), batch };
}

/** Issues, revocations and stamp numbers for the producer's batch page. */
export async function stampOverview(db: DB, batchId: number) {
  const [issues, revocations] = await Promise.all([
    db
      .selectFrom('stamp_issues')
      .select([
        'id',
        'serial_start',
        'count',
        'status',
        'progress',
        'requested_at',
        'finished_at',
        'error',
      ])
      .where('batch_id', '=', batchId)
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('stamp_revocations')
      .select(['id', 'serial_start', 'count', 'reason', 'revoked_at'])
      .where('batch_id', '=', batchId)
      .orderBy('id', 'desc')
      .execute(),
  ]);
  const valid = validRanges(
    issues
      .filter((i) => i.status === 'done')
      .map((i) => ({ start: i.serial_start, count: i.count })),
    revocations.map((r) => ({ start: r.serial_start, count: r.count })),
  );
  return {
    issues,
    revocations,
    validCount: valid.reduce((n, r) => n + r.count, 0),
    pending: issues.some((i) => i.status === 'queued' || i.status === 'running'),
  };
}
