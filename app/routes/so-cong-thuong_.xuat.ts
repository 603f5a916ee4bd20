import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireActor } from '~/accounts/index.server';
import { langFromRequest } from '~/i18n';
import { orErrorPage } from '~/lib/forms.server';
import { OCOP_GROUP_NAMES_VI } from '~/catalogue';
import { todayInVietnam } from '~/lib/dates';
import { toCsv } from '~/tradeoffice';
import {
  monthlyReportXlsx,
  provinceKpi,
  provinceSales,
  provinceStamps,
} from '~/tradeoffice/index.server';

const csvResponse = (csv: string, filename: string) =>
  new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });

/**
 * Exports: CSV of the dashboard tables (`bang=kpi`, `bang=todo`, `bang=chung-nhan`, `bang=ban-hang`, `bang=tem`)
 * and the monthly report as XLSX (`bang=bao-cao-thang`).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const url = new URL(request.url);
  const provinceCode = url.searchParams.get('tinh') ?? actor.officerProvinceCodes[0] ?? '';
  const requested = url.searchParams.get('bang');
  const lang = langFromRequest(request);
  if (requested === 'ban-hang') {
    const sales = await orErrorPage(lang, () =>
      provinceSales(context.services.db, actor, provinceCode),
    );
    return csvResponse(
      toCsv(
        ['table', 'key', 'orders', 'value_vnd', 'orders_percent', 'value_percent'],
        [
          ['all', '', sales.orders, sales.valueVnd, '', ''],
          ...sales.byMonth.map((m) => ['month', m.month, m.orders, m.valueVnd, '', '']),
          ...sales.byGroup.map((g) => ['group', g.group, g.orders, g.valueVnd, '', '']),
          ...sales.payments.methods.map((m) => [
            'method',
            m.method,
            m.orders,
            m.valueVnd,
            m.ordersPercent,
            m.valuePercent,
          ]),
          [
            'cashless',
            'vietqr+card',
            sales.cashlessOrders,
            '',
            sales.payments.cashlessOrdersPercent,
            sales.payments.cashlessValuePercent,
          ],
        ],
      ),
      `ban-hang-${provinceCode}.csv`,
    );
  }
  if (requested === 'tem') {
    const stamps = await orErrorPage(lang, () =>
      provinceStamps(context.services.db, actor, provinceCode),
    );
    return csvResponse(
      toCsv(
        ['figure', 'value', 'window_days'],
        [
          ['stamps_issued', stamps.issued, ''],
          ['issue_runs', stamps.issueRuns, ''],
          ['scans', stamps.scans, stamps.windowDays],
          ['possibly_copied_stamps', stamps.copied, stamps.windowDays],
          ['buyer_reports', stamps.reports, stamps.windowDays],
        ],
      ),
      `tem-${provinceCode}.csv`,
    );
  }
  const table =
    requested === 'todo'
      ? 'todo'
      : requested === 'bao-cao-thang'
        ? 'report'
        : requested === 'chung-nhan'
          ? 'certificates'
          : 'kpi';
  const { kpi, communeNames } = await orErrorPage(langFromRequest(request), () =>
    provinceKpi(context.services.db, actor, provinceCode),
  );
  if (table === 'report') {
    const province = await context.services.db
      .selectFrom('provinces')
      .select('name')
      .where('code', '=', provinceCode)
      .executeTakeFirstOrThrow();
    const month = todayInVietnam().slice(0, 7);
    const [sales, stamps] = await Promise.all([
      provinceSales(context.services.db, actor, provinceCode),
      provinceStamps(context.services.db, actor, provinceCode),
    ]);
    const xlsx = await monthlyReportXlsx({
      provinceName: province.name,
      month,
      kpi,
      communeNames,
      groupNames: OCOP_GROUP_NAMES_VI,
      sales: sales.byMonthGroup,
      payments: sales.methods,
      stamps: {
        issued: stamps.issued,
        scanned: stamps.scans,
        flaggedAsCopies: stamps.copied,
        buyerReports: stamps.reports,
      },
    });
    return new Response(new Uint8Array(xlsx), {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="bao-cao-ocop-${provinceCode}-${month}.xlsx"`,
        'Cache-Control': 'private, no-store',
      },
    });
  }
  const csv =
    table === 'certificates'
      ? toCsv(
          ['table', 'product_name', 'producer', 'stars', 'expires_on'],
          [
            ...kpi.expiringSoon.map((e) => [
              'expiring_within_90_days',
              e.productName,
              e.producer,
              e.stars,
              e.expiresOn,
            ]),
            ...kpi.expiredButListed.map((e) => [
              'expired_but_listed',
              e.productName,
              e.producer,
              e.stars,
              e.expiresOn,
            ]),
            ...kpi.listedNotInRegister.map((l) => ['listed_not_in_register', l.name, '', '', '']),
          ],
        )
      : table === 'todo'
        ? toCsv(
            ['product_name', 'producer', 'commune', 'stars', 'expires_on'],
            kpi.todo.map((e) => [
              e.productName,
              e.producer,
              communeNames[e.communeCode ?? ''] ?? '',
              e.stars,
              e.expiresOn,
            ]),
          )
        : toCsv(
            ['breakdown', 'key', 'total', 'online', 'percent'],
            [
              ['all', '', kpi.total, kpi.online, kpi.percent],
              ...kpi.byStars.map((b) => ['stars', b.key, b.total, b.online, b.percent]),
              ...kpi.byGroup.map((b) => ['group', b.key, b.total, b.online, b.percent]),
              ...kpi.byCommune.map((b) => [
                'commune',
                communeNames[b.key] ?? b.key,
                b.total,
                b.online,
                b.percent,
              ]),
              ...kpi.trend.map((t) => ['month', t.month, t.total, t.online, t.percent]),
            ],
          );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="ocop-${provinceCode}-${table}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
