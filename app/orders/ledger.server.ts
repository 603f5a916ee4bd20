import type { DB } from '~db/connection.server';
import { type Actor, requireOrgTrader } from '~/accounts';
import { ordersMessages as m } from '~/i18n/messages/orders';
import { notFound } from '~/lib/errors';
import { chosenOrganization } from './fulfilment.server';

/*
 * What the platform owes each cooperative. The operator collects every payment (VietQR to its account,
 * Stripe, cash through the carrier), so a delivered order earns its cooperative the order total minus
 * the commission; a cancellation or refund after that reverses the earning, and each payout the
 * operator makes (a bank transfer outside the system) is recorded against the balance. The ledger is
 * append-only: the balance is the sum of its entries, never a stored number that could drift.
 * Earnings and reversals are written by the order state machine (app/orders/orders.server.ts), payouts
 * by app/orders/payouts.server.ts.
 */

export interface LedgerSummary {
  earnedVnd: number;
  commissionVnd: number;
  reversedVnd: number;
  paidOutVnd: number;
  balanceVnd: number;
}

/** A cooperative's balance: the sum of its ledger entries by kind. */
export async function ledgerSummary(db: DB, organizationId: number): Promise<LedgerSummary> {
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
  if (!actor.isAdmin) requireOrgTrader(actor, organizationId);
  const organization = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!organization) throw notFound(m.organizationNotFound);
  const [totals, entries] = await Promise.all([
    ledgerSummary(db, organizationId),
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

/** The seller channel's balance page: the chosen cooperative's ledger (null when the actor has none). */
export async function loadBalancePage(db: DB, actor: Actor, requestedOrganization: string | null) {
  const { organizations, organizationId } = await chosenOrganization(
    db,
    actor,
    requestedOrganization,
  );
  const ledger =
    organizationId === null ? null : await cooperativeLedger(db, actor, organizationId);
  return { organizations, ledger };
}
