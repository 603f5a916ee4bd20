import { Link } from '@remix-run/react';
import { groupName, isOcopGroup } from '~/catalogue';
import { BarChart } from '~/components/charts/BarChart';
import { LineChart } from '~/components/charts/LineChart';
import { useI18n } from '~/i18n';
import { formatCalendarDate } from '~/lib/dates';
import type { Kpi } from '~/tradeoffice';
import { drillHref, exportHref } from './links';
import { TableWrap } from '~/components/TableWrap';

interface KpiProps {
  provinceCode: string;
  kpi: Kpi;
  communeNames: Record<string, string>;
}

/** The headline figure "OCOP products sold online", its breakdowns and its downloads. */
export function KpiSection({
  provinceCode,
  kpi,
  communeNames,
  registerSize,
}: KpiProps & { registerSize: number }) {
  const { lang, t } = useI18n();
  const drill = (figure: string, params?: Record<string, string | number>) =>
    drillHref(provinceCode, figure, params);
  const label = (g: string) => (isOcopGroup(g) ? groupName(lang, g) : g);
  return (
    <section aria-labelledby="kpi-h">
      <h2 id="kpi-h">{t('toKpiHeading')}</h2>
      <p className="kpi-headline">{kpi.percent}%</p>
      <p>{t('toKpiSummary', { online: kpi.online, total: kpi.total, size: registerSize })}</p>
      <p className="inline-form">
        <a href={drill('online')}>{t('toKpiOnline', { n: kpi.online })}</a>
        <a href={drill('valid')}>{t('toKpiValid', { n: kpi.total })}</a>
      </p>
      <BarChart
        title={t('toByStars')}
        labelHeader={t('owColStars')}
        valueHeader="%"
        empty={t('owEmptyRegister')}
        max={100}
        bars={kpi.byStars.map((b) => ({
          label: `${b.key} ★ (${b.online}/${b.total})`,
          value: b.percent,
          unit: '%',
          href: drill('valid', { stars: b.key }),
        }))}
      />
      <BarChart
        title={t('toByGroup')}
        labelHeader={t('owColGroup')}
        valueHeader="%"
        empty={t('owEmptyRegister')}
        max={100}
        bars={kpi.byGroup.map((b) => ({
          label: `${label(b.key)} (${b.online}/${b.total})`,
          value: b.percent,
          unit: '%',
          href: drill('valid', { group: b.key }),
        }))}
      />
      <BarChart
        title={t('toByCommune')}
        labelHeader={t('owColCommune')}
        valueHeader="%"
        empty={t('owEmptyRegister')}
        max={100}
        bars={kpi.byCommune.map((b) => ({
          label: `${communeNames[b.key] ?? '—'} (${b.online}/${b.total})`,
          value: b.percent,
          unit: '%',
          href: drill('valid', { commune: b.key }),
        }))}
      />
      <LineChart
        title={t('toByMonth')}
        valueHeader="%"
        labelHeader={t('toSalesMonth')}
        empty={t('owEmptyRegister')}
        unit="%"
        max={100}
        target={100}
        targetLabel={t('toTarget')}
        points={
          registerSize === 0
            ? []
            : kpi.trend.map((p) => ({
                label: p.month,
                value: p.percent,
                href: drill('month', { month: p.month }),
              }))
        }
      />
      <p className="inline-form">
        <a href={exportHref(provinceCode, 'kpi')}>{t('toKpiCsv')}</a>
        <a href={exportHref(provinceCode, 'bao-cao-thang')}>{t('toMonthlyXlsx')}</a>
        <Link to={`/so-cong-thuong/bao-cao?tinh=${provinceCode}`}>{t('toPrintable')}</Link>
      </p>
    </section>
  );
}

/** Register entries not on sale yet, by commune and producer: who the office should call. */
export function TodoSection({ provinceCode, kpi, communeNames }: KpiProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="todo-h">
      <h2 id="todo-h">{t('toTodoHeading', { n: kpi.todo.length })}</h2>
      <p>
        <a href={drillHref(provinceCode, 'todo')}>
          {t('toSeeRows')} ({kpi.todo.length})
        </a>
      </p>
      <TableWrap labelledBy="todo-h">
        <table className="data">
          <thead>
            <tr>
              <th>{t('toColCommune')}</th>
              <th>{t('toColProducer')}</th>
              <th>{t('toColProducts')}</th>
              <th>{t('toColCount')}</th>
            </tr>
          </thead>
          <tbody>
            {kpi.todoGroups.map((g) => (
              <tr key={`${g.communeCode}-${g.producer}`}>
                <td>{communeNames[g.communeCode ?? ''] ?? '—'}</td>
                <td>{g.producer}</td>
                <td>{g.entries.map((e) => `${e.productName} (${e.stars}★)`).join('; ')}</td>
                <td>
                  <a
                    href={drillHref(provinceCode, 'todo', {
                      commune: g.communeCode ?? '',
                      producer: g.producer,
                    })}
                  >
                    {g.entries.length}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p>
        <a href={exportHref(provinceCode, 'todo')}>{t('toTodoCsv')}</a>
      </p>
    </section>
  );
}

/** Certificates expiring soon, expired but still on sale, claimed but not in the register. */
export function CertificateSection({ provinceCode, kpi }: Omit<KpiProps, 'communeNames'>) {
  const { t } = useI18n();
  const drill = (figure: string) => drillHref(provinceCode, figure);
  return (
    <section aria-labelledby="cert-h">
      <h2 id="cert-h">{t('toCertHeading')}</h2>
      <p>
        <a href={drill('expiring')}>{t('toExpiringSoon', { n: kpi.expiringSoon.length })}</a>{' '}
        {kpi.expiringSoon
          .map((e) => `${e.productName} (${formatCalendarDate(e.expiresOn)})`)
          .join('; ') || '—'}
      </p>
      <p>
        <a href={drill('expired-listed')}>
          {t('toExpiredListed', { n: kpi.expiredButListed.length })}
        </a>{' '}
        {kpi.expiredButListed.map((e) => e.productName).join('; ') || '—'}
      </p>
      <p>
        <a href={drill('not-in-register')}>
          {t('toNotInRegister', { n: kpi.listedNotInRegister.length })}
        </a>{' '}
        {kpi.listedNotInRegister.map((l) => l.name).join('; ') || '—'}
      </p>
      <p>
        <a href={exportHref(provinceCode, 'chung-nhan')}>{t('toCertCsv')}</a>
      </p>
    </section>
  );
}
