import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireActor } from '~/accounts/index.server';
import { isUserError } from '~/lib/errors';
import { reconciliationCsv } from '~/payments/index.server';

/** Reconciliation CSV: the payment events of one day (Vietnam time), one method or all. Admins only. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const params = new URL(request.url).searchParams;
  try {
    const { filename, csv } = await reconciliationCsv(context.services.db, actor, params);
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (!isUserError(error)) throw error;
    // A plain-text answer in both languages: this is a download link, not a page.
    return new Response(`${error.userMessage.vi}\n${error.userMessage.en}\n`, {
      status: error.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
}
