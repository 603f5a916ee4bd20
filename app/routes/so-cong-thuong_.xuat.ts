import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireActor } from '~/accounts/request.server';
import { langFromRequest } from '~/i18n';
import { orErrorPage } from '~/lib/forms.server';
import { OCOP_GROUP_NAMES_VI } from '~/catalogue/groups';
import { todayInVietnam } from '~/lib/dates';
import { toCsv } from '~/tradeoffice/csv-export';
import { monthlyReportXlsx } from '~/tradeoffice/report-xlsx.server';
import { provinceKpi } from '~/tradeoffice/dashboard.server';

/** Exports: CSV of the dashboard tables (`bang=kpi`, `bang=todo`, `bang=chung-nhan`) and the monthly report as XLSX (`bang=bao-cao-thang`). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const url = new URL(request.url);
  const provinceCode = url.searchParams.get('tinh') ?? actor.officerProvinceCodes[0] ?? '';
  const requested = url.searchParams.get('bang');
  const table = requested === 'todo' ? 'todo' : requested === 'bao-cao-thang' ? 'report' : requested === 'chung-nhan' ? 'certificates' : 'kpi';
  const { kpi, communeNames } = await orErrorPage(langFromRequest(request), () => provinceKpi(context.services.db, actor, provinceCode));
  if (table === 'report') {
    const province = await context.services.db.selectFrom('provinces').select('name').where('code', '=', provinceCode).executeTakeFirstOrThrow();
    const month = todayInVietnam().slice(0, 7);
    const xlsx = await monthlyReportXlsx({ provinceName: province.name, month, kpi, communeNames, groupNames: OCOP_GROUP_NAMES_VI });
    return new Response(new Uint8Array(xlsx), {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="bao-cao-ocop-${provinceCode}-${month}.xlsx"`,
        'Cache-Control': 'private, no-store',
      },
    });
  }
  const csv = table === 'certificates'
    ? toCsv(['table', 'product_name', 'producer', 'stars', 'expires_on'], [
        ...kpi.expiringSoon.map((e) => ['expiring_within_90_days', e.productName, e.producer, e.stars, e.expiresOn]),
        ...kpi.expiredButListed.map((e) => ['expired_but_listed', e.productName, e.producer, e.stars, e.expiresOn]),
        ...kpi.listedNotInRegister.map((l) => ['listed_not_in_register', l.name, '', '', '']),
      ])
    : table === 'todo'
    ? toCsv(['product_name', 'producer', 'commune', 'stars', 'expires_on'], kpi.todo.map((e) => [e.productName, e.producer, communeNames[e.communeCode ?? ''] ?? '', e.stars, e.expiresOn]))
    : toCsv(['breakdown', 'key', 'total', 'online', 'percent'], [
        ['all', '', kpi.total, kpi.online, kpi.percent],
        ...kpi.byStars.map((b) => ['stars', b.key, b.total, b.online, b.percent]),
        ...kpi.byGroup.map((b) => ['group', b.key, b.total, b.online, b.percent]),
        ...kpi.byCommune.map((b) => ['commune', communeNames[b.key] ?? b.key, b.total, b.online, b.percent]),
        ...kpi.trend.map((t) => ['month', t.month, t.total, t.online, t.percent]),
      ]);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="ocop-${provinceCode}-${table}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
