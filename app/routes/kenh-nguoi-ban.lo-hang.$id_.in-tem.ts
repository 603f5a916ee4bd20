import { Readable, PassThrough } from 'node:stream';
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { baseUrl, requireActor } from '~/accounts/index.server';
import { langFromRequest } from '~/i18n';
import { invalid } from '~/lib/errors';
import { orErrorPage } from '~/lib/forms.server';
import { isLabelLayoutId } from '~/traceability';
import { streamLabelsPdf, labelsForPrint } from '~/traceability/index.server';

/** GET /kenh-nguoi-ban/lo-hang/{id}/in-tem?layout=a4-65&start=1&count=1000 — the label PDF, streamed page by page. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const { db, stampKeyring, log } = context.services;
  const url = new URL(request.url);
  const layout = url.searchParams.get('layout') ?? 'a4-65';
  const number = (name: string) => {
    const value = (url.searchParams.get(name) ?? '').replace(/[\s.,_]/g, '');
    return /^\d{1,16}$/.test(value) ? Number(value) : NaN;
  };
  const { labels, count, batch } = await orErrorPage(langFromRequest(request), async () => {
    if (!isLabelLayoutId(layout))
      throw invalid('layout', { vi: 'Khổ tem không hợp lệ.', en: 'Unknown label layout.' });
    return labelsForPrint(
      db,
      actor,
      Number(params.id),
      { start: number('start'), count: number('count') },
      stampKeyring,
      baseUrl(request, context),
    );
  });
  if (count === 0)
    throw data(
      {
        message: 'Mọi tem trong khoảng này đã bị thu hồi. / Every stamp in this range was revoked.',
      },
      { status: 409 },
    );
  const out = new PassThrough();
  streamLabelsPdf({
    layout: layout as Parameters<typeof streamLabelsPdf>[0]['layout'],
    labels,
    out,
    title: `Tem ${batch.lotCode}`,
  }).catch((error) => {
    log.error('stamp PDF failed', { batchId: batch.id, error: String(error) });
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  const safeLot = batch.lotCode.replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(Readable.toWeb(out) as ReadableStream, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="tem-${safeLot}-${number('start')}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
