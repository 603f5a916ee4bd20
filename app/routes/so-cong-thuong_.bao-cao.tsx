import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { BarChart } from '~/components/charts/BarChart';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { isOcopGroup, groupName } from '~/catalogue';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { formatCalendarDate } from '~/lib/dates';
import { parseSubmission } from '~/lib/form';
import { orErrorPage } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import { reportPeriodSchema, searchRefusal } from '~/tradeoffice';
import { officerProvince, provinceReport } from '~/tradeoffice/index.server';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
];

/** A printable report for the period the officer picks: the KPI at its end and the months inside it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const submission = parseSubmission(reportPeriodSchema, new URL(request.url).searchParams);
  const report = await orErrorPage(lang, () => {
    if (!submission.ok) throw searchRefusal(submission);
    const { tinh, tu, den } = submission.value;
    const provinceCode = officerProvince(actor, tinh ?? null);
    return provinceReport(context.services.db, actor, provinceCode, { from: tu, to: den });
  });
  const title = translator(lang)('toReportTitle');
  return data({ ...report, title }, { headers: { 'Cache-Control': 'private, no-store' } });
}

export default function MonthlyReport() {
  const { province, from, to, kpi, communeNames, sales } = useLoaderData<typeof loader>();
  const { lang, t } = useI18n();
  return (
    <article className="report">
      <Form method="get" className="inline-form no-print">
        <input type="hidden" name="tinh" value={province.code} />
        <label>
          {t('toFromDate')} <input type="date" name="tu" defaultValue={from} />
        </label>
        <label>
          {t('toToDate')} <input type="date" name="den" defaultValue={to} />
        </label>
        <button type="submit">{t('toShowReport')}</button>
      </Form>
      <h1>{t('toReportHeading', { province: province.name })}</h1>
      <p>{t('toReportPeriod', { from: formatCalendarDate(from), to: formatCalendarDate(to) })}</p>
      <p className="kpi-headline">{kpi.percent}%</p>
      <p>
        {t('toReportKpi', { online: kpi.online, total: kpi.total, date: formatCalendarDate(to) })}
      </p>
      <BarChart
        title={t('toByMonth')}
        labelHeader={t('toSalesMonth')}
        valueHeader="%"
        empty={t('owEmptyRegister')}
        max={100}
        bars={(kpi.trend.every((m) => m.total === 0) ? [] : kpi.trend).map((m) => ({
          label: `${m.month} (${m.online}/${m.total})`,
          value: m.percent,
          unit: '%',
        }))}
      />
      <BarChart
        title={t('toByGroup')}
        labelHeader={t('owColGroup')}
        valueHeader="%"
        empty={t('owEmptyRegister')}
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
        empty={t('owEmptySales')}
        bars={(sales.orders === 0 ? [] : sales.byMonth).map((m) => ({
          label: `${m.month} (${t('toOrdersShort', { n: m.orders })})`,
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
      <h2>{t('toNotOnlineHeading', { n: kpi.todo.length })}</h2>
      <table className="data">
        <thead>
          <tr>
            <th>{t('toColProduct')}</th>
            <th>{t('toColProducer')}</th>
            <th>{t('toColCommune')}</th>
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
