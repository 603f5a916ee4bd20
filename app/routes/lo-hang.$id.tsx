import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { baseUrl, clientNetwork } from '~/accounts/index.server';
import { formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { OcopStars } from '~/components/OcopStars';
import { BatchFacts } from '~/components/traceability/BatchFacts';
import { JourneyTimeline } from '~/components/traceability/JourneyTimeline';
import { ReportForm } from '~/components/traceability/ReportForm';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { traceabilityMessages } from '~/i18n/messages/traceability';
import { invalid } from '~/lib/errors';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { loaderCacheHeaders, publicCacheHeaders } from '~/lib/http.server';
import { suspiciousReportSchema } from '~/traceability';
import { publicBatchPage, submitSuspiciousReport } from '~/traceability/index.server';

export const headers = loaderCacheHeaders;

/** Plain HTML without scripts: a scan must load fast on a weak 3G connection, and every form works without JavaScript. */
export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = langFromRequest(request);
  const page = await orErrorPage(lang, () =>
    publicBatchPage(context.services.db, Number(params.id)),
  );
  const title = translator(lang)('tracePublicTitle', {
    product: page.batch.productName,
    lot: page.batch.lotCode,
  });
  return data({ ...page, title }, { headers: publicCacheHeaders(request) });
}

/** The "suspicious product" report (from this page or a scan page); rate limited per network. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db } = context.services;
  const lang = langFromRequest(request);
  const { batch } = await orErrorPage(lang, () => publicBatchPage(db, Number(params.id)));
  return withUserErrors(lang, async () => {
    const form = await readFormData(request);
    if (form.get('intent') !== 'report')
      throw invalid('intent', traceabilityMessages.unknownIntent);
    const submission = parseSubmission(suspiciousReportSchema, form);
    if (!submission.ok) return submissionFailed(lang, submission);
    await submitSuspiciousReport(db, batch.id, submission.value, {
      network: clientNetwork(request),
      origin: baseUrl(request, context),
    });
    return { ok: true as const };
  });
}

export default function PublicBatch() {
  const { batch, journey, ocop, certifications, verified } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { formError, fieldError } = formFeedback(result);
  const { t } = useI18n();
  return (
    <article className="scan-page">
      <p className="muted">{t('traceTitle')}</p>
      <h1>
        <Link to={`/san-pham/${batch.productSlug}`}>{batch.productName}</Link>
      </h1>
      <p>
        {t('traceProducer')}:{' '}
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
      {formError && !formError.field ? (
        <p className="form-error" role="alert">
          {formError.message}
        </p>
      ) : null}
      <ReportForm batchId={batch.id} serial={null} fieldError={fieldError} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
