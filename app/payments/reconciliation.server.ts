import type { DB } from '~db/connection.server';
import { requireAdmin, type Actor } from '~/accounts';
import { invalid } from '~/lib/errors';
import { parseSubmission } from '~/lib/form';
import { reconciliationSchema } from './reconciliation-form';

// The operator's view of money by payment method, and the per-method, per-day reconciliation CSV
// (every payment notification as received, to tick off against the bank's or gateway's statement).

/** Received money and held payments per payment method (`unmatched`: no checkout found). */
export async function paymentsByMethod(db: DB, actor: Actor) {
  requireAdmin(actor);
  const rows = await db
    .selectFrom('payment_events')
    .leftJoin('checkouts', 'checkouts.id', 'payment_events.checkout_id')
    .select((eb) => [
      'checkouts.payment_method as method',
      eb.fn.countAll<number>().as('events'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when('payment_events.outcome', 'in', ['applied', 'applied_overpaid'])
            .then(eb.ref('payment_events.amount_vnd'))
            .else(0)
            .end(),
        )
        .as('applied_vnd'),
      eb.fn
        .sum<number>(
          eb.case().when('payment_events.review_state', '=', 'open').then(1).else(0).end(),
        )
        .as('held'),
    ])
    .where('payment_events.amount_vnd', '>', 0)
    .groupBy('checkouts.payment_method')
    .execute();
  return rows
    .map((r) => ({
      method: r.method ?? 'unmatched',
      events: Number(r.events),
      appliedVnd: Number(r.applied_vnd ?? 0),
      held: Number(r.held ?? 0),
    }))
    .sort((a, b) => a.method.localeCompare(b.method));
}

/** Formula-safe CSV cell (a leading = + - @ is quoted as text for spreadsheets). */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The payment events received on one day in Vietnam (UTC+7, no daylight saving), for one method or
 * all, as CSV with a BOM for Excel. Bad parameters are a clear 400.
 */
export async function reconciliationCsv(db: DB, actor: Actor, params: URLSearchParams) {
  requireAdmin(actor);
  const submission = parseSubmission(reconciliationSchema, params);
  if (!submission.ok) {
    const [field, message] = Object.entries(submission.fieldErrors)[0] ?? [];
    throw invalid(field ?? 'ngay', message!);
  }
  const { ngay: day, 'phuong-thuc': method } = submission.value;
  const from = new Date(`${day}T00:00:00+07:00`);
  const to = new Date(from.getTime() + 24 * 3_600_000);
  let query = db
    .selectFrom('payment_events')
    .leftJoin('checkouts', 'checkouts.id', 'payment_events.checkout_id')
    .select([
      'payment_events.received_at',
      'payment_events.occurred_at',
      'checkouts.payment_method',
      'payment_events.provider',
      'payment_events.external_id',
      'checkouts.reference',
      'payment_events.amount_vnd',
      'payment_events.outcome',
      'payment_events.review_state',
      'checkouts.gateway_transaction_id',
      'payment_events.description',
    ])
    .where('payment_events.received_at', '>=', from.toISOString())
    .where('payment_events.received_at', '<', to.toISOString())
    .orderBy('payment_events.received_at')
    .orderBy('payment_events.id');
  if (method === 'unmatched') query = query.where('payment_events.checkout_id', 'is', null);
  else if (method) query = query.where('checkouts.payment_method', '=', method);
  const rows = await query.execute();
  const header = [
    'received_at',
    'occurred_at',
    'method',
    'provider',
    'transaction_id',
    'reference',
    'amount_vnd',
    'outcome',
    'review',
    'gateway_transaction_id',
    'description',
  ];
  const lines = rows.map((r) =>
    [
      r.received_at,
      r.occurred_at,
      r.payment_method ?? 'unmatched',
      r.provider,
      r.external_id,
      r.reference,
      r.amount_vnd,
      r.outcome,
      r.review_state,
      r.gateway_transaction_id,
      r.description,
    ]
      .map(cell)
      .join(','),
  );
  return {
    filename: `doi-soat-${method || 'tat-ca'}-${day}.csv`,
    csv: `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`,
    count: rows.length,
  };
}
