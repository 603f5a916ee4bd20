import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { formatPhoneForDisplay } from '~/accounts';
import { requireActor } from '~/accounts/index.server';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { orErrorPage } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import { getIncomingOrder } from '~/orders/index.server';

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [
  {
    title: translator(langFromMatches(matches))('fuTitlePackingSlip', {
      code: loaded?.order.code ?? '',
    }),
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
  const { t } = useI18n();
  const units = items.reduce((n, i) => n + i.quantity, 0);
  return (
    <article className="packing-slip">
      <h1>
        {t('fuPackingSlip')} <code>{order.code}</code>
      </h1>
      <p>
        {order.organization_name} · {formatPhoneForDisplay(order.organization_phone)}
      </p>
      <section aria-labelledby="ship-to">
        <h2 id="ship-to">{t('fuShipTo')}</h2>
        <p className="packing-slip__address">
          <strong>{order.contact_name}</strong> · {formatPhoneForDisplay(order.contact_phone)}
          <br />
          {order.street}
          <br />
          {order.commune_name}, {order.province_name}
        </p>
        {order.note ? <p>{t('fuNote', { note: order.note })}</p> : null}
      </section>
      <table className="order-items">
        <thead>
          <tr>
            <th>{t('orProduct')}</th>
            <th>{t('fuQuantity')}</th>
            <th aria-label={t('fuPacked')}>✓</th>
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
            <td>{t('fuTotalUnits')}</td>
            <td>{units}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <p className="packing-slip__collect">
        {order.payment_method === 'cod' ? (
          <strong>{t('fuCollectCod', { amount: formatVnd(order.total_vnd) })}</strong>
        ) : (
          t('fuPrepaid')
        )}
      </p>
      <p className="muted">
        {t('fuPlacedAt')} {formatDateTime(order.created_at)} · chophien.vn
      </p>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('fuPrint')}
        </button>{' '}
        <a href={`/kenh-nguoi-ban/don-hang/${order.code}`}>{t('fuBackToOrder')}</a>
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
