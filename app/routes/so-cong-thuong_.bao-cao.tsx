import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { BarChart } from '~/components/charts/BarChart';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { isOcopGroup, groupName } from '~/catalogue';
import { langFromRequest, useI18n } from '~/i18n';
import { formatCalendarDate, parseCalendarDate, todayInVietnam } from '~/lib/dates';
import { invalid } from '~/lib/errors';
import { orErrorPage } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import { provinceKpi, provinceSales } from '~/tradeoffice/index.server';

export const meta: MetaFunction = () => [{ title: 'Báo cáo OCOP — Chợ Phiên' }];

/** A printable report for the period the officer picks: the KPI at its end and the months inside it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const url = new URL(request.url);
  const lang = langFromRequest(request);
  return orErrorPage(lang, async () => {
    const provinceCode = url.searchParams.get('tinh') ?? actor.officerProvinceCodes[0] ?? '';
    const today = todayInVietnam();
    const to = url.searchParams.get('den')
      ? parseCalendarDate(url.searchParams.get('den')!)
      : today;
    const from = url.searchParams.get('tu')
      ? parseCalendarDate(url.searchParams.get('tu')!)
      : `${today.slice(0, 7)}-01`;
    if (!from || !to || from > to)
      throw invalid('tu', {
        vi: 'Khoảng thời gian không hợp lệ: “từ ngày” phải trước “đến ngày”.',
        en: 'Invalid period: the start must come before the end.',
      });
    const months = Math.min(
      36,
      (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
        Number(to.slice(5, 7)) -
        Number(from.slice(5, 7)) +
        1,
    );
    const { kpi, communeNames } = await provinceKpi(
      context.services.db,
      actor,
      provinceCode,
      to,
      months,
    );
    const sales = await provinceSales(context.services.db, actor, provinceCode, to, months, from);
    const province = await context.services.db
      .selectFrom('provinces')
      .select(['code', 'name'])
      .where('code', '=', provinceCode)
      .executeTakeFirstOrThrow();
    return data(
      { province, from, to, kpi, communeNames, sales },
      { headers: { 'Cache-Control': 'private, no-store' } },
    );
  });
}

export default function MonthlyReport() {
  const { province, from, to, kpi, communeNames, sales } = useLoaderData<typeof loader>();
  const { lang, t } = useI18n();
  const vi = lang === 'vi';
  return (
    <article className="report">
      <Form method="get" className="inline-form no-print">
        <input type="hidden" name="tinh" value={province.code} />
        <label>
          {vi ? 'Từ ngày' : 'From'} <input type="date" name="tu" defaultValue={from} />
        </label>
        <label>
          {vi ? 'Đến ngày' : 'To'} <input type="date" name="den" defaultValue={to} />
        </label>
        <button type="submit">{vi ? 'Xem báo cáo' : 'Show report'}</button>
      </Form>
      <h1>
        {vi
          ? `Báo cáo OCOP trên thương mại điện tử — ${province.name}`
          : `OCOP e-commerce report — ${province.name}`}
      </h1>
      <p>
        {vi ? 'Kỳ báo cáo' : 'Period'}: {formatCalendarDate(from)} – {formatCalendarDate(to)}
      </p>
      <p className="kpi-headline">{kpi.percent}%</p>
      <p>
        {vi
          ? `${kpi.online}/${kpi.total} sản phẩm OCOP còn hiệu lực đang bán trực tuyến tại ngày ${formatCalendarDate(to)} (mục tiêu 100%).`
          : `${kpi.online} of ${kpi.total} valid OCOP products online on ${formatCalendarDate(to)} (target 100%).`}
      </p>
      <BarChart
        title={vi ? 'Diễn biến theo tháng (%)' : 'Month by month (%)'}
        valueHeader="%"
        max={100}
        bars={kpi.trend.map((t) => ({
          label: `${t.month} (${t.online}/${t.total})`,
          value: t.percent,
          unit: '%',
        }))}
      />
      <BarChart
        title={vi ? 'Theo nhóm sản phẩm (%)' : 'By product group (%)'}
        valueHeader="%"
        max={100}
        bars={kpi.byGroup.map((b) => ({
          label: `${isOcopGroup(b.key) ? groupName(lang, b.key) : b.key} (${b.online}/${b.total})`,
          value: b.percent,
          unit: '%',
        }))}
      />
      <h2>
        {t('toSalesPeriod')}:{' '}
        {t('toSalesSummary', { orders: sales.orders, value: formatVnd(sales.valueVnd) })}
      </h2>
      <BarChart
        title={t('toSalesByMonth')}
        valueHeader={t('toSalesValue')}
        labelHeader={t('toSalesMonth')}
        bars={sales.byMonth.map((m) => ({
          label: `${m.month} (${m.orders} ${vi ? 'đơn' : 'orders'})`,
          value: m.valueVnd,
          display: formatVnd(m.valueVnd),
        }))}
      />
      <p>
        {t('toSalesCashless', {
          orders: sales.payments.cashlessOrdersPercent,
          value: sales.payments.cashlessValuePercent,
        })}
      </p>
      <p className="muted">{t('toSalesFootnote')}</p>
      <h2>
        {vi ? `Sản phẩm chưa lên sàn (${kpi.todo.length})` : `Not yet online (${kpi.todo.length})`}
      </h2>
      <table className="data">
        <thead>
          <tr>
            <th>{vi ? 'Sản phẩm' : 'Product'}</th>
            <th>{vi ? 'Chủ thể' : 'Producer'}</th>
            <th>{vi ? 'Xã' : 'Commune'}</th>
          </tr>
        </thead>
        <tbody>
          {kpi.todo.map((e) => (
            <tr key={e.id}>
              <td>{e.productName}</td>
              <td>{e.producer}</td>
              <td>{communeNames[e.communeCode ?? ''] ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
