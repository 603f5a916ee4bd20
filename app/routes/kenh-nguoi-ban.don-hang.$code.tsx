import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { formatPhoneForDisplay } from '~/accounts';
import { requireActor } from '~/accounts/index.server';
import { FormMessage } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { OrderTimeline } from '~/components/OrderTimeline';
import { langFromRequest, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { invalid } from '~/lib/errors';
import { orErrorPage, text, withUserErrors } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import { isCooperativeEvent, parseLotCodes, orderStateName, paymentMethodName } from '~/orders';
import { fulfilOrder, getIncomingOrder } from '~/orders/index.server';

export const meta: MetaFunction = () => [
  { title: 'Đơn hàng — Kênh người bán' },
  { name: 'robots', content: 'noindex' },
];

/** Carriers cooperatives in the provinces use most; any other name may be typed. */
export const CARRIERS = [
  'Viettel Post',
  'VNPost (Bưu điện)',
  'Giao Hàng Nhanh (GHN)',
  'Giao Hàng Tiết Kiệm (GHTK)',
  'J&T Express',
  'Ninja Van',
  'Tự giao',
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const detail = await orErrorPage(langFromRequest(request), () =>
    getIncomingOrder(context.services.db, actor, String(params.code).toUpperCase()),
  );
  return data(detail, { headers: { 'Cache-Control': 'private, no-store' } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const form = await request.formData();
    const intent = text(form, 'intent');
    if (!isCooperativeEvent(intent))
      throw invalid('intent', { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' });
    const lots = intent === 'ship' ? parseLotCodes(form.getAll('lots').map(String)) : [];
    await fulfilOrder(
      context.services.db,
      actor,
      String(params.code).toUpperCase(),
      intent,
      {
        reason: text(form, 'reason'),
        carrier: text(form, 'carrier'),
        trackingNumber: text(form, 'trackingNumber'),
        lots,
      },
      { commissionPercent: context.services.config.payments.commissionPercent },
    );
    return { done: intent };
  });
}

const DONE = {
  accept: {
    vi: 'Đã nhận đơn. Hãy đóng gói và giao cho đơn vị vận chuyển.',
    en: 'Order accepted. Pack it and hand it to the carrier.',
  },
  ship: { vi: 'Đã ghi nhận giao hàng.', en: 'Shipment recorded.' },
  deliver: { vi: 'Đã ghi nhận giao thành công.', en: 'Delivery recorded.' },
  cooperative_cancel: {
    vi: 'Đã huỷ đơn. Người mua được báo qua thư.',
    en: 'Order cancelled. The buyer is told by e-mail.',
  },
} as const;

export default function IncomingOrder() {
  const { order, items, history, actions, lots, lotLinks } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
  const done = result && 'done' in result ? result.done : null;
  const busy = useNavigation().state === 'submitting';
  const { lang } = useI18n();
  const vi = lang === 'vi';
  const lotHref = (lot: string) =>
    lotLinks[lot] ? `/kenh-nguoi-ban/lo-hang/${lotLinks[lot]}` : null;
  return (
    <article className="order workspace">
      <p>
        <Link to={`/kenh-nguoi-ban/don-hang?to-chuc=${order.organization_id}`}>
          ← {vi ? 'Đơn hàng đến' : 'Incoming orders'}
        </Link>
      </p>
      <h1>
        {vi ? 'Đơn' : 'Order'} <code>{order.code}</code>
      </h1>
      <p className="order-state" data-testid="order-state" data-state={order.state}>
        {orderStateName(order.state)[lang]}
      </p>
      {done && isCooperativeEvent(done) ? (
        <p role="status" className="notice">
          {DONE[done][lang]}
        </p>
      ) : null}
      <FormMessage error={error ? { ...error, field: null } : null} />
      <dl className="totals">
        <dt>{vi ? 'Đặt lúc' : 'Placed'}</dt>
        <dd>{formatDateTime(order.created_at)}</dd>
        <dt>{vi ? 'Thanh toán' : 'Payment'}</dt>
        <dd>{paymentMethodName(order.payment_method)[lang]}</dd>
        <dt>{vi ? 'Người nhận' : 'Recipient'}</dt>
        <dd>
          {order.contact_name} · {formatPhoneForDisplay(order.contact_phone)}
        </dd>
        <dt>{vi ? 'Địa chỉ' : 'Address'}</dt>
        <dd>
          {order.street}, {order.commune_name}, {order.province_name}
        </dd>
      </dl>
      {order.note ? (
        <p>
          <strong>{vi ? 'Ghi chú của người mua' : 'Buyer note'}:</strong> {order.note}
        </p>
      ) : null}
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
              <td>{item.product_name}</td>
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
          {order.payment_method === 'cod' ? (
            <tr>
              <td colSpan={2}>{vi ? 'Thu hộ khi giao' : 'To collect on delivery'}</td>
              <td>{formatVnd(order.total_vnd)}</td>
            </tr>
          ) : null}
        </tfoot>
      </table>
      <p>
        <Link to={`/kenh-nguoi-ban/don-hang/${order.code}/phieu-dong-goi`}>
          {vi ? 'In phiếu đóng gói' : 'Print the packing slip'}
        </Link>
      </p>

      {actions.includes('accept') ? (
        <Form method="post">
          <button type="submit" name="intent" value="accept" disabled={busy}>
            {vi ? 'Nhận đơn' : 'Accept the order'}
          </button>
        </Form>
      ) : null}
      {actions.includes('ship') ? (
        <Form method="post" className="stacked-form" aria-labelledby="ship-title">
          <h2 id="ship-title">{vi ? 'Gửi hàng đi' : 'Ship the parcel'}</h2>
          <label htmlFor="carrier">{vi ? 'Đơn vị vận chuyển' : 'Carrier'}</label>
          <input
            id="carrier"
            name="carrier"
            list="carriers"
            required
            maxLength={200}
            autoComplete="off"
          />
          <datalist id="carriers">
            {CARRIERS.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <label htmlFor="trackingNumber">{vi ? 'Mã vận đơn' : 'Tracking number'}</label>
          <input
            id="trackingNumber"
            name="trackingNumber"
            required
            maxLength={200}
            autoComplete="off"
          />
          {lots.length ? (
            <fieldset>
              <legend>
                {vi ? 'Lô hàng đã giao (truy xuất nguồn gốc)' : 'Lots shipped (traceability)'}
              </legend>
              {lots.map((l) => (
                <label key={l.id} className="choice">
                  <input type="checkbox" name="lots" value={l.lotCode} /> {l.lotCode}
                </label>
              ))}
            </fieldset>
          ) : null}
          <label htmlFor="lots-typed">
            {vi ? 'Mã lô khác (cách nhau bởi dấu phẩy)' : 'Other lot codes (comma-separated)'}
          </label>
          <input id="lots-typed" name="lots" maxLength={500} autoComplete="off" />
          <button type="submit" name="intent" value="ship" disabled={busy}>
            {vi ? 'Đã giao cho vận chuyển' : 'Mark as shipped'}
          </button>
        </Form>
      ) : null}
      {actions.includes('deliver') ? (
        <Form method="post">
          <button type="submit" name="intent" value="deliver" disabled={busy}>
            {vi ? 'Người mua đã nhận hàng' : 'Mark as delivered'}
          </button>
        </Form>
      ) : null}
      {actions.includes('cooperative_cancel') ? (
        <Form method="post" className="stacked-form">
          <label htmlFor="cancel-reason">
            {vi ? 'Lý do huỷ (người mua sẽ thấy)' : 'Reason for cancelling (the buyer sees it)'}
          </label>
          <input id="cancel-reason" name="reason" required maxLength={200} />
          <button
            type="submit"
            name="intent"
            value="cooperative_cancel"
            className="button--secondary"
            disabled={busy}
          >
            {vi ? 'Huỷ đơn' : 'Cancel the order'}
          </button>
        </Form>
      ) : null}

      <h2>{vi ? 'Tiến trình' : 'Timeline'}</h2>
      <OrderTimeline history={history} lotLink={lotHref} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
