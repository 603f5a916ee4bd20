import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { StampScanView } from '~/components/traceability/StampScanView';
import { clientNetwork } from '~/accounts/index.server';
import { langFromRequest, translator } from '~/i18n';
import { loaderCacheHeaders } from '~/lib/http.server';
import { loadScanPage } from '~/traceability/index.server';

// GS1 Digital Link stamps: /01/{GTIN}/10/{lot}/21/{serial}?a={authenticator}. The verdict parses the raw URL.
/** Plain HTML without scripts: a scan must load fast on a weak 3G connection, and every form works without JavaScript. */
export const handle = { hydrate: false };
export const headers = loaderCacheHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
  { name: 'robots', content: 'noindex' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { db, stampKeyring } = context.services;
  const page = await loadScanPage(db, stampKeyring, request.url, {
    networkPrefix: clientNetwork(request),
  });
  const title = translator(langFromRequest(request))('traceScanTitle');
  return data({ ...page, title }, { headers: { 'Cache-Control': 'no-store' } });
}

export default function DigitalLinkStampScan() {
  return <StampScanView {...useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
