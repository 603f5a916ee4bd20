import type { DB } from '~db/connection.server';
import { type Actor, requireAdmin, requireOrgMember } from '~/accounts';
import { recordAudit } from '~/audit/index.server';
import { invalid, notFound } from '~/lib/errors';

/*
 * What the platform owes each cooperative. The operator collects every payment (VietQR to its account,
 * Stripe, cash through the carrier), so a delivered order earns its cooperative the order total minus
 * the commission; a cancellation or refund after that reverses the earning, and each payout the
 * operator makes (a bank transfer outside the system) is recorded against the balance. The ledger is
 * append-only: the balance is the sum of its entries, never a stored number that could drift.
 */

export interface LedgerSummary {
  earnedVnd: number;
  commissionVnd: number;
  reversedVnd: number;
  paidOutVnd: number;
  balanceVnd: number;
}

async function summary(db: DB, organizationId: number): Promise<LedgerSummary> {
  const rows = await db
    .selectFrom('ledger_entries')
    .select([
      'kind',
      (eb) => eb.fn.sum<number>('amount_vnd').as('amount'),
      (eb) => eb.fn.sum<number>('commission_vnd').as('commission'),
    ])
    .where('organization_id', '=', organizationId)
    .groupBy('kind')
    .execute();
  const of = (kind: string) => rows.find((r) => r.kind === kind);
  const earned = Number(of('earning')?.amount ?? 0);
  const reversed = -Number(of('reversal')?.amount ?? 0);
  const paidOut = -Number(of('payout')?.amount ?? 0);
  const commission =
    Number(of('earning')?.commission ?? 0) + Number(of('reversal')?.commission ?? 0);
  return {
    earnedVnd: earned,
    commissionVnd: commission,
    reversedVnd: reversed,
    paidOutVnd: paidOut,
    balanceVnd: earned - reversed - paidOut,
  };
}

/** A cooperative's balance and its latest entries, for its members (and the operator). */
export async function cooperativeLedger(db: DB, actor: Actor, organizationId: number, limit = 200) {
  if (!actor.isAdmin) requireOrgMember(actor, organizationId);
  const organization = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!organization)
    throw notFound({ vi: 'Không tìm thấy tổ chức.', en: 'Organization not found.' });
  const [totals, entries] = await Promise.all([
    summary(db, organizationId),
    db
      .selectFrom('ledger_entries')
      .leftJoin('orders', 'orders.id', 'ledger_entries.order_id')
      .select([
        'ledger_entries.id',
        'ledger_entries.kind',
        'ledger_entries.gross_vnd',
        'ledger_entries.commission_vnd',
        'ledger_entries.amount_vnd',
        'ledger_entries.note',
        'ledger_entries.created_at',
        'orders.code as order_code',
      ])
      .where('ledger_entries.organization_id', '=', organizationId)
      .orderBy('ledger_entries.id', 'desc')
      .limit(limit)
      .execute(),
  ]);
  return { organization, totals, entries };
}

/** Every cooperative with money in its ledger, largest balance first, for the operator's payout page. */
export async function balancesToPay(db: DB, actor: Actor) {
  requireAdmin(actor);
  const rows = await db
    .selectFrom('ledger_entries')
    .innerJoin('organizations', 'organizations.id', 'ledger_entries.organization_id')
    .select([
      'organizations.id',
      'organizations.name',
      'organizations.phone',
      (eb) => eb.fn.sum<number>('ledger_entries.amount_vnd').as('balance'),
      (eb) => eb.fn.max('ledger_entries.created_at').as('last_entry_at'),
    ])
    .groupBy('organizations.id')
    .orderBy('balance', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, balance: Number(r.balance) }));
}

export const MAX_PAYOUT_VND = 10_000_000_000;

/**
 * The operator records a payout it made to a cooperative. It may not exceed the balance (money the
 * cooperative has not earned yet is not owed), and the check and the entry are one transaction so
 * two operators paying at once cannot both pass it.
 */
export async function recordPayout(
  db: DB,
  actor: Actor,
  organizationId: number,
  amountVnd: number,
  reference: string,
  now = new Date(),
) {
  requireAdmin(actor);
  if (!Number.isSafeInteger(amountVnd) || amountVnd <= 0 || amountVnd > MAX_PAYOUT_VND) {
    throw invalid('amount', {
      vi: 'Số tiền chi trả phải là số đồng nguyên dương.',
      en: 'The payout must be a positive whole number of đồng.',
    });
  }
  const note = reference.trim();
  if (note.length < 3 || note.length > 200) {
    throw invalid('reference', {
      vi: 'Hãy ghi mã giao dịch chuyển khoản hoặc nội dung chi trả (3–200 ký tự).',
      en: 'Enter the bank transaction id or a description (3–200 characters).',
    });
  }
  return db.transaction().execute(async (trx) => {
    const org = await trx
      .selectFrom('organizations')
      .select(['id', 'province_code'])
      .where('id', '=', organizationId)
      .executeTakeFirst();
    if (!org) throw notFound({ vi: 'Không tìm thấy tổ chức.', en: 'Organization not found.' });
    const { balanceVnd } = await summary(trx, organizationId);
    if (amountVnd > balanceVnd) {
      throw invalid('amount', {
        vi: `Số tiền vượt số dư hiện có (${balanceVnd.toLocaleString('vi-VN')} ₫).`,
        en: `The amount exceeds the balance (${balanceVnd.toLocaleString('vi-VN')} ₫).`,
      });
    }
    const entry = await trx
      .insertInto('ledger_entries')
      .values({
        organization_id: organizationId,
        order_id: null,
        kind: 'payout',
        gross_vnd: -amountVnd,
        commission_vnd: 0,
        amount_vnd: -amountVnd,
        note,
        created_by: actor.userId,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId,
        provinceCode: org.province_code,
        entityType: 'payout',
        entityId: entry.id,
        action: 'payout.recorded',
        changes: { amount_vnd: [null, amountVnd], note: [null, note] },
      },
      now,
    );
    return { id: entry.id, balanceVnd: balanceVnd - amountVnd };
  });
}
