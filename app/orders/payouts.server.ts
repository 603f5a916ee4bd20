import type { DB } from '~db/connection.server';
import { type Actor, requireAdmin } from '~/accounts';
import { recordAudit } from '~/audit/index.server';
import { formatMessage } from '~/i18n/messages';
import { ordersMessages as m } from '~/i18n/messages/orders';
import { invalid, notFound } from '~/lib/errors';
import { ledgerSummary } from './ledger.server';

/*
 * Payouts: the operator pays each cooperative what the ledger says it is owed (a bank transfer made
 * outside the system) and records it here as a `payout` entry against the balance
 * (app/orders/ledger.server.ts holds the ledger and the balance).
 */

/** Every cooperative with money in its ledger, largest balance first, for the operator's payout page. */
export async function listPayoutBalances(db: DB, actor: Actor) {
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
    throw invalid('amount', m.payoutAmount);
  }
  const note = reference.trim();
  if (note.length < 3 || note.length > 200) {
    throw invalid('reference', m.payoutReference);
  }
  return db.transaction().execute(async (trx) => {
    const org = await trx
      .selectFrom('organizations')
      .select(['id', 'province_code'])
      .where('id', '=', organizationId)
      .executeTakeFirst();
    if (!org) throw notFound(m.organizationNotFound);
    const { balanceVnd } = await ledgerSummary(trx, organizationId);
    if (amountVnd > balanceVnd) {
      const balance = balanceVnd.toLocaleString('vi-VN');
      throw invalid('amount', formatMessage(m.payoutOverBalance, { balance }));
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
