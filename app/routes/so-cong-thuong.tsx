import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireOfficer } from '~/accounts';
import { requireActor } from '~/accounts/index.server';
import { BarChart } from '~/components/charts/BarChart';
import { LineChart } from '~/components/charts/LineChart';
import { FormMessage } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { fileBuffer, readForm, reviewQueue } from '~/catalogue/index.server';
import { isOcopGroup, groupName } from '~/catalogue';
import { langFromRequest, useI18n } from '~/i18n';
import { formatCalendarDate } from '~/lib/dates';
import { invalid } from '~/lib/errors';
import { orErrorPage, text, withUserErrors } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import {
  provinceKpi,
  provinceSales,
  provinceStamps,
  confirmMatch,
  importRegister,
  suggestMatches,
} from '~/tradeoffice/index.server';
import { REGISTER_COLUMNS } from '~/tradeoffice';

export const meta: MetaFunction = () => [{ title: 'Sở Công Thương — Chợ Phiên' }];

function provinceOf(request: Request, actor: { isAdmin: boolean; officerProvinceCodes: string[] }) {
  return (
    new URL(request.url).searchParams.get('tinh') ??
    actor.officerProvinceCodes[0] ??
    (actor.isAdmin ? '12' : '')
  );
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const { db } = context.services;
  return orErrorPage(langFromRequest(request), async () => {
    requireOfficer(actor);
    const provinceCode = provinceOf(request, actor);
    const [dashboard, suggestions, province, queue, sales, stamps] = await Promise.all([
      provinceKpi(db, actor, provinceCode),
      suggestMatches(db, actor, provinceCode),
      db
        .selectFrom('provinces')
        .select(['code', 'name'])
        .where('code', '=', provinceCode)
        .executeTakeFirstOrThrow(),
      reviewQueue(db, actor, provinceCode),
      provinceSales(db, actor, provinceCode),
      provinceStamps(db, actor, provinceCode),
    ]);
    const oldest = (dates: Array<string | null>) => {
      const first = dates.filter((d): d is string => d !== null).sort()[0];
      return first ? Math.max(0, Math.floor((Date.now() - Date.parse(first)) / 86_400_000)) : null;
    };
    const waiting = {
      organizations: {
        count: queue.organizations.length,
        oldestDays: oldest(queue.organizations.map((o) => o.created_at)),
      },
      listings: {
        count: queue.listings.length,
        oldestDays: oldest(queue.listings.map((l) => l.submitted_at)),
      },
      claims: {
        count: queue.claims.length,
        oldestDays: oldest(queue.claims.map((c) => c.updated_at)),
      },
    };
    return data(
      { province, ...dashboard, suggestions, waiting, sales, stamps },
      { headers: { 'Cache-Control': 'private, no-store' } },
    );
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const form = await readForm(request);
    const provinceCode = provinceOf(request, actor);
    switch (text(form, 'intent')) {
      case 'import': {
        const file = await fileBuffer(form, 'file');
        if (!file)
          throw invalid('file', {
            vi: 'Hãy chọn tệp CSV của sổ OCOP.',
            en: 'Choose the register CSV file.',
          });
        const result = await importRegister(
          context.services.db,
          actor,
          provinceCode,
          file.toString('utf8'),
        );
        if (!result.ok)
          return {
            registerErrors: result.errors.map((e) => ({ line: e.line, message: e.message[lang] })),
          };
        return { imported: { created: result.created ?? 0, updated: result.updated ?? 0 } };
      }
      case 'match':
        await confirmMatch(
          context.services.db,
          actor,
          Number(text(form, 'entryId')),
          Number(text(form, 'productId')) || null,
        );
        return { matched: true as const };
      default:
        throw invalid('intent', { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' });
    }
  });
}

export default function TradeOfficeDashboard() {
  const { province, kpi, communeNames, suggestions, registerSize, waiting, sales, stamps } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { lang, t } = useI18n();
  const vi = lang === 'vi';
  const label = (g: string) => (isOcopGroup(g) ? groupName(lang, g) : g);
  const exportLink = (table: string) => `/so-cong-thuong/xuat?tinh=${province.code}&bang=${table}`;
  /** The drill-down page of one figure: the rows that were counted to make it. */
  const drill = (figure: string, params: Record<string, string | number> = {}) =>
    `/so-cong-thuong/chi-tiet?${new URLSearchParams({ tinh: province.code, figure, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) })}`;
  const methodName = (m: string) =>
    t(m === 'vietqr' ? 'toMethodVietqr' : m === 'card' ? 'toMethodCard' : 'toMethodCod');
  const queueLine = (
    key: 'toQueueOrganizations' | 'toQueueListings' | 'toQueueClaims',
    figure: string,
    w: { count: number; oldestDays: number | null },
  ) => (
    <li>
      <a href={drill(figure)}>{t(key, { n: w.count })}</a>
      {w.oldestDays !== null ? ` (${t('toQueueOldest', { days: w.oldestDays })})` : ''}
    </li>
  );
  return (
    <div className="workspace">
      <h1>{vi ? `Sở Công Thương ${province.name}` : `${province.name} trade office`}</h1>
      <FormMessage error={result && 'error' in result ? result.error : null} />
      <section aria-labelledby="kpi-h">
        <h2 id="kpi-h">
          {vi
            ? 'Tỷ lệ sản phẩm OCOP bán trực tuyến (mục tiêu 100%)'
            : 'OCOP products sold online (target 100%)'}
        </h2>
        <p className="kpi-headline">{kpi.percent}%</p>
        <p>
          {vi
            ? `${kpi.online}/${kpi.total} sản phẩm OCOP còn hiệu lực trong sổ đang bán trên Chợ Phiên (sổ có ${registerSize} dòng).`
            : `${kpi.online} of ${kpi.total} valid register entries are on sale (register: ${registerSize} rows).`}
        </p>
        <p className="inline-form">
          <a href={drill('online')}>{vi ? `${kpi.online} đang bán` : `${kpi.online} online`}</a>
          <a href={drill('valid')}>{vi ? `${kpi.total} còn hiệu lực` : `${kpi.total} valid`}</a>
        </p>
        <BarChart
          title={vi ? 'Theo hạng sao (%)' : 'By stars (%)'}
          valueHeader="%"
          max={100}
          bars={kpi.byStars.map((b) => ({
            label: `${b.key} ★ (${b.online}/${b.total})`,
            value: b.percent,
            unit: '%',
            href: drill('valid', { stars: b.key }),
          }))}
        />
        <BarChart
          title={vi ? 'Theo nhóm sản phẩm (%)' : 'By product group (%)'}
          valueHeader="%"
          max={100}
          bars={kpi.byGroup.map((b) => ({
            label: `${label(b.key)} (${b.online}/${b.total})`,
            value: b.percent,
            unit: '%',
            href: drill('valid', { group: b.key }),
          }))}
        />
        <BarChart
          title={vi ? 'Theo xã, phường (%)' : 'By commune (%)'}
          valueHeader="%"
          max={100}
          bars={kpi.byCommune.map((b) => ({
            label: `${communeNames[b.key] ?? '—'} (${b.online}/${b.total})`,
            value: b.percent,
            unit: '%',
            href: drill('valid', { commune: b.key }),
          }))}
        />
        <LineChart
          title={vi ? 'Diễn biến theo tháng (%)' : 'Month by month (%)'}
          valueHeader="%"
          labelHeader={vi ? 'Tháng' : 'Month'}
          unit="%"
          max={100}
          target={100}
          targetLabel={vi ? 'Mục tiêu 100%' : 'Target 100%'}
          points={kpi.trend.map((p) => ({
            label: p.month,
            value: p.percent,
            href: drill('month', { month: p.month }),
          }))}
        />
        <p className="inline-form">
          <a href={exportLink('kpi')}>
            {vi ? 'Tải CSV các bảng KPI' : 'Download the KPI tables as CSV'}
          </a>
          <a href={exportLink('bao-cao-thang')}>
            {vi ? 'Tải báo cáo tháng (Excel)' : 'Download the monthly report (Excel)'}
          </a>
          <Link to={`/so-cong-thuong/bao-cao?tinh=${province.code}`}>
            {vi ? 'Báo cáo in được' : 'Printable report'}
          </Link>
        </p>
      </section>
      <section aria-labelledby="todo-h">
        <h2 id="todo-h">
          {vi
            ? `Việc cần làm: ${kpi.todo.length} sản phẩm trong sổ chưa bán trực tuyến`
            : `To do: ${kpi.todo.length} register entries not online`}
        </h2>
        <p>
          <a href={drill('todo')}>
            {t('toSeeRows')} ({kpi.todo.length})
          </a>
        </p>
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th>{vi ? 'Xã' : 'Commune'}</th>
                <th>{vi ? 'Chủ thể' : 'Producer'}</th>
                <th>{vi ? 'Sản phẩm' : 'Products'}</th>
                <th>{vi ? 'Số' : 'Count'}</th>
              </tr>
            </thead>
            <tbody>
              {kpi.todoGroups.map((g) => (
                <tr key={`${g.communeCode}-${g.producer}`}>
                  <td>{communeNames[g.communeCode ?? ''] ?? '—'}</td>
                  <td>{g.producer}</td>
                  <td>{g.entries.map((e) => `${e.productName} (${e.stars}★)`).join('; ')}</td>
                  <td>
                    <a href={drill('todo', { commune: g.communeCode ?? '', producer: g.producer })}>
                      {g.entries.length}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <a href={exportLink('todo')}>
            {vi ? 'Tải CSV danh sách việc cần làm' : 'Download the to-do list as CSV'}
          </a>
        </p>
      </section>
      <section aria-labelledby="cert-h">
        <h2 id="cert-h">{vi ? 'Giấy chứng nhận' : 'Certificates'}</h2>
        <p>
          <a href={drill('expiring')}>
            {vi
              ? `Hết hạn trong 90 ngày (${kpi.expiringSoon.length}):`
              : `Expiring within 90 days (${kpi.expiringSoon.length}):`}
          </a>{' '}
          {kpi.expiringSoon
            .map((e) => `${e.productName} (${formatCalendarDate(e.expiresOn)})`)
            .join('; ') || '—'}
        </p>
        <p>
          <a href={drill('expired-listed')}>
            {vi
              ? `Đã hết hạn nhưng vẫn đang bán (${kpi.expiredButListed.length}):`
              : `Expired but still on sale (${kpi.expiredButListed.length}):`}
          </a>{' '}
          {kpi.expiredButListed.map((e) => e.productName).join('; ') || '—'}
        </p>
        <p>
          <a href={drill('not-in-register')}>
            {vi
              ? `Đang bán, có nhận OCOP nhưng chưa có trong sổ (${kpi.listedNotInRegister.length}):`
              : `On sale with an OCOP claim but not in the register (${kpi.listedNotInRegister.length}):`}
          </a>{' '}
          {kpi.listedNotInRegister.map((l) => l.name).join('; ') || '—'}
        </p>
        <p>
          <a href={exportLink('chung-nhan')}>
            {vi ? 'Tải CSV các bảng giấy chứng nhận' : 'Download the certificate tables as CSV'}
          </a>
        </p>
      </section>
      <section aria-labelledby="queue-h">
        <h2 id="queue-h">{t('toQueueHeading')}</h2>
        <ul>
          {queueLine('toQueueOrganizations', 'queue-organizations', waiting.organizations)}
          {queueLine('toQueueListings', 'queue-listings', waiting.listings)}
          {queueLine('toQueueClaims', 'queue-claims', waiting.claims)}
        </ul>
      </section>
      <section aria-labelledby="sales-h">
        <h2 id="sales-h">{t('toSalesHeading')}</h2>
        <p>
          <a href={drill('sales')}>
            {t('toSalesSummary', { orders: sales.orders, value: formatVnd(sales.valueVnd) })}
          </a>
        </p>
        <BarChart
          title={t('toSalesByMonth')}
          valueHeader={t('toSalesValue')}
          labelHeader={t('toSalesMonth')}
          bars={sales.byMonth.map((m) => ({
            label: `${m.month} (${m.orders} ${vi ? 'đơn' : 'orders'})`,
            value: m.valueVnd,
            display: formatVnd(m.valueVnd),
            href: drill('sales', { month: m.month }),
          }))}
        />
        <BarChart
          title={t('toSalesByGroup')}
          valueHeader={t('toSalesValue')}
          bars={sales.byGroup.map((g) => ({
            label: `${label(g.group)} (${g.orders} ${vi ? 'đơn' : 'orders'})`,
            value: g.valueVnd,
            display: formatVnd(g.valueVnd),
            href: drill('sales', { group: g.group }),
          }))}
        />
        <BarChart
          title={t('toSalesPayments')}
          valueHeader="%"
          max={100}
          bars={sales.payments.methods.map((m) => ({
            label: `${methodName(m.method)} (${m.orders} ${vi ? 'đơn' : 'orders'}, ${formatVnd(m.valueVnd)})`,
            value: m.ordersPercent,
            unit: '%',
            href: drill('sales', { method: m.method }),
          }))}
        />
        <p>
          <a href={drill('sales', { method: 'cashless' })}>
            {t('toSalesCashless', {
              orders: sales.payments.cashlessOrdersPercent,
              value: sales.payments.cashlessValuePercent,
            })}
          </a>
        </p>
        <p className="muted footnote">{t('toSalesFootnote')}</p>
        <p>
          <a href={exportLink('ban-hang')}>{t('toSalesCsv')}</a>
        </p>
      </section>
      <section aria-labelledby="stamps-h">
        <h2 id="stamps-h">{t('toStampsHeading')}</h2>
        <ul>
          <li>
            <a href={drill('stamps-issued')}>
              {t('toStampsIssued', { n: stamps.issued, runs: stamps.issueRuns })}
            </a>
          </li>
          <li>
            <a href={drill('stamps-scanned')}>
              {t('toStampsScanned', { n: stamps.scans, days: stamps.windowDays })}
            </a>
          </li>
          <li>
            <a href={drill('stamps-copied')}>
              {t('toStampsCopied', { n: stamps.copied, days: stamps.windowDays })}
            </a>
          </li>
          <li>
            <a href={drill('stamp-reports')}>
              {t('toStampReports', { n: stamps.reports, days: stamps.windowDays })}
            </a>
          </li>
        </ul>
        <p className="muted footnote">{t('toStampsFootnote', { days: stamps.windowDays })}</p>
        <p>
          <a href={exportLink('tem')}>{t('toStampsCsv')}</a>
        </p>
      </section>
      <section aria-labelledby="match-h">
        <h2 id="match-h">{vi ? 'Ghép sổ OCOP với sản phẩm' : 'Match the register to listings'}</h2>
        {result && 'matched' in result ? (
          <p className="notice notice--ok" role="status">
            {vi ? 'Đã ghép.' : 'Matched.'}
          </p>
        ) : null}
        <ul className="review-list">
          {suggestions
            .filter((s) => s.candidates.length)
            .map((s) => (
              <li key={s.entry.id}>
                <strong>{s.entry.product_name}</strong>{' '}
                <span className="muted">
                  {s.entry.producer} · {s.entry.certificate_no}
                </span>
                {s.candidates.map((c) => (
                  <Form method="post" className="inline-form" key={c.id}>
                    <input type="hidden" name="intent" value="match" />
                    <input type="hidden" name="entryId" value={s.entry.id} />
                    <input type="hidden" name="productId" value={c.id} />
                    <span>
                      {c.name} — {c.organizationName} ({Math.round(c.score * 100)}%)
                    </span>
                    <button type="submit">{vi ? 'Đúng, ghép' : 'Confirm match'}</button>
                  </Form>
                ))}
              </li>
            ))}
        </ul>
      </section>
      <section aria-labelledby="import-h">
        <h2 id="import-h">
          {vi ? 'Nhập sổ OCOP của tỉnh (CSV)' : 'Import the province OCOP register (CSV)'}
        </h2>
        <p className="muted">
          <code>{REGISTER_COLUMNS.join(',')}</code> —{' '}
          {vi ? 'xem docs/register-format.md' : 'see docs/register-format.md'}
        </p>
        {result && 'registerErrors' in result ? (
          <div className="form-error" role="alert">
            <p>
              {vi
                ? `Chưa nhập gì: ${result.registerErrors!.length} lỗi`
                : `Nothing imported: ${result.registerErrors!.length} problem(s)`}
            </p>
            <ul>
              {result.registerErrors!.map((e, i) => (
                <li key={i}>
                  {vi ? 'Dòng' : 'Line'} {e.line}: {e.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {result && 'imported' in result ? (
          <p className="notice notice--ok" role="status">
            {vi
              ? `Đã nhập sổ: ${result.imported!.created} mới, ${result.imported!.updated} cập nhật.`
              : `Register imported: ${result.imported!.created} new, ${result.imported!.updated} updated.`}
          </p>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="inline-form">
          <input type="hidden" name="intent" value="import" />
          <label htmlFor="register-file">{vi ? 'Tệp CSV' : 'CSV file'}</label>
          <input id="register-file" name="file" type="file" accept=".csv,text/csv" required />
          <button type="submit">{vi ? 'Nhập sổ' : 'Import'}</button>
        </Form>
      </section>
      <p>
        <Link to="/duyet">{vi ? 'Hàng đợi duyệt hồ sơ →' : 'Review queue →'}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
