import { clientNetwork } from '~/accounts/index.server';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { listProvinces } from '~/catalogue/index.server';
import { countsAsDemand, toApiResponse } from '~/search/index.server';
import { parseSearchParams } from '~/search';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { config, db, search } = context.services;
  const parsed = parseSearchParams(new URL(request.url).searchParams, await listProvinces(db), {
    perPage: 24,
  });
  if (!parsed.ok) {
    const lang = request.headers.get('Accept-Language')?.toLowerCase().startsWith('en')
      ? 'en'
      : 'vi';
    return Response.json(
      {
        error: {
          parameter: parsed.error.parameter,
          message: parsed.error.message[lang],
          messages: parsed.error.message,
        },
      },
      { status: 400, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  const result = await search.search(parsed.query, { network: clientNetwork(request) });
  return Response.json(toApiResponse(result, parsed.query.page, parsed.query.perPage), {
    headers: {
      // Never from the page cache: a search that found little (counted as demand on every request) or
      // one the fallback engine answered (the next request must try Meilisearch again).
      'Cache-Control':
        countsAsDemand(parsed.query, result) || result.engine !== config.search.engine
          ? 'private, no-store'
          : 'public, no-cache',
      'X-Search-Engine': result.engine,
    },
  });
}
