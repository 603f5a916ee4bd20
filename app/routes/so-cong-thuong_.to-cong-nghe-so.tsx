import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { TableWrap } from '~/components/TableWrap';
import { langFromRequest, pick, useI18n } from '~/i18n';
import { formatMessage } from '~/i18n/messages';
import { communityHelperMessages as m } from '~/i18n/messages/community-helpers';
import { formatCalendarDate } from '~/lib/dates';
import { orErrorPage } from '~/lib/forms.server';
import { communityHelpersPage, officerProvince } from '~/tradeoffice/index.server';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
];

/** Which community digital technology teams helped which cooperatives of the officer's province. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const page = await orErrorPage(lang, () => {
    const provinceCode = officerProvince(actor, new URL(request.url).searchParams.get('tinh'));
    return communityHelpersPage(context.services.db, actor, provinceCode);
  });
  return data(
    { ...page, title: pick(lang, m.pageTitle) },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export default function CommunityHelpers() {
  const { province, rows, helpers, cooperatives } = useLoaderData<typeof loader>();
  const { lang, t } = useI18n();
  const say = (message: (typeof m)[keyof typeof m], params: Record<string, string | number>) =>
    pick(lang, formatMessage(message, params));
  return (
    <div className="workspace">
      <p>
        <Link to={`/so-cong-thuong?tinh=${province.code}`}>← {t('tradeOffice')}</Link>
      </p>
      <h1>{say(m.heading, { province: province.name })}</h1>
      {rows.length === 0 ? (
        <p className="empty">{pick(lang, m.empty)}</p>
      ) : (
        <>
          <p>{say(m.summary, { helpers, cooperatives })}</p>
          <TableWrap labelledBy="helpers-h">
            <table className="data">
              <caption id="helpers-h">{pick(lang, m.pageTitle)}</caption>
              <thead>
                <tr>
                  <th scope="col">{pick(lang, m.colHelper)}</th>
                  <th scope="col">{pick(lang, m.colCooperative)}</th>
                  <th scope="col">{pick(lang, m.colCreated)}</th>
                  <th scope="col">{pick(lang, m.colEdited)}</th>
                  <th scope="col">{pick(lang, m.colPeriod)}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.helperUserId}:${r.organizationId}`}>
                    <td>{r.helperName}</td>
                    <td>{r.organizationName}</td>
                    <td>{r.created}</td>
                    <td>{r.edited}</td>
                    <td>
                      {formatCalendarDate(r.firstAt.slice(0, 10))} –{' '}
                      {formatCalendarDate(r.lastAt.slice(0, 10))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
