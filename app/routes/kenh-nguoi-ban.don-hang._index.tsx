import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { isOrgOwner } from '~/accounts';
import { FormMessage } from '~/components/Field';
import { requireActor } from '~/accounts/index.server';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromRequest, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { orErrorPage, text, withUserErrors } from '~/lib/forms.server';
import { formatVnd, parseVnd } from '~/lib/money';
import {
  isFulfilmentView,
  type FulfilmentView,
  orderStateName,
  paymentMethodName,
  type OrderState,
} from '~/orders';
import {
  freeDeliveryThreshold,
  listIncomingOrders,
  memberOrganizations,
  setFreeDeliveryThreshold,
} from '~/orders/index.server';

export const meta: MetaFunction = () => [{ title: 'Đơn hàng đến — Kênh người bán' }];

const VIEW_NAMES: Record<FulfilmentView, { vi: string; en: string }> = {
  todo: { vi: 'Cần xử lý', en: 'To do' },
  unpaid: { vi: 'Chờ thanh toán', en: 'Awaiting payment' },
  shipped: { vi: 'Đang giao', en: 'Shipped' },
  done: { vi: 'Đã xong', en: 'Done' },
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const url = new URL(request.url);
  const organizations = await memberOrganizations(context.services.db, actor);
  const requested = Number(url.searchParams.get('to-chuc'));
  const organizationId = organizations.some((o) => o.id === requested)
    ? requested
    : (organizations[0]?.id ?? null);
  const viewParam = url.searchParams.get('xem') ?? 'todo';
  const view: FulfilmentView = isFulfilmentView(viewParam) ? viewParam : 'todo';
  const listing =
    organizationId === null
      ? null
      : await orErrorPage(langFromRequest(request), () =>
          listIncomingOrders(context.services.db, actor, organizationId, view),
        );
  const isOwner = organizationId !== null && isOrgOwner(actor, organizationId);
  const freeDeliveryFromVnd =
    organizationId === null
      ? null
      : await freeDeliveryThreshold(context.services.db, organizationId);
  return data(
    { organizations, organizationId, view, listing, isOwner, freeDeliveryFromVnd },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

/** Owners set the cooperative's free-delivery threshold (empty removes it). */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  return withUserErrors(langFromRequest(request), async () => {
    const form = await request.formData();
    const typed = text(form, 'freeDeliveryFrom');
    const amount = typed === '' ? null : (parseVnd(typed) ?? Number.NaN);
    await setFreeDeliveryThreshold(
      context.services.db,
      actor,
      Number(text(form, 'organizationId')),
      amount,
    );
    return { done: true };
  });
}

export default function IncomingOrders() {
  const { organizations, organizationId, view, listing, isOwner, freeDeliveryFromVnd } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
  const { lang } = useI18n();
  const vi = lang === 'vi';
  return (
    <div className="workspace">
      <h1>{vi ? 'Đơn hàng đến' : 'Incoming orders'}</h1>
      {organizations.length === 0 ? (
        <p className="notice">
          {vi ? 'Bạn chưa thuộc hợp tác xã nào.' : 'You are not a member of any cooperative.'}{' '}
          <Link to="/kenh-nguoi-ban">{vi ? 'Về kênh người bán' : 'Back to the workspace'}</Link>
        </p>
      ) : null}
      {organizations.length > 1 ? (
        <form method="get" className="inline-form">
          <label htmlFor="org">{vi ? 'Tổ chức' : 'Organization'}</label>
          <select id="org" name="to-chuc" defaultValue={organizationId ?? undefined}>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <input type="hidden" name="xem" value={view} />
          <button type="submit">{vi ? 'Xem' : 'Show'}</button>
        </form>
      ) : null}
      {listing && organizationId !== null ? (
        <>
          <nav aria-label={vi ? 'Lọc đơn' : 'Filter orders'} className="tabs">
            {(Object.keys(VIEW_NAMES) as FulfilmentView[]).map((v) => (
              <Link
                key={v}
                to={`?to-chuc=${organizationId}&xem=${v}`}
                aria-current={v === view ? 'page' : undefined}
              >
                {`${VIEW_NAMES[v][lang]} (${listing.viewCounts[v]})`}
              </Link>
            ))}
            <Link to={`/kenh-nguoi-ban/so-du?to-chuc=${organizationId}`}>
              {vi ? 'Số dư' : 'Balance'}
            </Link>
          </nav>
          {listing.orders.length === 0 ? (
            <p>{vi ? 'Không có đơn nào ở đây.' : 'No orders here.'}</p>
          ) : (
            <ul className="order-list incoming-orders">
              {listing.orders.map((o) => (
                <li key={o.id}>
                  <Link to={`/kenh-nguoi-ban/don-hang/${o.code}`}>
                    <code>{o.code}</code>
                  </Link>{' '}
                  <strong data-state={o.state}>
                    {orderStateName(o.state as OrderState)[lang]}
                  </strong>
                  <br />
                  <span className="muted">
                    {formatDateTime(o.created_at)} · {o.contact_name}, {o.province_name} · {o.units}{' '}
                    {vi ? 'món' : 'units'} · {paymentMethodName(o.payment_method)[lang]}
                  </span>{' '}
                  <span className="line-total">{formatVnd(o.total_vnd)}</span>
                </li>
              ))}
            </ul>
          )}
          {isOwner ? (
            <Form method="post" className="stacked-form" aria-labelledby="free-delivery">
              <h2 id="free-delivery">{vi ? 'Miễn phí giao hàng' : 'Free delivery'}</h2>
              {result && 'done' in result ? (
                <p role="status" className="notice">
                  {vi ? 'Đã lưu.' : 'Saved.'}
                </p>
              ) : null}
              <FormMessage error={error ? { ...error, field: null } : null} />
              <input type="hidden" name="organizationId" value={organizationId} />
              <label htmlFor="freeDeliveryFrom">
                {vi
                  ? 'Miễn phí giao hàng cho phần đơn từ (đồng; để trống nếu không)'
                  : 'Free delivery for parts of an order from (đồng; empty for none)'}
              </label>
              <input
                id="freeDeliveryFrom"
                name="freeDeliveryFrom"
                inputMode="numeric"
                defaultValue={
                  freeDeliveryFromVnd ? freeDeliveryFromVnd.toLocaleString('vi-VN') : ''
                }
                maxLength={15}
              />
              <button type="submit" className="button--secondary">
                {vi ? 'Lưu' : 'Save'}
              </button>
            </Form>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
