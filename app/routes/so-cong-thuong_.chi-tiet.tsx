import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromRequest, translator, useI18n, type Translate } from '~/i18n';
import { groupName, isOcopGroup } from '~/catalogue';
import { STAMP_WINDOW_DAYS, type DrillQuery } from '~/tradeoffice';
import { orErrorPage } from '~/lib/forms.server';
import { drillPage } from '~/tradeoffice/index.server';
import { TableWrap } from '~/components/TableWrap';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
];

/** The rows behind one figure of the dashboard (`figure` plus its filters); the same rows as CSV at `/so-cong-thuong/chi-tiet/csv`. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const params = new URL(request.url).searchParams;
  const page = await orErrorPage(lang, () => drillPage(context.services.db, actor, params));
  const title = translator(lang)('toDrillPageTitle');
  return data({ ...page, title }, { headers: { 'Cache-Control': 'private, no-store' } });
}

export default function DrillDown() {
  const { province, query, communeName, producer, columns, rows, links, total, csvQuery } =
    useLoaderData<typeof loader>();
  const { lang, t } = useI18n();
  const title = drillTitle(t, lang, query, communeName, producer);
  const cell = (column: { ocopGroups?: true }, value: string | number | null | undefined) =>
    column.ocopGroups && typeof value === 'string' && isOcopGroup(value)
      ? groupName(lang, value)
      : value;
  return (
    <div className="workspace">
      <p>
        <Link to={`/so-cong-thuong?tinh=${province.code}`}>
          ← {t('toDashboardHeading', { province: province.name })}
        </Link>
      </p>
      <h1 id="drill-h">{title}</h1>
      <p className="drill-count">
        <strong>{total}</strong> {t(total === 1 ? 'toRowOne' : 'toRowMany')}
        {total > rows.length ? t('toFirstRowsShown', { n: rows.length }) : ''}
      </p>
      <p>
        <a href={`/so-cong-thuong/chi-tiet/csv?${csvQuery}`}>{t('toDrillCsv')}</a>
      </p>
      <TableWrap labelledBy="drill-h">
        <table className="data">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.label[lang]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {columns.map((c, j) => (
                  <td key={c.key}>
                    {j === 0 && links[i] ? (
                      <Link to={links[i]}>{cell(c, row[c.key])}</Link>
                    ) : (
                      cell(c, row[c.key])
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}

const FIGURE_TITLES = {
  valid: 'toDrillValid',
  online: 'toDrillOnline',
  todo: 'toDrillTodo',
  month: 'toDrillMonth',
  'month-online': 'toDrillMonthOnline',
  expiring: 'toDrillExpiring',
  'expired-listed': 'toDrillExpiredListed',
  'not-in-register': 'toDrillNotInRegister',
  'queue-organizations': 'toDrillQueueOrganizations',
  'queue-listings': 'toDrillQueueListings',
  'queue-claims': 'toDrillQueueClaims',
  sales: 'toDrillSales',
  'stamps-issued': 'toDrillStampsIssued',
  'stamps-scanned': 'toDrillStampsScanned',
  'stamps-copied': 'toDrillStampsCopied',
  'stamp-reports': 'toDrillStampReports',
} as const;
const METHOD_NAMES = {
  vietqr: 'toMethodVietqr',
  card: 'toMethodCard',
  vnpay: 'toMethodVnpay',
  momo: 'toMethodMomo',
  zalopay: 'toMethodZalopay',
  cod: 'toMethodCod',
  cashless: 'toMethodCashless',
} as const;

/** "Sản phẩm trong sổ chưa bán trực tuyến — 4 sao, nhóm Đồ uống": the figure, then its filters. */
function drillTitle(
  t: Translate,
  lang: 'vi' | 'en',
  query: DrillQuery,
  communeName: string | null,
  producer: string | null,
): string {
  const base = t(FIGURE_TITLES[query.figure], {
    month: query.month ?? '',
    days: STAMP_WINDOW_DAYS,
  });
  const filters = [
    query.stars !== undefined ? t('toFilterStars', { stars: query.stars }) : null,
    query.group !== undefined && isOcopGroup(query.group)
      ? t('toFilterGroup', { group: groupName(lang, query.group) })
      : null,
    query.commune !== undefined
      ? query.commune === ''
        ? t('toFilterNoCommune')
        : t('toFilterCommune', { commune: communeName ?? query.commune })
      : null,
    producer ? t('toFilterProducer', { producer }) : null,
    query.month !== undefined && query.figure === 'sales'
      ? t('toFilterMonth', { month: query.month })
      : null,
    query.method !== undefined
      ? t('toFilterMethod', { method: t(METHOD_NAMES[query.method]) })
      : null,
  ].filter(Boolean);
  return filters.length ? `${base} — ${filters.join(', ')}` : base;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
