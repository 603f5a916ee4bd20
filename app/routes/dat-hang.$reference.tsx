import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { optionalActor } from '~/accounts/index.server';
import { FormMessage } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromRequest, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { invalid, UserError } from '~/lib/errors';
import { orErrorPage, text, withUserErrors } from '~/lib/forms.server';
import { absoluteUrl } from '~/lib/http.server';
import { formatVnd } from '~/lib/money';
import { getCheckoutForViewer, checkoutTokenFrom, applyOrderEvent } from '~/orders/index.server';
import { orderStateName } from '~/orders';

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: 'Thanh toán đơn hàng — Chợ Phiên' },
  { name: 'robots', content: 'noindex' },
  // While money is awaited the page refreshes itself, so it shows "paid" without JavaScript.
  ...(loaded?.checkout.payment_state === 'awaiting'
    ? [{ httpEquiv: 'refresh', content: '20' } as const]
    : []),
];

async function viewerOf(
  request: Request,
  context: LoaderFunctionArgs['context'],
  reference: string,
) {
  const actor = await optionalActor(request, context);
  return {
    userId: actor?.userId ?? null,
    isAdmin: actor?.isAdmin ?? false,
    token: checkoutTokenFrom(request, reference),
  };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const reference = String(params.reference);
  const lang = langFromRequest(request);
  const found = await orErrorPage(lang, async () =>
    getCheckoutForViewer(
      context.services.db,
      reference,
      await viewerOf(request, context, reference),
    ),
  );
  const provider = context.services.payments.get(found.checkout.payment_method);
  const step =
    found.checkout.payment_state === 'awaiting' &&
    found.checkout.payment_method === 'vietqr' &&
    provider
      ? await provider.begin(
          {
            id: found.checkout.id,
            reference,
            totalVnd: found.checkout.total_vnd - found.checkout.received_vnd,
            payBy: found.checkout.pay_by,
            orders: [],
          },
          '',
        )
      : null;
  return data({ ...found, step }, { headers: { 'Cache-Control': 'private, no-store' } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const reference = String(params.reference);
  const lang = langFromRequest(request);
  const { db, payments, config } = context.services;
  return withUserErrors(lang, async () => {
    const viewer = await viewerOf(request, context, reference);
    const { checkout, orders } = await getCheckoutForViewer(db, reference, viewer);
    const form = await request.formData();
    switch (text(form, 'intent')) {
      case 'card': {
        const card = payments.get('card');
        if (checkout.payment_method !== 'card' || checkout.payment_state !== 'awaiting' || !card) {
          throw new UserError('not_awaiting', 409, {
            vi: 'Đơn này không chờ thanh toán thẻ.',
            en: 'This checkout is not awaiting a card payment.',
          });
        }
        const step = await card.begin(
          {
            id: checkout.id,
            reference,
            totalVnd: checkout.total_vnd,
            payBy: checkout.pay_by,
            orders: orders.map((o) => ({
              code: o.code,
              organizationName: o.organization_name,
              totalVnd: o.total_vnd,
            })),
          },
          absoluteUrl(request, `/dat-hang/${reference}`, config.publicUrl),
        );
        if (step.kind !== 'redirect') throw new Error('card provider did not redirect');
        return redirect(step.url);
      }
      case 'cancel': {
        const order = orders.find((o) => String(o.id) === text(form, 'orderId'));
        if (!order)
          throw invalid('orderId', { vi: 'Không tìm thấy đơn hàng.', en: 'Order not found.' });
        const access =
          viewer.userId !== null && checkout.buyer_user_id === viewer.userId
            ? { userId: viewer.userId }
            : { checkoutToken: viewer.token ?? '' };
        await applyOrderEvent(db, { role: 'buyer', access }, order.id, 'buyer_cancel', {
          reason: text(form, 'reason') || undefined,
        });
        return { cancelled: order.code };
      }
      default:
        throw invalid('intent', { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' });
    }
  });
}

export default function CheckoutStatus() {
  const { checkout, orders, step } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
  const [params] = useSearchParams();
  const { lang } = useI18n();
  const vi = lang === 'vi';
  const awaiting = checkout.payment_state === 'awaiting';
  return (
    <article className="checkout-status">
      <h1>
        {vi ? 'Đơn đặt hàng' : 'Your order'} <code>{checkout.reference}</code>
      </h1>
      <FormMessage error={error ? { ...error, field: null } : null} />
      <p className="payment-state" data-testid="payment-state">
        {checkout.payment_state === 'paid' &&
          (vi
            ? '✓ Đã nhận thanh toán. Các hợp tác xã đang chuẩn bị hàng.'
            : '✓ Payment received. The cooperatives are preparing your parcels.')}
        {checkout.payment_state === 'cash_on_delivery' &&
          (vi
            ? 'Thanh toán khi nhận hàng. Các hợp tác xã đã nhận đơn của bạn.'
            : 'Cash on delivery. The cooperatives have your order.')}
        {awaiting &&
          (vi
            ? `Đang chờ thanh toán — hạn chót ${formatDateTime(checkout.pay_by!)}.`
            : `Awaiting payment — by ${formatDateTime(checkout.pay_by!)}.`)}
        {checkout.payment_state === 'expired' &&
          (vi
            ? 'Đã hết hạn thanh toán; hàng đã được trả lại kho. Nếu bạn đã chuyển tiền, chúng tôi sẽ liên hệ để hoàn tiền.'
            : 'The payment time ran out and the stock was released. If you did pay, we will contact you about a refund.')}
        {checkout.payment_state === 'cancelled' && (vi ? 'Đơn đã huỷ.' : 'Cancelled.')}
      </p>
      {awaiting && checkout.received_vnd > 0 && (
        <p>
          {vi
            ? `Đã nhận ${formatVnd(checkout.received_vnd)}; còn thiếu ${formatVnd(checkout.total_vnd - checkout.received_vnd)}.`
            : `Received ${formatVnd(checkout.received_vnd)}; ${formatVnd(checkout.total_vnd - checkout.received_vnd)} still due.`}
        </p>
      )}
      {step?.kind === 'bank_qr' && (
        <section className="vietqr" aria-labelledby="vietqr-title">
          <h2 id="vietqr-title">
            {vi ? 'Quét mã bằng ứng dụng ngân hàng' : 'Scan with your banking app'}
          </h2>
          <div
            className="vietqr__code"
            role="img"
            aria-label={vi ? 'Mã VietQR' : 'VietQR code'}
            dangerouslySetInnerHTML={{ __html: step.svg }}
          />
          <dl className="vietqr__details">
            <dt>{vi ? 'Số tiền' : 'Amount'}</dt>
            <dd>
              <strong data-testid="vietqr-amount">{formatVnd(step.amountVnd)}</strong>
            </dd>
            <dt>{vi ? 'Ngân hàng' : 'Bank'}</dt>
            <dd>{step.bankName ?? step.bankBin}</dd>
            <dt>{vi ? 'Số tài khoản' : 'Account number'}</dt>
            <dd>
              <code>{step.accountNumber}</code>
            </dd>
            <dt>{vi ? 'Chủ tài khoản' : 'Account name'}</dt>
            <dd>{step.accountName}</dd>
            <dt>{vi ? 'Nội dung chuyển khoản' : 'Transfer message'}</dt>
            <dd>
              <code data-testid="vietqr-memo">{step.memo}</code>
            </dd>
          </dl>
          <p className="muted">
            {vi
              ? 'Nếu chuyển khoản thủ công, hãy ghi đúng nội dung trên để đơn được xác nhận tự động. Trang này tự cập nhật.'
              : 'If you transfer by hand, use exactly this message so the payment is matched automatically. This page refreshes itself.'}
          </p>
        </section>
      )}
      {awaiting && checkout.payment_method === 'card' && (
        <Form method="post">
          {params.get('the') === 'huy' && (
            <p className="notice">
              {vi
                ? 'Bạn đã dừng thanh toán thẻ. Có thể thử lại.'
                : 'You left the card payment. You can try again.'}
            </p>
          )}
          {params.get('the') === 'xong' && (
            <p className="notice">
              {vi
                ? 'Đang chờ Stripe xác nhận thanh toán…'
                : 'Waiting for Stripe to confirm the payment…'}
            </p>
          )}
          <button type="submit" name="intent" value="card">
            {vi
              ? `Thanh toán thẻ ${formatVnd(checkout.total_vnd)}`
              : `Pay ${formatVnd(checkout.total_vnd)} by card`}
          </button>
        </Form>
      )}
      <h2>{vi ? 'Các phần đơn theo hợp tác xã' : 'Parts by cooperative'}</h2>
      <ul className="order-parts">
        {orders.map((order) => (
          <li key={order.id}>
            <Link to={`/don-hang/${order.code}`}>
              <strong>{order.code}</strong>
            </Link>{' '}
            — {order.organization_name} — {formatVnd(order.total_vnd)}
            <span className="order-state" data-state={order.state}>
              {' '}
              · {orderStateName(order.state)[lang]}
            </span>
            {order.buyerCanCancel && (
              <Form method="post" className="inline-form">
                <input type="hidden" name="orderId" value={order.id} />
                <button type="submit" name="intent" value="cancel" className="button--link">
                  {vi ? 'Huỷ phần này' : 'Cancel this part'}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      <dl className="totals">
        <dt>{vi ? 'Tiền hàng' : 'Goods'}</dt>
        <dd>{formatVnd(checkout.goods_vnd)}</dd>
        <dt>{vi ? 'Phí giao hàng' : 'Delivery'}</dt>
        <dd>{formatVnd(checkout.delivery_vnd)}</dd>
        <dt>{vi ? 'Tổng' : 'Total'}</dt>
        <dd>
          <strong>{formatVnd(checkout.total_vnd)}</strong>
        </dd>
      </dl>
      <p className="muted">
        {vi
          ? `Giữ mã đơn và số điện thoại ${checkout.contact_phone.replace('+84', '0')} để tra cứu tại `
          : 'Keep the order codes and your phone number to look orders up at '}
        <Link to="/tra-cuu-don-hang">/tra-cuu-don-hang</Link>.
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
