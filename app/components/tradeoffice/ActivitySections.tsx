import { groupName, isOcopGroup } from '~/catalogue';
import { BarChart } from '~/components/charts/BarChart';
import { useI18n, type Translate } from '~/i18n';
import { formatVnd } from '~/lib/money';
import type { Sales } from '~/tradeoffice';
import { drillHref, exportHref } from './links';

const METHOD_NAMES = {
  vietqr: 'toMethodVietqr',
  card: 'toMethodCard',
  vnpay: 'toMethodVnpay',
  momo: 'toMethodMomo',
  zalopay: 'toMethodZalopay',
  cod: 'toMethodCod',
} as const;

export const methodName = (t: Translate, method: string) =>
  t(METHOD_NAMES[method as keyof typeof METHOD_NAMES] ?? 'toMethodCod');

/** Sales of the last 12 months: by month, by group, by payment method, and the cashless share. */
export function SalesSection({ provinceCode, sales }: { provinceCode: string; sales: Sales }) {
  const { lang, t } = useI18n();
  const drill = (params?: Record<string, string>) => drillHref(provinceCode, 'sales', params);
  const label = (g: string) => (isOcopGroup(g) ? groupName(lang, g) : g);
  return (
    <section aria-labelledby="sales-h">
      <h2 id="sales-h">{t('toSalesHeading')}</h2>
      <p>
        <a href={drill()}>
          {t('toSalesSummary', { orders: sales.orders, value: formatVnd(sales.valueVnd) })}
        </a>
      </p>
      <BarChart
        title={t('toSalesByMonth')}
        valueHeader={t('toSalesValue')}
        labelHeader={t('toSalesMonth')}
        empty={t('owEmptySales')}
        bars={(sales.orders === 0 ? [] : sales.byMonth).map((m) => ({
          label: `${m.month} (${t('toOrdersShort', { n: m.orders })})`,
          value: m.valueVnd,
          display: formatVnd(m.valueVnd),
          href: drill({ month: m.month }),
        }))}
      />
      <BarChart
        title={t('toSalesByGroup')}
        labelHeader={t('owColGroup')}
        valueHeader={t('toSalesValue')}
        empty={t('owEmptySales')}
        bars={(sales.orders === 0 ? [] : sales.byGroup).map((g) => ({
          label: `${label(g.group)} (${t('toOrdersShort', { n: g.orders })})`,
          value: g.valueVnd,
          display: formatVnd(g.valueVnd),
          href: drill({ group: g.group }),
        }))}
      />
      <BarChart
        title={t('toSalesPayments')}
        labelHeader={t('owColMethod')}
        valueHeader="%"
        empty={t('owEmptyPayments')}
        max={100}
        bars={(sales.orders === 0 ? [] : sales.payments.methods).map((m) => ({
          label: t('toMethodBar', {
            method: methodName(t, m.method),
            orders: m.orders,
            value: formatVnd(m.valueVnd),
          }),
          value: m.ordersPercent,
          unit: '%',
          href: drill({ method: m.method }),
        }))}
      />
      <p>
        <a href={drill({ method: 'cashless' })}>
          {t('toSalesCashless', {
            orders: sales.payments.cashlessOrdersPercent,
            value: sales.payments.cashlessValuePercent,
          })}
        </a>
      </p>
      <p className="muted footnote">{t('toSalesFootnote')}</p>
      <p>
        <a href={exportHref(provinceCode, 'ban-hang')}>{t('toSalesCsv')}</a>
      </p>
    </section>
  );
}

interface StampFigures {
  issued: number;
  issueRuns: number;
  scans: number;
  copied: number;
  reports: number;
  windowDays: number;
}

/** Stamps issued, scanned, flagged as copies and reported, each drilling down to its rows. */
export function StampsSection({
  provinceCode,
  stamps,
}: {
  provinceCode: string;
  stamps: StampFigures;
}) {
  const { t } = useI18n();
  const drill = (figure: string) => drillHref(provinceCode, figure);
  const days = stamps.windowDays;
  return (
    <section aria-labelledby="stamps-h">
      <h2 id="stamps-h">{t('toStampsHeading')}</h2>
      <ul>
        <li>
          <a href={drill('stamps-issued')}>
            {t('toStampsIssued', { n: stamps.issued, runs: stamps.issueRuns })}
          </a>
        </li>
        <li>
          <a href={drill('stamps-scanned')}>{t('toStampsScanned', { n: stamps.scans, days })}</a>
        </li>
        <li>
          <a href={drill('stamps-copied')}>{t('toStampsCopied', { n: stamps.copied, days })}</a>
        </li>
        <li>
          <a href={drill('stamp-reports')}>{t('toStampReports', { n: stamps.reports, days })}</a>
        </li>
      </ul>
      <p className="muted footnote">{t('toStampsFootnote', { days })}</p>
      <p>
        <a href={exportHref(provinceCode, 'tem')}>{t('toStampsCsv')}</a>
      </p>
    </section>
  );
}
