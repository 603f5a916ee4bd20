import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { formatPhoneForDisplay } from '~/accounts';
import { requireActor } from '~/accounts/index.server';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromRequest, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { orErrorPage } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import { getIncomingOrder } from '~/orders/index.server';

export const meta: MetaFunction = ({ data: d }) => [
  {
    title: `Phiếu đóng gói ${(d as { order?: { code: string } } | undefined)?.order?.code ?? ''} — Chợ Phiên`,
  },
  { name: 'robots', content: 'noindex' },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const detail = await orErrorPage(langFromRequest(request), () =>
    getIncomingOrder(context.services.db, actor, String(params.code).toUpperCase()),
  );
  return data(detail, { headers: { 'Cache-Control': 'private, no-store' } });
}

/** A packing slip to print and put in the parcel: who it goes to, what is in it, what to collect. */
export default function PackingSlip() {
  const { order, items } = useLoaderData<typeof loader>();
  const { lang } = useI18n();
  const vi = lang === 'vi';
  const units = items.reduce((n, i) => n + i.quantity, 0);
  return (
    <article className="packing-slip">
      <h1>
        {vi ? 'Phiếu đóng gói' : 'Packing slip'} <code>{order.code}</code>
      </h1>
      <p>
        {order.organization_name} · {formatPhoneForDisplay(order.organization_phone)}
      </p>
      <section aria-labelledby="ship-to">
        <h2 id="ship-to">{vi ? 'Giao đến' : 'Ship to'}</h2>
        <p className="packing-slip__address">
          <strong>{order.contact_name}</strong> · {formatPhoneForDisplay(order.contact_phone)}
          <br />
          {order.street}
          <br />
          {order.commune_name}, {order.province_name}
        </p>
        {order.note ? (
          <p>
            {vi ? 'Ghi chú' : 'Note'}: {order.note}
          </p>
        ) : null}
      </section>
      <table className="order-items">
        <thead>
          <tr>
            <th>{vi ? 'Sản phẩm' : 'Product'}</th>
            <th>{vi ? 'Số lượng' : 'Quantity'}</th>
            <th aria-label={vi ? 'Đã soạn' : 'Packed'}>✓</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.product_id}>
              <td>{item.product_name}</td>
              <td>
                {item.quantity} {item.unit}
              </td>
              <td>☐</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>{vi ? 'Tổng số món' : 'Total units'}</td>
            <td>{units}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <p className="packing-slip__collect">
        {order.payment_method === 'cod' ? (
          <>
            <strong>
              {vi ? 'Thu hộ (COD)' : 'Collect on delivery'}: {formatVnd(order.total_vnd)}
            </strong>
          </>
        ) : (
          <>
            {vi
              ? 'Đã thanh toán trước — không thu tiền người nhận.'
              : 'Prepaid — collect nothing from the recipient.'}
          </>
        )}
      </p>
      <p className="muted">
        {vi ? 'Đặt lúc' : 'Placed'} {formatDateTime(order.created_at)} · chophien.vn
      </p>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {vi ? 'In phiếu' : 'Print'}
        </button>{' '}
        <a href={`/kenh-nguoi-ban/don-hang/${order.code}`}>
          {vi ? 'Quay lại đơn' : 'Back to the order'}
        </a>
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
