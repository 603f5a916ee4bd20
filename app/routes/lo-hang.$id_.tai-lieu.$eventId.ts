import type { LoaderFunctionArgs } from '@remix-run/node';
import { optionalActor } from '~/accounts/index.server';
import {
  getManagedBatch,
  getPublicBatch,
  eventDocumentKey,
  readLabDocument,
} from '~/traceability/index.server';

const notFound = () =>
  new Response('Không tìm thấy. / Not found.', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });

/** An inspection's lab report (PDF): for anyone when the batch is public, otherwise for the cooperative's members. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { db, config } = context.services;
  const batchId = Number(params.id);
  if (!(await getPublicBatch(db, batchId))) {
    const actor = await optionalActor(request, context);
    if (!actor) return notFound();
    try {
      await getManagedBatch(db, actor, batchId);
    } catch {
      return notFound();
    }
  }
  const key = await eventDocumentKey(db, batchId, Number(params.eventId));
  const file = key ? await readLabDocument(config.dataDir, key) : null;
  if (!file) return notFound();
  return new Response(new Uint8Array(file), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="ket-qua-kiem-nghiem-${params.eventId}.pdf"`,
      // A PDF uploaded by a user never runs as part of this site.
      'Content-Security-Policy': 'sandbox',
      'Cache-Control': 'private, max-age=3600',
    },
  });
}
