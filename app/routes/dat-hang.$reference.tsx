import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { FormMessage, formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { absoluteUrl } from '~/lib/http.server';
import { formatVnd } from '~/lib/money';
import { checkoutPageSchema, orderStateName } from '~/orders';
import { cancelCheckoutPart, checkoutViewerFor } from '~/orders/index.server';
import { loadCheckoutPaymentPage, startCardPayment } from '~/payments/index.server';

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [
  { title: translator(langFromMatches(matches))('paTitleCheckoutStatus') },
  { name: 'robots', content: 'noindex' },
  // While money is awaited the page refreshes itself, so it shows "paid" without JavaScript.
  ...(loaded?.checkout.payment_state === 'awaiting'
    ? [{ httpEquiv: 'refresh', content: '20' } as const]
    : []),
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const reference = String(params.reference);
  const page = await orErrorPage(langFromRequest(request), async () =>
    loadCheckoutPaymentPage(
      context.services.db,
      context.services.payments,
      reference,
      await checkoutViewerFor(request, context, reference),
      {
        gateways: context.services.config.payments.gateways,
        query: new URL(request.url).searchParams,
      },
    ),
  );
  return data(page, { headers: { 'Cache-Control': 'private, no-store' } });
}

/**
 * `intent=card` goes on to Stripe or the checkout's gateway (VNPay, MoMo, ZaloPay); `intent=cancel`
 * cancels one cooperative's part (`orderId`).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const reference = String(params.reference);
  const lang = langFromRequest(request);
  const { db, payments, config } = context.services;
  return withUserErrors(lang, async () => {
    const viewer = await checkoutViewerFor(request, context, reference);
    const submission = parseSubmission(checkoutPageSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    const form = submission.value;
    if (form.intent === 'card') {
      const returnUrl = absoluteUrl(request, `/dat-hang/${reference}`, config.publicUrl);
      return redirect(
        await startCardPayment(db, payments, reference, viewer, returnUrl, {
          ipAddr: request.headers.get('x-client-ip') || '127.0.0.1',
          absolute: (path) => absoluteUrl(request, path, config.publicUrl),
          now: new Date(),
        }),
      );
    }
    const code = await cancelCheckoutPart(db, reference, viewer, form.orderId, form.reason);
    return { cancelled: code };
  });
}

const isGatewayMethod = (method: string): method is 'vnpay' | 'momo' | 'zalopay' =>
  method === 'vnpay' || method === 'momo' || method === 'zalopay';

export default function CheckoutStatus() {
  const { checkout, orders, step, gatewayResult } = useLoaderData<typeof loader>();
  const { formError, fieldError } = formFeedback(useActionData<typeof action>());
  const problem = fieldError('intent') ?? fieldError('orderId') ?? formError?.message;
  const [params] = useSearchParams();
  const { lang, t } = useI18n();
  const awaiting = checkout.payment_state === 'awaiting';
  return (
    <article className="checkout-status">
      <h1>
        {t('paYourOrder')} <code>{checkout.reference}</code>
      </h1>
      <FormMessage error={problem ? { field: null, message: problem } : null} />
      <p className="payment-state" data-testid="payment-state">
        {checkout.payment_state === 'paid' && t('paStatePaid')}
        {checkout.payment_state === 'cash_on_delivery' && t('paStateCod')}
        {awaiting &&
          checkout.pay_by &&
          t('paStateAwaiting', { deadline: formatDateTime(checkout.pay_by) })}
        {checkout.payment_state === 'expired' && t('paStateExpired')}
        {checkout.payment_state === 'cancelled' && t('paStateCancelled')}
      </p>
      {awaiting && checkout.received_vnd > 0 && (
        <p>
          {t('paPartlyReceived', {
            received: formatVnd(checkout.received_vnd),
            due: formatVnd(checkout.total_vnd - checkout.received_vnd),
          })}
        </p>
      )}
      {step?.kind === 'bank_qr' && step.demo && (
        <p className="notice notice--demo" role="note" data-testid="demo-banner">
          {t('waDemoBanner')}
        </p>
      )}
      {step?.kind === 'bank_qr' && (
        <section className="vietqr" aria-labelledby="vietqr-title">
          <h2 id="vietqr-title">{t('paScanHeading')}</h2>
          <div
            className="vietqr__code"
            role="img"
            aria-label={t('paQrLabel')}
            dangerouslySetInnerHTML={{ __html: step.svg }}
          />
          <dl className="vietqr__details">
            <dt>{t('paAmount')}</dt>
            <dd>
              <strong data-testid="vietqr-amount">{formatVnd(step.amountVnd)}</strong>
            </dd>
            <dt>{t('paBank')}</dt>
            <dd>{step.bankName ?? step.bankBin}</dd>
            <dt>{t('paAccountNumber')}</dt>
            <dd>
              <code>{step.accountNumber}</code>
            </dd>
            <dt>{t('paAccountName')}</dt>
            <dd>{step.accountName}</dd>
            <dt>{t('paTransferMessage')}</dt>
            <dd>
              <code data-testid="vietqr-memo">{step.memo}</code>
            </dd>
          </dl>
          <p className="muted">{t('paTransferHint')}</p>
        </section>
      )}
      {gatewayResult && checkout.payment_state !== 'paid' && (
        <p className="notice" data-testid="gateway-result">
          {gatewayResult === 'paid'
            ? t('waReturnedPaid')
            : gatewayResult === 'failed'
              ? t('waReturnedFailed')
              : t('waReturnedForged')}
        </p>
      )}
      {awaiting && isGatewayMethod(checkout.payment_method) && (
        <Form method="post">
          <button type="submit" name="intent" value="card">
            {t('waPayWith', {
              amount: formatVnd(checkout.total_vnd - checkout.received_vnd),
              method: t(`orPayMethod_${checkout.payment_method}`),
            })}
          </button>
        </Form>
      )}
      {awaiting && checkout.payment_method === 'card' && (
        <Form method="post">
          {params.get('the') === 'huy' && <p className="notice">{t('paCardLeft')}</p>}
          {params.get('the') === 'xong' && <p className="notice">{t('paCardWaiting')}</p>}
          <button type="submit" name="intent" value="card">
            {t('paPayByCard', { amount: formatVnd(checkout.total_vnd) })}
          </button>
        </Form>
      )}
      <h2>{t('paPartsHeading')}</h2>
      <ul className="order-parts">
        {orders.map((order) => (
          <li key={order.id}>
            <Link to={`/don-hang/${order.code}`}>
              <strong>{order.code}</strong>
            </Link>{' '}
            — {order.organization_name} — {formatVnd(order.total_vnd)}
            <span className="order-state" data-state={order.state}>
              {' '}
              · {orderStateName(order.state, order.payment_method)[lang]}
            </span>
            {order.buyerCanCancel && (
              <Form method="post" className="inline-form">
                <input type="hidden" name="orderId" value={order.id} />
                <button type="submit" name="intent" value="cancel" className="button--link">
                  {t('paCancelPart')}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      <dl className="totals">
        <dt>{t('orGoods')}</dt>
        <dd>{formatVnd(checkout.goods_vnd)}</dd>
        <dt>{t('orDelivery')}</dt>
        <dd>{formatVnd(checkout.delivery_vnd)}</dd>
        <dt>{t('orTotal')}</dt>
        <dd>
          <strong>{formatVnd(checkout.total_vnd)}</strong>
        </dd>
      </dl>
      <p className="muted">
        {t('paKeepCodes', { phone: checkout.contact_phone.replace('+84', '0') })}
        <Link to="/tra-cuu-don-hang">/tra-cuu-don-hang</Link>.
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
