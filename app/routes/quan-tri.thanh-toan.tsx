import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireAdmin } from '~/accounts';
import { requireActor } from '~/accounts/index.server';
import { FormMessage } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromRequest, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { invalid } from '~/lib/errors';
import { orErrorPage, text, withUserErrors } from '~/lib/forms.server';
import { formatVnd, parseVnd } from '~/lib/money';
import { normalizeOrderCode } from '~/orders';
import {
  listAwaitingTransfers,
  listPaymentsToReview,
  recordIncomingPayment,
  resolveHeldPayment,
  listRefundsDue,
  refundOrder,
} from '~/payments/index.server';

export const meta: MetaFunction = () => [{ title: 'Thanh toán — Quản trị Chợ Phiên' }];

const OUTCOME_NAMES: Record<string, { vi: string; en: string }> = {
  held_unmatched: { vi: 'Không khớp đơn nào', en: 'Matches no checkout' },
  held_short: { vi: 'Chuyển thiếu', en: 'Short payment' },
  held_late: { vi: 'Đến sau khi đơn hết hạn', en: 'Arrived after expiry' },
  held_already_paid: { vi: 'Đơn đã được thanh toán trước đó', en: 'Checkout already paid' },
  applied_overpaid: { vi: 'Chuyển thừa (đơn đã xác nhận)', en: 'Overpaid (checkout confirmed)' },
  refund: { vi: 'Hoàn tiền trên Stripe cần xem', en: 'Stripe refund to check' },
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  await orErrorPage(langFromRequest(request), async () => requireAdmin(actor));
  const { db } = context.services;
  const [awaiting, review, refunds] = await Promise.all([
    listAwaitingTransfers(db),
    listPaymentsToReview(db),
    listRefundsDue(db),
  ]);
  return data({ awaiting, review, refunds }, { headers: { 'Cache-Control': 'private, no-store' } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const { db, payments } = context.services;
  return withUserErrors(lang, async () => {
    requireAdmin(actor);
    const form = await request.formData();
    switch (text(form, 'intent')) {
      case 'received': {
        const amount = parseVnd(text(form, 'amount'));
        const transactionId = text(form, 'transactionId');
        if (!amount || amount <= 0)
          throw invalid('amount', {
            vi: 'Nhập số tiền đã nhận, ví dụ 250.000.',
            en: 'Enter the amount received, e.g. 250,000.',
          });
        if (transactionId.length < 3 || transactionId.length > 100)
          throw invalid('transactionId', {
            vi: 'Nhập mã giao dịch ngân hàng (3–100 ký tự).',
            en: 'Enter the bank transaction id (3–100 characters).',
          });
        const result = await recordIncomingPayment(db, {
          provider: 'operator',
          externalId: transactionId,
          amountVnd: amount,
          description: `Đánh dấu bởi quản trị viên #${actor.userId}`,
          occurredAt: new Date().toISOString(),
          reference: text(form, 'reference'),
          operatorUserId: actor.userId,
        });
        return { done: result.duplicate ? 'duplicate' : result.outcome };
      }
      case 'resolve': {
        const note = text(form, 'note');
        if (note.length < 3)
          throw invalid('note', {
            vi: 'Ghi lại đã xử lý thế nào (ít nhất 3 ký tự).',
            en: 'Say how it was handled (at least 3 characters).',
          });
        await resolveHeldPayment(db, actor.userId, Number(text(form, 'paymentEventId')), note);
        return { done: 'resolved' };
      }
      case 'refund': {
        const code = normalizeOrderCode(text(form, 'code'));
        if (!code)
          throw invalid('code', { vi: 'Mã đơn không đúng.', en: 'That order code is not valid.' });
        const order = await db
          .selectFrom('orders')
          .select('id')
          .where('code', '=', code)
          .executeTakeFirst();
        if (!order)
          throw invalid('code', { vi: 'Không có đơn với mã này.', en: 'No order has this code.' });
        await refundOrder(db, payments, actor, order.id, text(form, 'reason'));
        return { done: 'refunded' };
      }
      default:
        throw invalid('intent', { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' });
    }
  });
}

export default function OperatorPayments() {
  const { awaiting, review, refunds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
  const { lang } = useI18n();
  const vi = lang === 'vi';
  return (
    <div className="workspace">
      <h1>{vi ? 'Thanh toán cần xử lý' : 'Payments to handle'}</h1>
      <FormMessage error={error ? { ...error, field: null } : null} />
      {result && 'done' in result && (
        <p className="notice" role="status">
          {vi ? 'Đã ghi nhận' : 'Recorded'}: {String(result.done)}
        </p>
      )}

      <section>
        <h2>{vi ? `Tiền cần xem lại (${review.length})` : `Money to review (${review.length})`}</h2>
        {review.length === 0 ? (
          <p className="muted">{vi ? 'Không có.' : 'None.'}</p>
        ) : (
          <ul className="review-list">
            {review.map((p) => (
              <li key={p.id}>
                <strong>{OUTCOME_NAMES[p.outcome]?.[lang] ?? p.outcome}</strong> —{' '}
                {formatVnd(p.amount_vnd)} · {p.provider} <code>{p.external_id}</code> ·{' '}
                {formatDateTime(p.occurred_at)}
                <br />
                <span className="muted">{p.description}</span>
                {p.reference && (
                  <>
                    {' '}
                    · {vi ? 'đơn' : 'checkout'} <code>{p.reference}</code> (
                    {formatVnd(p.received_vnd ?? 0)} / {formatVnd(p.total_vnd ?? 0)})
                  </>
                )}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="paymentEventId" value={p.id} />
                  <label className="visually-hidden" htmlFor={`note-${p.id}`}>
                    {vi ? 'Cách xử lý' : 'Resolution'}
                  </label>
                  <input
                    id={`note-${p.id}`}
                    name="note"
                    placeholder={vi ? 'Đã hoàn tiền / đã liên hệ…' : 'Refunded / contacted…'}
                    required
                    minLength={3}
                  />
                  <button type="submit" name="intent" value="resolve" className="button--secondary">
                    {vi ? 'Đã xử lý' : 'Resolved'}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <h2>
          {vi
            ? `Chờ chuyển khoản (${awaiting.length})`
            : `Awaiting bank transfer (${awaiting.length})`}
        </h2>
        {awaiting.map((c) => (
          <Form method="post" key={c.id} className="inline-form">
            <code>{c.reference}</code> {c.contact_name} · {formatVnd(c.total_vnd - c.received_vnd)}{' '}
            · {vi ? 'hạn' : 'by'} {formatDateTime(c.pay_by!)}
            <input type="hidden" name="reference" value={c.reference} />
            <input
              name="amount"
              inputMode="numeric"
              defaultValue={c.total_vnd - c.received_vnd}
              aria-label={vi ? 'Số tiền đã nhận' : 'Amount received'}
            />
            <input
              name="transactionId"
              placeholder={vi ? 'Mã giao dịch' : 'Transaction id'}
              aria-label={vi ? 'Mã giao dịch ngân hàng' : 'Bank transaction id'}
              required
            />
            <button type="submit" name="intent" value="received">
              {vi ? 'Đã nhận tiền' : 'Mark received'}
            </button>
          </Form>
        ))}
      </section>

      <section>
        <h2>{vi ? `Cần hoàn tiền (${refunds.length})` : `Refunds due (${refunds.length})`}</h2>
        {refunds.map((r) => (
          <Form method="post" key={r.id} className="inline-form">
            <code>{r.code}</code> {r.organization_name} · {r.contact_name} {r.contact_phone} ·{' '}
            {formatVnd(r.paid_vnd)} ({r.payment_method}) — {r.cancel_reason}
            <input type="hidden" name="code" value={r.code} />
            <input
              name="reason"
              defaultValue={r.cancel_reason ?? ''}
              aria-label={vi ? 'Lý do hoàn tiền' : 'Refund reason'}
              required
              minLength={3}
            />
            <button type="submit" name="intent" value="refund">
              {r.payment_method === 'card'
                ? vi
                  ? 'Hoàn qua Stripe'
                  : 'Refund via Stripe'
                : vi
                  ? 'Đã chuyển trả'
                  : 'Refunded by transfer'}
            </button>
          </Form>
        ))}
        <h3>{vi ? 'Hoàn tiền một đơn đã giao' : 'Refund a delivered order'}</h3>
        <Form method="post" className="inline-form">
          <input name="code" placeholder="CP…" aria-label={vi ? 'Mã đơn' : 'Order code'} required />
          <input
            name="reason"
            placeholder={vi ? 'Lý do' : 'Reason'}
            aria-label={vi ? 'Lý do' : 'Reason'}
            required
            minLength={3}
          />
          <button type="submit" name="intent" value="refund" className="button--secondary">
            {vi ? 'Hoàn tiền' : 'Refund'}
          </button>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
