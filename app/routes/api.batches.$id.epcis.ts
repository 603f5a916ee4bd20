import type { LoaderFunctionArgs } from '@remix-run/node';
import { batchEpcisDocument } from '~/traceability/index.server';

/** GET /api/batches/{id}/epcis: the journey of a public batch as an EPCIS 2.0 JSON-LD document. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const document = await batchEpcisDocument(context.services.db, Number(params.id));
  if (!document) {
    return new Response(JSON.stringify({ error: 'not_found' }), {
      status: 404,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
  }
  return new Response(JSON.stringify(document), {
    headers: {
      'Content-Type': 'application/ld+json; charset=utf-8',
      'Cache-Control': 'public, max-age=60',
      'Access-Control-Allow-Origin': '*',
    },
  });
}
