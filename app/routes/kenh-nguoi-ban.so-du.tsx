import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { orErrorPage } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import { loadBalancePage } from '~/orders/index.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('fuTitleBalance') },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const requested = new URL(request.url).searchParams.get('to-chuc');
  const page = await orErrorPage(langFromRequest(request), () =>
    loadBalancePage(context.services.db, actor, requested),
  );
  return data(
    { ...page, commissionPercent: context.services.config.payments.commissionPercent },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export default function Balance() {
  const { organizations, ledger, commissionPercent } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="workspace">
      <h1>{t('fuBalanceHeading')}</h1>
      {organizations.length > 1 ? (
        <form method="get" className="inline-form">
          <label htmlFor="org">{t('fuOrganization')}</label>
          <select id="org" name="to-chuc" defaultValue={ledger?.organization.id}>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <button type="submit">{t('fuShow')}</button>
        </form>
      ) : null}
      {!ledger ? (
        <p className="notice">{t('fuNoCooperative')}</p>
      ) : (
        <>
          <h2>{ledger.organization.name}</h2>
          <dl className="totals" data-testid="ledger-totals">
            <dt>{t('fuEarned')}</dt>
            <dd>{formatVnd(ledger.totals.earnedVnd)}</dd>
            <dt>{t('fuReversed')}</dt>
            <dd>−{formatVnd(ledger.totals.reversedVnd)}</dd>
            <dt>{t('fuPaidOut')}</dt>
            <dd>−{formatVnd(ledger.totals.paidOutVnd)}</dd>
            <dt>
              <strong>{t('fuOwed')}</strong>
            </dt>
            <dd>
              <strong data-testid="balance">{formatVnd(ledger.totals.balanceVnd)}</strong>
            </dd>
          </dl>
          <p className="muted">
            {t('fuBalanceExplained', {
              percent: commissionPercent,
              commission: formatVnd(ledger.totals.commissionVnd),
            })}
          </p>
          <p>
            <Link to={`/kenh-nguoi-ban/don-hang?to-chuc=${ledger.organization.id}`}>
              {t('fuIncomingHeading')}
            </Link>
          </p>
          {ledger.entries.length === 0 ? (
            <p>{t('fuNoEntries')}</p>
          ) : (
            <table className="order-items">
              <caption>{t('fuLatestEntries')}</caption>
              <thead>
                <tr>
                  <th>{t('fuDate')}</th>
                  <th>{t('fuKind')}</th>
                  <th>{t('fuOrderOrNote')}</th>
                  <th>{t('fuAmount')}</th>
                </tr>
              </thead>
              <tbody>
                {ledger.entries.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.created_at)}</td>
                    <td>{t(`fuLedger_${e.kind}`)}</td>
                    <td>
                      {e.order_code ? (
                        <Link to={`/kenh-nguoi-ban/don-hang/${e.order_code}`}>{e.order_code}</Link>
                      ) : (
                        e.note
                      )}
                    </td>
                    <td className="line-total">
                      {e.amount_vnd < 0 ? '−' : ''}
                      {formatVnd(Math.abs(e.amount_vnd))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
