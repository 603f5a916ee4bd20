import type { DB } from '~db/connection.server';
import type { Actor } from '~/accounts';
import { recordAudit } from '~/audit/index.server';
import { getManagedProduct } from '~/catalogue/index.server';
import { formatMessage } from '~/i18n/messages';
import { traceabilityMessages as m } from '~/i18n/messages/traceability';
import { invalid, UserError } from '~/lib/errors';
import { signStamp, type StampKeyring } from './authenticator.server';
import { getManagedBatch } from './batch-reads.server';
import { buildStampUrl, normaliseOrigin, type StampIdentity } from './digital-link';
import type { StampLabel } from './labels-pdf.server';
import {
  isValidRange,
  mergeRanges,
  rangeCovers,
  revocationProblem,
  serialsIn,
  serialToString,
  validRanges,
  type RevokedRange,
  type SerialRange,
} from './serials';
import type { RevokeInput } from './stamp-forms';

/** Stamp URLs, revocation, printing and the producer's stamp overview (issuance: stamp-issues.server.ts). */

/** At most this many labels in one PDF download (about 1,540 A4 pages of 65). */
export const MAX_LABELS_PER_PDF = 100_000;

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
    if (input.reason.length > 500) throw invalid('reason', m.revokeReasonTooLong);
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
 * serials whose issue is done; revoked serials inside it are skipped so a reprint never revives them
 * (a range of revoked stamps only is a 409).
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
    throw new UserError('no_public_url', 409, m.noPublicUrl);
  }
  if (!isValidRange(range) || range.count > MAX_LABELS_PER_PDF) {
    throw invalid(
      'count',
      formatMessage(m.printCount, {
        maxVi: MAX_LABELS_PER_PDF.toLocaleString('vi-VN'),
        maxEn: MAX_LABELS_PER_PDF.toLocaleString('en-US'),
      }),
    );
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
    throw new UserError('not_issued', 409, m.notIssuedYet, 'start');
  }
  const { revoked } = await batchRanges(db, batchId);
  const printable = validRanges([range], revoked);
  const product = await getManagedProduct(db, actor, batch.productId);
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
  const count = printable.reduce((n, r) => n + r.count, 0);
  if (count === 0) throw new UserError('all_revoked', 409, m.allRevoked, 'start');
  const safeLot = batch.lotCode.replace(/[^A-Za-z0-9._-]/g, '_');
  return {
    labels: labels(),
    count,
    batch,
    /** The PDF's title and file name ("tem-L2026-07-5.pdf"). */
    title: `Tem ${batch.lotCode}`,
    filename: `tem-${safeLot}-${range.start}.pdf`,
  };
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
