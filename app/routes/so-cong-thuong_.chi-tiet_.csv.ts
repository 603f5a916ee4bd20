import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireActor } from '~/accounts/index.server';
import { langFromRequest } from '~/i18n';
import { orErrorPage } from '~/lib/forms.server';
import { drillCsv } from '~/tradeoffice/index.server';

/** The rows behind one dashboard figure as CSV (same query string as `/so-cong-thuong/chi-tiet`). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const params = new URL(request.url).searchParams;
  const { filename, csv } = await orErrorPage(langFromRequest(request), () =>
    drillCsv(context.services.db, actor, params),
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
