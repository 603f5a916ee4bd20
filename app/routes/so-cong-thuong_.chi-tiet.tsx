import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromRequest, useI18n, type Translate } from '~/i18n';
import { groupName, isOcopGroup } from '~/catalogue';
import { STAMP_WINDOW_DAYS } from '~/tradeoffice';
import { orErrorPage } from '~/lib/forms.server';
import { drillForRequest, type DrillQuery } from '~/tradeoffice/index.server';

export const meta: MetaFunction = () => [
  { title: 'Chi tiết số liệu — Sở Công Thương — Chợ Phiên' },
];

/** At most this many rows on the page; the CSV always has them all. */
const PAGE_ROWS = 1000;

/** The rows behind one figure of the dashboard (`figure` plus its filters); the same rows as CSV at `/so-cong-thuong/chi-tiet/csv`. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const url = new URL(request.url);
  const { db } = context.services;
  return orErrorPage(langFromRequest(request), async () => {
    const { provinceCode, query, table } = await drillForRequest(db, actor, url);
    const province = await db
      .selectFrom('provinces')
      .select(['code', 'name'])
      .where('code', '=', provinceCode)
      .executeTakeFirstOrThrow();
    const commune = query.commune
      ? await db
          .selectFrom('communes')
          .select('full_name')
          .where('code', '=', query.commune)
          .executeTakeFirst()
      : undefined;
    const csvParams = new URLSearchParams(url.searchParams);
    csvParams.set('tinh', provinceCode);
    return data(
      {
        province,
        query,
        communeName: commune?.full_name ?? query.commune ?? null,
        producer: url.searchParams.get('producer'),
        columns: table.columns,
        rows: table.rows.slice(0, PAGE_ROWS),
        links: table.links.slice(0, PAGE_ROWS),
        total: table.rows.length,
        csvHref: `/so-cong-thuong/chi-tiet/csv?${csvParams}`,
      },
      { headers: { 'Cache-Control': 'private, no-store' } },
    );
  });
}

export default function DrillDown() {
  const { province, query, communeName, producer, columns, rows, links, total, csvHref } =
    useLoaderData<typeof loader>();
  const { lang, t } = useI18n();
  const vi = lang === 'vi';
  const title = drillTitle(t, lang, query as DrillQuery, communeName, producer);
  return (
    <div className="workspace">
      <p>
        <Link to={`/so-cong-thuong?tinh=${province.code}`}>
          ← {vi ? `Sở Công Thương ${province.name}` : `${province.name} trade office`}
        </Link>
      </p>
      <h1>{title}</h1>
      <p className="drill-count">
        <strong>{total}</strong> {vi ? 'dòng' : total === 1 ? 'row' : 'rows'}
        {total > rows.length
          ? vi
            ? ` (trang này hiện ${rows.length} dòng đầu; tệp CSV có đủ)`
            : ` (first ${rows.length} shown; the CSV has them all)`
          : ''}
      </p>
      <p>
        <a href={csvHref}>{vi ? 'Tải CSV các dòng này' : 'Download these rows as CSV'}</a>
      </p>
      <div className="table-wrap">
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
                    {j === 0 && links[i] ? <Link to={links[i]!}>{row[c.key]}</Link> : row[c.key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
