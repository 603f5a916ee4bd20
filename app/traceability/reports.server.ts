import type { DB } from '~db/connection.server';
import { LIMITS, rateLimiter } from '~/accounts/index.server';
import { recordAudit } from '~/audit/index.server';
import { queueEmail } from '~/email/index.server';
import { formatMessage } from '~/i18n/messages';
import { traceabilityMessages as m } from '~/i18n/messages/traceability';
import { invalid, UserError } from '~/lib/errors';
import type { SuspiciousReport } from './stamp-forms';

/** Buyers' reports of suspicious products, from a scan page or a public batch page. */

/**
 * The report form as a buyer sent it, limited per network (`LIMITS.stampReport`): a 429 with the wait
 * when the network sent too many. The batch must be public (the caller checked it).
 */
export async function submitSuspiciousReport(
  db: DB,
  batchId: number,
  report: SuspiciousReport,
  sender: { network: string; origin: string },
  now = new Date(),
): Promise<number> {
  const decision = await rateLimiter(db).consume(
    `stamp-report:${sender.network}`,
    LIMITS.stampReport,
  );
  if (!decision.allowed) {
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    throw new UserError('rate_limited', 429, formatMessage(m.reportRateLimited, { minutes }));
  }
  return reportSuspicious(db, { ...report, batchId }, sender.origin, now);
}

export interface ReportInput {
  batchId: number;
  serial: number | null;
  message: string;
  contact: string | null;
}

/**
 * A buyer's report of a suspicious product: stored for the producer's batch page and e-mailed (through
 * the outbox, in the same transaction) to the organization's owners and the province's trade office officers.
 */
export async function reportSuspicious(
  db: DB,
  input: ReportInput,
  origin: string,
  now = new Date(),
): Promise<number> {
  const batch = await db
    .selectFrom('batches as b')
    .innerJoin('products as p', 'p.id', 'b.product_id')
    .innerJoin('organizations as o', 'o.id', 'b.organization_id')
    .select(['b.id', 'b.lot_code', 'b.organization_id', 'o.province_code', 'p.name'])
    .where('b.id', '=', input.batchId)
    .executeTakeFirst();
  if (!batch) throw invalid('batchId', m.reportBatchNotFound);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('stamp_reports')
      .values({
        batch_id: batch.id,
        serial: input.serial,
        message: input.message,
        contact: input.contact,
        created_at: now.toISOString(),
        status: 'open',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [owners, officers] = await Promise.all([
      trx
        .selectFrom('organization_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select('u.email')
        .where('m.organization_id', '=', batch.organization_id)
        .where('m.role', '=', 'owner')
        .where('u.email', 'is not', null)
        .execute(),
      trx
        .selectFrom('officer_assignments as a')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .select('u.email')
        .where('a.province_code', '=', batch.province_code)
        .where('u.email', 'is not', null)
        .execute(),
    ]);
    const recipients = [...new Set([...owners, ...officers].map((r) => r.email!))];
    const text = [
      `Người mua báo sản phẩm đáng ngờ / A buyer reported a suspicious product.`,
      `Sản phẩm / Product: ${batch.name}`,
      `Lô / Lot: ${batch.lot_code}${input.serial ? ` — tem số / stamp ${input.serial}` : ''}`,
      `Nội dung / Message: ${input.message}`,
      `Liên hệ / Contact: ${input.contact ?? '—'}`,
      `${origin}/lo-hang/${batch.id}`,
    ].join('\n');
    for (const to of recipients)
      await queueEmail(
        trx,
        {
          to,
          subject: `[Chợ Phiên] Báo cáo tem/sản phẩm đáng ngờ — ${batch.name} (${batch.lot_code})`,
          text,
        },
        now,
      );
    await recordAudit(
      trx,
      {
        actorUserId: null,
        organizationId: batch.organization_id,
        provinceCode: batch.province_code,
        entityType: 'batch',
        entityId: batch.id,
        action: 'suspicious_report',
        changes: { report: [null, id] },
      },
      now,
    );
    return id;
  });
}

export async function listReports(db: DB, batchId: number) {
  return db
    .selectFrom('stamp_reports')
    .select(['id', 'serial', 'message', 'contact', 'created_at', 'status'])
    .where('batch_id', '=', batchId)
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
}
