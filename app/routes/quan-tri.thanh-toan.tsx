import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireAdmin } from '~/accounts';
import { requireActor } from '~/accounts/index.server';
import { FormMessage, formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import { operatorPaymentSchema } from '~/payments';
import { GatewayCheckNotice, GatewayQuerySection } from '~/components/payments/GatewayQuery';
import { PaymentsByMethod } from '~/components/payments/PaymentsByMethod';
import {
  checkWithGateway,
  handleOperatorPayment,
  listAwaitingGatewayCheckouts,
  listAwaitingTransfers,
  listPaymentsToReview,
  listRefundsDue,
  paymentsByMethod,
} from '~/payments/index.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('paTitlePayments') },
];

/** Payment outcomes a person reviews, with a name on the page. */
const REVIEWED_OUTCOMES = [
  'held_unmatched',
  'held_short',
  'held_late',
  'held_already_paid',
  'applied_overpaid',
  'refund',
] as const;
const isReviewedOutcome = (outcome: string): outcome is (typeof REVIEWED_OUTCOMES)[number] =>
  (REVIEWED_OUTCOMES as readonly string[]).includes(outcome);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  await orErrorPage(langFromRequest(request), async () => requireAdmin(actor));
  const { db, payments } = context.services;
  const [awaiting, review, refunds, byMethod, gatewayAwaiting] = await Promise.all([
    listAwaitingTransfers(db),
    listPaymentsToReview(db),
    listRefundsDue(db),
    paymentsByMethod(db, actor),
    listAwaitingGatewayCheckouts(db),
  ]);
  return data(
    {
      awaiting,
      review,
      refunds,
      byMethod,
      gatewayAwaiting,
      methods: payments.methods,
      off: payments.off,
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

/**
 * `intent` = received (a transfer marked by hand), resolve (a held payment), refund (an order) or
 * query (ask VNPay, MoMo or ZaloPay about a checkout whose notification never came).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const { db, payments } = context.services;
  return withUserErrors(lang, async () => {
    requireAdmin(actor);
    const submission = parseSubmission(operatorPaymentSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    const form = submission.value;
    if (form.intent === 'query')
      return { checked: await checkWithGateway(db, payments, actor, form.reference) };
    return { done: await handleOperatorPayment(db, payments, actor, form) };
  });
}

export default function OperatorPayments() {
  const { awaiting, review, refunds, byMethod, gatewayAwaiting, methods, off } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { formError, fieldError } = formFeedback(result);
  const problem =
    ['intent', 'amount', 'transactionId', 'note', 'code', 'reason', 'paymentEventId', 'reference']
      .map(fieldError)
      .find(Boolean) ?? formError?.message;
  const { t } = useI18n();
  return (
    <div className="workspace">
      <h1>{t('paPaymentsHeading')}</h1>
      <FormMessage error={problem ? { field: null, message: problem } : null} />
      {result && 'done' in result && result.done && (
        <p className="notice" role="status">
          {t('paRecorded', { what: t(`paDone_${result.done}`) })}
        </p>
      )}
      {result && 'checked' in result && result.checked && (
        <GatewayCheckNotice checked={result.checked} />
      )}

      <PaymentsByMethod byMethod={byMethod} methods={methods} off={off} />

      <GatewayQuerySection awaiting={gatewayAwaiting} />

      <section>
        <h2>{t('paMoneyToReview', { n: review.length })}</h2>
        {review.length === 0 ? (
          <p className="muted">{t('paNone')}</p>
        ) : (
          <ul className="review-list">
            {review.map((p) => (
              <li key={p.id}>
                <strong>
                  {isReviewedOutcome(p.outcome) ? t(`paOutcome_${p.outcome}`) : p.outcome}
                </strong>{' '}
                — {formatVnd(p.amount_vnd)} · {p.provider} <code>{p.external_id}</code> ·{' '}
                {formatDateTime(p.occurred_at)}
                <br />
                <span className="muted">{p.description}</span>
                {p.reference && (
                  <>
                    {' '}
                    · {t('paCheckout')} <code>{p.reference}</code> ({formatVnd(p.received_vnd ?? 0)}{' '}
                    / {formatVnd(p.total_vnd ?? 0)})
                  </>
                )}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="paymentEventId" value={p.id} />
                  <label className="visually-hidden" htmlFor={`note-${p.id}`}>
                    {t('paResolution')}
                  </label>
                  <input
                    id={`note-${p.id}`}
                    name="note"
                    placeholder={t('paResolutionPlaceholder')}
                    required
                    minLength={3}
                  />
                  <button type="submit" name="intent" value="resolve" className="button--secondary">
                    {t('paResolved')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <h2>{t('paAwaitingTransfers', { n: awaiting.length })}</h2>
        {awaiting.map((c) => (
          <Form method="post" key={c.id} className="inline-form">
            <code>{c.reference}</code> {c.contact_name} · {formatVnd(c.total_vnd - c.received_vnd)}{' '}
            · {t('paBy')} {c.pay_by ? formatDateTime(c.pay_by) : ''}
            <input type="hidden" name="reference" value={c.reference} />
            <input
              name="amount"
              inputMode="numeric"
              defaultValue={c.total_vnd - c.received_vnd}
              aria-label={t('paAmountReceived')}
            />
            <input
              name="transactionId"
              placeholder={t('paTransactionId')}
              aria-label={t('paBankTransactionId')}
              required
            />
            <button type="submit" name="intent" value="received">
              {t('paMarkReceived')}
            </button>
          </Form>
        ))}
      </section>

      <section>
        <h2>{t('paRefundsDue', { n: refunds.length })}</h2>
        {refunds.map((r) => (
          <Form method="post" key={r.id} className="inline-form">
            <code>{r.code}</code> {r.organization_name} · {r.contact_name} {r.contact_phone} ·{' '}
            {formatVnd(r.paid_vnd)} ({r.payment_method}) — {r.cancel_reason}
            <input type="hidden" name="code" value={r.code} />
            <input
              name="reason"
              defaultValue={r.cancel_reason ?? ''}
              aria-label={t('paRefundReason')}
              required
              minLength={3}
            />
            <button type="submit" name="intent" value="refund">
              {r.payment_method === 'card'
                ? t('paRefundViaStripe')
                : r.payment_method === 'vietqr' || r.payment_method === 'cod'
                  ? t('paRefundedByTransfer')
                  : t('paRefund')}
            </button>
          </Form>
        ))}
        <h3>{t('paRefundDelivered')}</h3>
        <Form method="post" className="inline-form">
          <input name="code" placeholder="CP…" aria-label={t('paOrderCode')} required />
          <input
            name="reason"
            placeholder={t('paReason')}
            aria-label={t('paReason')}
            required
            minLength={3}
          />
          <button type="submit" name="intent" value="refund" className="button--secondary">
            {t('paRefund')}
          </button>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
