import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { langFromMatches, translator, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { formatVnd } from '~/lib/money';
import { listBuyerOrders } from '~/orders/index.server';
import { orderStateName } from '~/orders';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('orTitleMyOrders') },
  { name: 'robots', content: 'noindex' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return data(
    { orders: await listBuyerOrders(context.services.db, actor.userId) },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export default function MyOrders() {
  const { orders } = useLoaderData<typeof loader>();
  const { lang, t } = useI18n();
  return (
    <article>
      <h1>{t('myOrders')}</h1>
      {orders.length === 0 ? (
        <p>
          {t('orNoOrdersYet')} <Link to="/san-pham">{t('orBrowseProducts')}</Link>
        </p>
      ) : (
        <ul className="order-list">
          {orders.map((order) => (
            <li key={order.code}>
              <Link to={`/don-hang/${order.code}`}>
                <strong>{order.code}</strong>
              </Link>{' '}
              — {order.organization_name} — {formatVnd(order.total_vnd)}
              <span className="muted"> · {formatDateTime(order.created_at)} · </span>
              <span data-state={order.state}>
                {orderStateName(order.state, order.payment_method)[lang]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
