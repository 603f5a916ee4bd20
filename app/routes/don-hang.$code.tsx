import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { optionalActor } from '~/accounts/index.server';
import { FormMessage } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { OrderTimeline } from '~/components/OrderTimeline';
import { langFromRequest, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { invalid, notFound } from '~/lib/errors';
import { orErrorPage, text, withUserErrors } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import {
  getOrderDetail,
  checkoutTokenFrom,
  hasOrderLookupGrant,
  applyOrderEvent,
  type BuyerAccess,
  type OrderParty,
} from '~/orders/index.server';
import { availableEvents, orderStateName } from '~/orders';
import { formatPhoneForDisplay } from '~/accounts';

export const meta: MetaFunction = () => [
  { title: 'Đơn hàng — Chợ Phiên' },
  { name: 'robots', content: 'noindex' },
];

/** Every way a buyer may prove the order is theirs, tried in turn (the domain checks each). */
async function buyerParties(
  request: Request,
  context: LoaderFunctionArgs['context'],
  code: string,
): Promise<OrderParty[]> {
  const parties: OrderParty[] = [];
  const actor = await optionalActor(request, context);
  if (actor?.isAdmin) parties.push({ role: 'operator', actor });
  if (actor)
    parties.push(
      { role: 'buyer', access: { userId: actor.userId } },
      { role: 'cooperative', actor },
    );
  if (hasOrderLookupGrant(request, context, code))
    parties.push({ role: 'buyer', access: { orderCode: code } });
  const reference = await context.services.db
    .selectFrom('orders')
    .innerJoin('checkouts', 'checkouts.id', 'orders.checkout_id')
    .select('checkouts.reference')
    .where('orders.code', '=', code)
    .executeTakeFirst();
  const token = reference ? checkoutTokenFrom(request, reference.reference) : null;
  if (token) parties.push({ role: 'buyer', access: { checkoutToken: token } });
  return parties;
}

async function firstAllowed(
  request: Request,
  context: LoaderFunctionArgs['context'],
  code: string,
) {
  for (const party of await buyerParties(request, context, code)) {
    try {
      return { party, detail: await getOrderDetail(context.services.db, party, code) };
    } catch {
      // not this one; try the next proof
    }
  }
  throw notFound({
    vi: 'Không tìm thấy đơn hàng. Hãy tra cứu bằng mã đơn và số điện thoại.',
    en: 'Order not found. Look it up with the order code and phone number.',
  });
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const code = String(params.code).toUpperCase();
  const { party, detail } = await orErrorPage(langFromRequest(request), () =>
    firstAllowed(request, context, code),
  );
  const buyerView = party.role === 'buyer';
  const snapshot = {
    state: detail.order.state,
    paymentMethod: detail.order.payment_method,
    amountPaidVnd: detail.order.paid_vnd,
  };
  return data(
    {
      ...detail,
      buyerView,
      canCancel: buyerView && availableEvents(snapshot, 'buyer').includes('buyer_cancel'),
      canConfirm: buyerView && availableEvents(snapshot, 'buyer').includes('complete'),
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const code = String(params.code).toUpperCase();
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const { party, detail } = await firstAllowed(request, context, code);
    if (party.role !== 'buyer')
      throw invalid('intent', {
        vi: 'Chỉ người mua thực hiện được thao tác này ở đây.',
        en: 'Only the buyer can do this here.',
      });
    const form = await request.formData();
    const intent = text(form, 'intent');
    if (intent !== 'cancel' && intent !== 'confirm')
      throw invalid('intent', { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' });
    await applyOrderEvent(
      context.services.db,
      { role: 'buyer', access: (party as { access: BuyerAccess }).access },
      detail.order.id,
      intent === 'cancel' ? 'buyer_cancel' : 'complete',
      { reason: text(form, 'reason') || undefined },
    );
    return { done: intent };
  });
}

export default function OrderPage() {
  const { order, items, history, canCancel, canConfirm, lotLinks } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
  const { lang } = useI18n();
  const vi = lang === 'vi';
  return (
    <article className="order">
      <h1>
        {vi ? 'Đơn hàng' : 'Order'} <code>{order.code}</code>
      </h1>
      <p className="order-state" data-testid="order-state" data-state={order.state}>
        {orderStateName(order.state)[lang]}
      </p>
      <FormMessage error={error ? { ...error, field: null } : null} />
      <p>
        {vi ? 'Người bán' : 'Seller'}:{' '}
        <Link to={`/hop-tac-xa/${order.organization_slug}`}>{order.organization_name}</Link> ·{' '}
        {formatPhoneForDisplay(order.organization_phone)}
      </p>
      <p>
        {vi ? 'Đặt lúc' : 'Placed'} {formatDateTime(order.created_at)} ·{' '}
        {vi ? 'Giao đến' : 'Deliver to'}: {order.contact_name}, {order.street}, {order.commune_name}
        , {order.province_name}
      </p>
      <table className="order-items">
        <thead>
          <tr>
            <th>{vi ? 'Sản phẩm' : 'Product'}</th>
            <th>{vi ? 'SL' : 'Qty'}</th>
            <th>{vi ? 'Thành tiền' : 'Amount'}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.product_id}>
              <td>
                {item.slug ? (
                  <Link to={`/san-pham/${item.slug}`}>{item.product_name}</Link>
                ) : (
                  item.product_name
                )}
              </td>
              <td>
                {item.quantity} {item.unit}
              </td>
              <td>{formatVnd(item.unit_price_vnd * item.quantity)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2}>{vi ? 'Phí giao hàng' : 'Delivery'}</td>
            <td>{formatVnd(order.delivery_vnd)}</td>
          </tr>
          <tr>
            <td colSpan={2}>
              <strong>{vi ? 'Tổng' : 'Total'}</strong>
            </td>
            <td>
              <strong>{formatVnd(order.total_vnd)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
      <h2>{vi ? 'Tiến trình' : 'Timeline'}</h2>
      <OrderTimeline
        history={history}
        lotLink={(lot) => (lotLinks[lot] ? `/lo-hang/${lotLinks[lot]}` : null)}
      />
      {canConfirm && (
        <Form method="post">
          <button type="submit" name="intent" value="confirm">
            {vi ? 'Tôi đã nhận được hàng' : 'I have received it'}
          </button>
        </Form>
      )}
      {canCancel && (
        <Form method="post" className="stacked-form">
          <label htmlFor="cancel-reason">
            {vi ? 'Lý do huỷ (không bắt buộc)' : 'Reason (optional)'}
          </label>
          <input id="cancel-reason" name="reason" maxLength={300} />
          <button type="submit" name="intent" value="cancel" className="button--secondary">
            {vi ? 'Huỷ đơn này' : 'Cancel this order'}
          </button>
        </Form>
      )}
      <p>
        <Link to={`/dat-hang/${order.reference}`}>
          {vi ? 'Xem thanh toán của lần đặt hàng này' : 'See the payment of this checkout'}
        </Link>
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
