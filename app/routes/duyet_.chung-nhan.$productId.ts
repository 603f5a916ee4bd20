import type { LoaderFunctionArgs } from '@remix-run/node';
import { optionalActor } from '~/accounts/index.server';
import { readCertificateScan } from '~/catalogue/index.server';
import { langFromRequest, translator } from '~/i18n';

/** The scan of a product's OCOP certificate: for the province's officers and the cooperative's members. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { db, config } = context.services;
  const actor = await optionalActor(request, context);
  const file = await readCertificateScan(db, actor, Number(params.productId), config.dataDir);
  if (!file) {
    return new Response(translator(langFromRequest(request))('traceNotFound'), {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(new Uint8Array(file.body), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': 'inline',
      // An uploaded file never runs as part of this site.
      'Content-Security-Policy': 'sandbox',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
