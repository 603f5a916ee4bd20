import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { StampScanView } from '~/components/traceability/StampScanView';
import { clientNetwork } from '~/accounts/index.server';
import { langFromRequest, translator } from '~/i18n';
import { loaderCacheHeaders } from '~/lib/http.server';
import { loadScanPage } from '~/traceability/index.server';

// Short stamp codes (products without a GTIN): /s/{batch}-{serial}-{authenticator}.
/** Plain HTML without scripts: a scan must load fast on a weak 3G connection, and every form works without JavaScript. */
export const handle = { hydrate: false };
export const headers = loaderCacheHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
  { name: 'robots', content: 'noindex' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Every scan is logged and judged anew: never cached.
  const { db, stampKeyring } = context.services;
  const page = await loadScanPage(db, stampKeyring, request.url, {
    networkPrefix: clientNetwork(request),
  });
  const title = translator(langFromRequest(request))('traceScanTitle');
  return data({ ...page, title }, { headers: { 'Cache-Control': 'no-store' } });
}

export default function ShortStampScan() {
  return <StampScanView {...useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
