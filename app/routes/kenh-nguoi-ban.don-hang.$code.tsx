import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { formatPhoneForDisplay } from '~/accounts';
import { requireActor } from '~/accounts/index.server';
import { FormMessage, formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { OrderTimeline } from '~/components/OrderTimeline';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import {
  CARRIERS,
  cooperativeOrderSchema,
  isCooperativeEvent,
  orderStateName,
  paymentMethodName,
} from '~/orders';
import { fulfilOrder, getIncomingOrder } from '~/orders/index.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('fuTitleOrder') },
  { name: 'robots', content: 'noindex' },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const detail = await orErrorPage(langFromRequest(request), () =>
    getIncomingOrder(context.services.db, actor, String(params.code).toUpperCase()),
  );
  return data(detail, { headers: { 'Cache-Control': 'private, no-store' } });
}

/** `intent` is the cooperative's step: accept, ship (carrier, tracking number, lots), deliver, cancel. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const submission = parseSubmission(cooperativeOrderSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    const { intent, ...input } = submission.value;
    await fulfilOrder(
      context.services.db,
      actor,
      String(params.code).toUpperCase(),
      intent,
      input,
      {
        commissionPercent: context.services.config.payments.commissionPercent,
      },
    );
    return { done: intent };
  });
}

export default function IncomingOrder() {
  const { order, items, history, actions, lots, lotLinks } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { formError, fieldError } = formFeedback(result);
  const problem =
    fieldError('intent') ??
    fieldError('reason') ??
    fieldError('carrier') ??
    fieldError('trackingNumber') ??
    fieldError('lots') ??
    formError?.message;
  const done = result && 'done' in result ? result.done : null;
  const busy = useNavigation().state === 'submitting';
  const { lang, t } = useI18n();
  const lotHref = (lot: string) =>
    lotLinks[lot] ? `/kenh-nguoi-ban/lo-hang/${lotLinks[lot]}` : null;
  return (
    <article className="order workspace">
      <p>
        <Link to={`/kenh-nguoi-ban/don-hang?to-chuc=${order.organization_id}`}>
          ← {t('fuIncomingHeading')}
        </Link>
      </p>
      <h1>
        {t('fuOrderHeading')} <code>{order.code}</code>
      </h1>
      <p className="order-state" data-testid="order-state" data-state={order.state}>
        {orderStateName(order.state, order.payment_method)[lang]}
      </p>
      {done && isCooperativeEvent(done) ? (
        <p role="status" className="notice">
          {t(`fuDone_${done}`)}
        </p>
      ) : null}
      <FormMessage error={problem ? { field: null, message: problem } : null} />
      <dl className="totals">
        <dt>{t('fuPlacedAt')}</dt>
        <dd>{formatDateTime(order.created_at)}</dd>
        <dt>{t('fuPayment')}</dt>
        <dd>{paymentMethodName(order.payment_method)[lang]}</dd>
        <dt>{t('fuRecipient')}</dt>
        <dd>
          {order.contact_name} · {formatPhoneForDisplay(order.contact_phone)}
        </dd>
        <dt>{t('fuAddress')}</dt>
        <dd>
          {order.street}, {order.commune_name}, {order.province_name}
        </dd>
      </dl>
      {order.note ? (
        <p>
          <strong>{t('fuBuyerNote')}:</strong> {order.note}
        </p>
      ) : null}
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
          {order.payment_method === 'cod' ? (
            <tr>
              <td colSpan={2}>{t('fuCollectOnDelivery')}</td>
              <td>{formatVnd(order.total_vnd)}</td>
            </tr>
          ) : null}
        </tfoot>
      </table>
      <p>
        <Link to={`/kenh-nguoi-ban/don-hang/${order.code}/phieu-dong-goi`}>
          {t('fuPrintPackingSlip')}
        </Link>
      </p>

      {actions.includes('accept') ? (
        <Form method="post">
          <button type="submit" name="intent" value="accept" disabled={busy}>
            {t('fuAccept')}
          </button>
        </Form>
      ) : null}
      {actions.includes('ship') ? (
        <Form method="post" className="stacked-form" aria-labelledby="ship-title">
          <h2 id="ship-title">{t('fuShipHeading')}</h2>
          <label htmlFor="carrier">{t('fuCarrier')}</label>
          <input
            id="carrier"
            name="carrier"
            list="carriers"
            required
            maxLength={200}
            autoComplete="off"
          />
          <datalist id="carriers">
            {[...CARRIERS, t('fuCarrierSelf')].map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <label htmlFor="trackingNumber">{t('fuTrackingNumber')}</label>
          <input
            id="trackingNumber"
            name="trackingNumber"
            required
            maxLength={200}
            autoComplete="off"
          />
          {lots.length ? (
            <fieldset>
              <legend>{t('fuLotsShipped')}</legend>
              {lots.map((l) => (
                <label key={l.id} className="choice">
                  <input type="checkbox" name="lots" value={l.lotCode} /> {l.lotCode}
                </label>
              ))}
            </fieldset>
          ) : null}
          <label htmlFor="lots-typed">{t('fuOtherLots')}</label>
          <input id="lots-typed" name="lots" maxLength={500} autoComplete="off" />
          <button type="submit" name="intent" value="ship" disabled={busy}>
            {t('fuMarkShipped')}
          </button>
        </Form>
      ) : null}
      {actions.includes('deliver') ? (
        <Form method="post">
          <button type="submit" name="intent" value="deliver" disabled={busy}>
            {t('fuMarkDelivered')}
          </button>
        </Form>
      ) : null}
      {actions.includes('cooperative_cancel') ? (
        <Form method="post" className="stacked-form">
          <label htmlFor="cancel-reason">{t('fuCancelReason')}</label>
          <input id="cancel-reason" name="reason" required maxLength={200} />
          <button
            type="submit"
            name="intent"
            value="cooperative_cancel"
            className="button--secondary"
            disabled={busy}
          >
            {t('fuCancelOrder')}
          </button>
        </Form>
      ) : null}

      <h2>{t('orTimeline')}</h2>
      <OrderTimeline history={history} lotLink={lotHref} paymentMethod={order.payment_method} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
