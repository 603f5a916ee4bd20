import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireActor } from '~/accounts/index.server';
import { langFromRequest } from '~/i18n';
import { orErrorPage } from '~/lib/forms.server';
import { toCsv } from '~/tradeoffice';
import { drillForRequest } from '~/tradeoffice/index.server';

/** The rows behind one dashboard figure as CSV (same query string as `/so-cong-thuong/chi-tiet`). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return orErrorPage(langFromRequest(request), async () => {
    const { provinceCode, query, table } = await drillForRequest(
      context.services.db,
      actor,
      new URL(request.url),
    );
    const csv = toCsv(
      table.columns.map((c) => c.key),
      table.rows.map((r) => table.columns.map((c) => r[c.key])),
    );
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="chi-tiet-${provinceCode}-${query.figure}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  });
}
