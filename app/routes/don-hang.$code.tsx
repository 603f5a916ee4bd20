import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { formatPhoneForDisplay } from '~/accounts';
import { FormMessage, formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { OrderTimeline } from '~/components/OrderTimeline';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import { buyerOrderSchema, orderStateName } from '~/orders';
import { actOnOrderAsBuyer, getOrderPage, orderPartiesFor } from '~/orders/index.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('orTitleOrder') },
  { name: 'robots', content: 'noindex' },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const code = String(params.code).toUpperCase();
  const page = await orErrorPage(langFromRequest(request), async () =>
    getOrderPage(context.services.db, await orderPartiesFor(request, context, code), code),
  );
  return data(page, { headers: { 'Cache-Control': 'private, no-store' } });
}

/** The buyer cancels (`intent=cancel`, with an optional reason) or confirms receipt (`confirm`). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const code = String(params.code).toUpperCase();
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const parties = await orderPartiesFor(request, context, code);
    const submission = parseSubmission(buyerOrderSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    const { intent, reason } = submission.value;
    await actOnOrderAsBuyer(context.services.db, parties, code, intent, reason);
    return { done: intent };
  });
}

export default function OrderPage() {
  const { order, items, history, canCancel, canConfirm, lotLinks, buyerView } =
    useLoaderData<typeof loader>();
  const { formError, fieldError } = formFeedback(useActionData<typeof action>());
  const { lang, t } = useI18n();
  const problem = fieldError('intent') ?? fieldError('reason') ?? formError?.message;
  return (
    <article className="order">
      <h1>
        {t('orOrderHeading')} <code>{order.code}</code>
      </h1>
      <p className="order-state" data-testid="order-state" data-state={order.state}>
        {orderStateName(order.state, order.payment_method)[lang]}
      </p>
      <FormMessage error={problem ? { field: null, message: problem } : null} />
      <p>
        {t('orSeller')}:{' '}
        <Link to={`/hop-tac-xa/${order.organization_slug}`}>{order.organization_name}</Link> ·{' '}
        {formatPhoneForDisplay(order.organization_phone)}
      </p>
      <p>
        {t('orPlacedAt')} {formatDateTime(order.created_at)} · {t('orDeliverTo')}:{' '}
        {order.contact_name}, {order.street}, {order.commune_name}, {order.province_name}
      </p>
      <table className="order-items">
        <thead>
          <tr>
            <th>{t('orProduct')}</th>
            <th>{t('orQty')}</th>
            <th>{t('orAmount')}</th>
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
            <td colSpan={2}>{t('orDelivery')}</td>
            <td>{formatVnd(order.delivery_vnd)}</td>
          </tr>
          <tr>
            <td colSpan={2}>
              <strong>{t('orTotal')}</strong>
            </td>
            <td>
              <strong>{formatVnd(order.total_vnd)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
      <h2>{t('orTimeline')}</h2>
      <OrderTimeline
        paymentMethod={order.payment_method}
        history={history}
        lotLink={(lot) => (lotLinks[lot] ? `/lo-hang/${lotLinks[lot]}` : null)}
      />
      {canConfirm && (
        <Form method="post">
          <button type="submit" name="intent" value="confirm">
            {t('orIReceivedIt')}
          </button>
        </Form>
      )}
      {buyerView && (order.state === 'delivered' || order.state === 'completed') ? (
        <p>
          <Link className="button" to={`/don-hang/${order.code}/danh-gia`}>
            {t('rvWriteLink')}
          </Link>
        </p>
      ) : null}
      {canCancel && (
        <Form method="post" className="stacked-form">
          <label htmlFor="cancel-reason">{t('orCancelReasonOptional')}</label>
          <input id="cancel-reason" name="reason" maxLength={300} />
          <button type="submit" name="intent" value="cancel" className="button--secondary">
            {t('orCancelThisOrder')}
          </button>
        </Form>
      )}
      <p>
        <Link to={`/dat-hang/${order.reference}`}>{t('orSeeCheckoutPayment')}</Link>
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
