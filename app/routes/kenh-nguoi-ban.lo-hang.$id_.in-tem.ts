import { Readable, PassThrough } from 'node:stream';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { baseUrl, requireActor } from '~/accounts/index.server';
import { langFromRequest } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import { orErrorPage } from '~/lib/forms.server';
import { printLabelsSchema, searchRefusal } from '~/traceability';
import { labelsForPrint, streamLabelsPdf } from '~/traceability/index.server';

/** GET /kenh-nguoi-ban/lo-hang/{id}/in-tem?layout=a4-65&start=1&count=1000 — the label PDF, streamed page by page. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const { db, stampKeyring, log } = context.services;
  const submission = parseSubmission(printLabelsSchema, new URL(request.url).searchParams);
  const { layout, print } = await orErrorPage(langFromRequest(request), async () => {
    if (!submission.ok) throw searchRefusal(submission);
    const { layout, ...range } = submission.value;
    const origin = baseUrl(request, context);
    return {
      layout,
      print: await labelsForPrint(db, actor, Number(params.id), range, stampKeyring, origin),
    };
  });
  const out = new PassThrough();
  streamLabelsPdf({ layout, labels: print.labels, out, title: print.title }).catch((error) => {
    log.error('stamp PDF failed', { batchId: print.batch.id, error: String(error) });
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new Response(Readable.toWeb(out) as ReadableStream, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${print.filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
