import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireActor } from '~/accounts/request.server';
import { langFromRequest } from '~/i18n';
import { orErrorPage } from '~/lib/forms.server';
import { toCsv } from '~/tradeoffice/csv-export';
import { provinceKpi } from '~/tradeoffice/dashboard.server';

/** CSV exports of the dashboard tables: `bang=kpi` (every breakdown and the trend) or `bang=todo`. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const url = new URL(request.url);
  const provinceCode = url.searchParams.get('tinh') ?? actor.officerProvinceCodes[0] ?? '';
  const table = url.searchParams.get('bang') === 'todo' ? 'todo' : 'kpi';
  const { kpi, communeNames } = await orErrorPage(langFromRequest(request), () => provinceKpi(context.services.db, actor, provinceCode));
  const csv = table === 'todo'
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
