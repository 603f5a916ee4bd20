import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { FormMessage, formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import {
  FULFILMENT_VIEW_IDS,
  freeDeliverySchema,
  orderStateName,
  paymentMethodName,
  type OrderState,
  type PaymentMethod,
} from '~/orders';
import { setFreeDeliveryThreshold } from '~/catalogue/index.server';
import { loadIncomingOrdersPage } from '~/orders/index.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('fuTitleIncoming') },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const url = new URL(request.url);
  const page = await orErrorPage(langFromRequest(request), () =>
    loadIncomingOrdersPage(context.services.db, actor, {
      organization: url.searchParams.get('to-chuc'),
      view: url.searchParams.get('xem'),
    }),
  );
  return data(page, { headers: { 'Cache-Control': 'private, no-store' } });
}

/** Owners set the cooperative's free-delivery threshold (empty removes it). */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const submission = parseSubmission(freeDeliverySchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    const { organizationId, freeDeliveryFrom } = submission.value;
    await setFreeDeliveryThreshold(context.services.db, actor, organizationId, freeDeliveryFrom);
    return { done: true };
  });
}

export default function IncomingOrders() {
  const { organizations, organizationId, view, listing, isOwner, freeDeliveryFromVnd } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { formError, fieldError } = formFeedback(result);
  const problem = fieldError('freeDeliveryFrom') ?? formError?.message;
  const { lang, t } = useI18n();
  return (
    <div className="workspace">
      <h1>{t('fuIncomingHeading')}</h1>
      {organizations.length === 0 ? (
        <p className="notice">
          {t('fuNoCooperative')} <Link to="/kenh-nguoi-ban">{t('fuBackToWorkspace')}</Link>
        </p>
      ) : null}
      {organizations.length > 1 ? (
        <form method="get" className="inline-form">
          <label htmlFor="org">{t('fuOrganization')}</label>
          <select id="org" name="to-chuc" defaultValue={organizationId ?? undefined}>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <input type="hidden" name="xem" value={view} />
          <button type="submit">{t('fuShow')}</button>
        </form>
      ) : null}
      {listing && organizationId !== null ? (
        <>
          <nav aria-label={t('fuFilterOrders')} className="tabs">
            {FULFILMENT_VIEW_IDS.map((v) => (
              <Link
                key={v}
                to={`?to-chuc=${organizationId}&xem=${v}`}
                aria-current={v === view ? 'page' : undefined}
              >
                {t('fuViewCount', { view: t(`fuView_${v}`), n: listing.viewCounts[v] })}
              </Link>
            ))}
            <Link to={`/kenh-nguoi-ban/so-du?to-chuc=${organizationId}`}>{t('fuBalance')}</Link>
          </nav>
          {listing.orders.length === 0 ? (
            <p>{t('fuNoOrdersHere')}</p>
          ) : (
            <ul className="order-list incoming-orders">
              {listing.orders.map((o) => (
                <li key={o.id}>
                  <Link to={`/kenh-nguoi-ban/don-hang/${o.code}`}>
                    <code>{o.code}</code>
                  </Link>{' '}
                  <strong data-state={o.state}>
                    {orderStateName(o.state as OrderState, o.payment_method as PaymentMethod)[lang]}
                  </strong>
                  <br />
                  <span className="muted">
                    {formatDateTime(o.created_at)} · {o.contact_name}, {o.province_name} · {o.units}{' '}
                    {t('fuUnits')} · {paymentMethodName(o.payment_method)[lang]}
                  </span>{' '}
                  <span className="line-total">{formatVnd(o.total_vnd)}</span>
                </li>
              ))}
            </ul>
          )}
          {isOwner ? (
            <Form method="post" className="stacked-form" aria-labelledby="free-delivery">
              <h2 id="free-delivery">{t('fuFreeDelivery')}</h2>
              {result && 'done' in result ? (
                <p role="status" className="notice">
                  {t('fuSaved')}
                </p>
              ) : null}
              <FormMessage error={problem ? { field: null, message: problem } : null} />
              <input type="hidden" name="organizationId" value={organizationId} />
              <label htmlFor="freeDeliveryFrom">{t('fuFreeDeliveryFrom')}</label>
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
                {t('fuSave')}
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
