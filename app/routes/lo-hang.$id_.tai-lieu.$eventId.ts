import type { LoaderFunctionArgs } from '@remix-run/node';
import { optionalActor } from '~/accounts/index.server';
import { langFromRequest, translator } from '~/i18n';
import { labDocumentFor } from '~/traceability/index.server';

/** An inspection's lab report (PDF): for anyone when the batch is public, otherwise for the cooperative's members. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { db, config } = context.services;
  const eventId = Number(params.eventId);
  const reader = () => optionalActor(request, context);
  const file = await labDocumentFor(db, reader, Number(params.id), eventId, config.dataDir);
  if (!file) {
    return new Response(translator(langFromRequest(request))('traceNotFound'), {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(new Uint8Array(file), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="ket-qua-kiem-nghiem-${eventId}.pdf"`,
      // A PDF uploaded by a user never runs as part of this site.
      'Content-Security-Policy': 'sandbox',
      'Cache-Control': 'private, max-age=3600',
    },
  });
}
