import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { baseUrl, clientNetwork, LIMITS, rateLimiter } from '~/accounts/index.server';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { OcopStars } from '~/components/OcopStars';
import { BatchFacts } from '~/components/traceability/BatchFacts';
import { JourneyTimeline } from '~/components/traceability/JourneyTimeline';
import { ReportForm } from '~/components/traceability/ReportForm';
import { getPublicProduct } from '~/catalogue/index.server';
import { langFromRequest, useI18n } from '~/i18n';
import { UserError } from '~/lib/errors';
import { text, withUserErrors } from '~/lib/forms.server';
import { loaderCacheHeaders, publicCacheHeaders } from '~/lib/http.server';
import { getPublicBatch, parseReportForm, reportSuspicious } from '~/traceability/index.server';

export const headers = loaderCacheHeaders;

/** Plain HTML without scripts: a scan must load fast on a weak 3G connection, and every form works without JavaScript. */
export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  {
    title: page
      ? `Truy xuất nguồn gốc — ${page.batch.productName} (lô ${page.batch.lotCode}) | Chợ Phiên`
      : 'Chợ Phiên',
  },
];

async function load(db: Parameters<typeof getPublicBatch>[0], request: Request, id: number) {
  const found = await getPublicBatch(db, id);
  if (!found) {
    const lang = langFromRequest(request);
    throw data(
      {
        message:
          lang === 'en'
            ? 'This batch does not exist or is not public.'
            : 'Lô hàng không tồn tại hoặc không công khai.',
      },
      { status: 404 },
    );
  }
  return found;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { db } = context.services;
  const { batch, journey } = await load(db, request, Number(params.id));
  const product = await getPublicProduct(db, batch.productSlug);
  return data(
    {
      batch,
      journey,
      ocop: product?.ocop ?? null,
      certifications: product?.certifications ?? [],
      verified: product?.organization.verified ?? false,
    },
    { headers: publicCacheHeaders(request) },
  );
}

/** The "suspicious product" report (from this page or a scan page); rate limited per network. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db } = context.services;
  const { batch } = await load(db, request, Number(params.id));
  return withUserErrors(langFromRequest(request), async () => {
    const form = await request.formData();
    if (text(form, 'intent') !== 'report')
      throw new UserError('invalid', 400, { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' });
    const input = parseReportForm((name) => text(form, name));
    const decision = await rateLimiter(db).consume(
      `stamp-report:${clientNetwork(request)}`,
      LIMITS.stampReport,
    );
    if (!decision.allowed) {
      const minutes = Math.ceil(decision.retryAfterSeconds / 60);
      throw new UserError('rate_limited', 429, {
        vi: `Bạn đã gửi quá nhiều báo cáo. Thử lại sau ${minutes} phút.`,
        en: `Too many reports. Try again in ${minutes} minutes.`,
      });
    }
    await reportSuspicious(db, { ...input, batchId: batch.id }, baseUrl(request, context));
    return { ok: true as const };
  });
}

export default function PublicBatch() {
  const { batch, journey, ocop, certifications, verified } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { lang, t } = useI18n();
  return (
    <article className="scan-page">
      <p className="muted">{t('traceTitle')}</p>
      <h1>
        <Link to={`/san-pham/${batch.productSlug}`}>{batch.productName}</Link>
      </h1>
      <p>
        {lang === 'vi' ? 'Nhà sản xuất' : 'Producer'}:{' '}
        <Link to={`/hop-tac-xa/${batch.organizationSlug}`}>{batch.organizationName}</Link>{' '}
        {verified ? <span className="tag tag--ok">{t('verified')}</span> : null}
      </p>
      {ocop ? (
        <p>
          <OcopStars stars={ocop.stars} /> <span className="muted">{ocop.certificateNo}</span>
        </p>
      ) : null}
      {certifications.length ? (
        <ul className="chip-list">
          {certifications.map((c) => (
            <li key={`${c.kind}-${c.reference}`} className="chip">
              {t(`cert_${c.kind}` as 'cert_vietgap')}
              {c.reference ? `: ${c.reference}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <BatchFacts batch={batch} />
      <section aria-labelledby="journey-h">
        <h2 id="journey-h">{t('traceJourney')}</h2>
        <JourneyTimeline events={journey} batchId={batch.id} batchLink={(id) => `/lo-hang/${id}`} />
      </section>
      <p>
        <a href={`/api/batches/${batch.id}/epcis`}>{t('traceEpcis')}</a>
      </p>
      {result && 'ok' in result ? (
        <p className="notice notice--ok" role="status">
          {t('traceReportThanks')}
        </p>
      ) : null}
      {result && 'error' in result && !result.error.field ? (
        <p className="form-error" role="alert">
          {result.error.message}
        </p>
      ) : null}
      <ReportForm
        batchId={batch.id}
        serial={null}
        error={result && 'error' in result ? result.error : null}
      />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
