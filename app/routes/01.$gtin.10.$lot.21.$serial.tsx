import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { StampScanView } from '~/components/traceability/StampScanView';
import { loaderCacheHeaders } from '~/lib/http.server';
import { loadScanPage } from '~/traceability/index.server';

// GS1 Digital Link stamps: /01/{GTIN}/10/{lot}/21/{serial}?a={authenticator}. The verdict parses the raw URL.
/** Plain HTML without scripts: a scan must load fast on a weak 3G connection, and every form works without JavaScript. */
export const handle = { hydrate: false };
export const headers = loaderCacheHeaders;

export const meta: MetaFunction = () => [
  { title: 'Kiểm tra tem truy xuất — Chợ Phiên' },
  { name: 'robots', content: 'noindex' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return data(await loadScanPage(request, context), { headers: { 'Cache-Control': 'no-store' } });
}

export default function DigitalLinkStampScan() {
  return <StampScanView {...useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
