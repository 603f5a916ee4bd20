import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { FormMessage, formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { BatchFacts } from '~/components/traceability/BatchFacts';
import { BuyerReports } from '~/components/traceability/BuyerReports';
import { JourneyEventForm } from '~/components/traceability/JourneyEventForm';
import { JourneyTimeline } from '~/components/traceability/JourneyTimeline';
import { StampIssues } from '~/components/traceability/StampIssues';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { traceabilityMessages } from '~/i18n/messages/traceability';
import { invalid } from '~/lib/errors';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { issueStampsSchema, journeyEventFormSchema, revokeStampsSchema } from '~/traceability';
import {
  batchWorkspace,
  issueStamps,
  recordJourneyEvent,
  revokeStamps,
} from '~/traceability/index.server';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
  // While stamps are being issued the page refreshes itself (no JavaScript needed).
  ...(page?.stamps.pending ? [{ httpEquiv: 'refresh', content: '2' } as const] : []),
];

/** Reads only: an issue interrupted by a restart is resumed by the server (start and background tick). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const page = await orErrorPage(lang, () =>
    batchWorkspace(context.services.db, actor, Number(params.id)),
  );
  const title = translator(lang)('traceBatchPageTitle', {
    lot: page.batch.lotCode,
    product: page.batch.productName,
  });
  return data({ ...page, title }, { headers: { 'Cache-Control': 'private, no-store' } });
}

/** One action, switching on `intent`: record a journey event, issue stamps or revoke a range. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const { db, config, stampKeyring } = context.services;
  const lang = langFromRequest(request);
  const batchId = Number(params.id);
  return withUserErrors(lang, async () => {
    const form = await readFormData(request);
    switch (form.get('intent')) {
      case 'event': {
        const submission = parseSubmission(journeyEventFormSchema, form);
        if (!submission.ok) return submissionFailed(lang, submission);
        const eventId = await recordJourneyEvent(db, actor, batchId, submission.value, config);
        return { ok: 'event' as const, eventId };
      }
      case 'issue': {
        const submission = parseSubmission(issueStampsSchema, form);
        if (!submission.ok) return submissionFailed(lang, submission);
        const { count } = submission.value;
        return {
          ok: 'issue' as const,
          issueId: await issueStamps(db, actor, batchId, count, stampKeyring),
        };
      }
      case 'revoke': {
        const submission = parseSubmission(revokeStampsSchema, form);
        if (!submission.ok) return submissionFailed(lang, submission);
        await revokeStamps(db, actor, batchId, submission.value);
        return { ok: 'revoke' as const };
      }
      default:
        throw invalid('intent', traceabilityMessages.unknownIntent);
    }
  });
}

export default function ManageBatch() {
  const { batch, journey, stamps, reports, scans, communes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const feedback = formFeedback(result);
  // A form the schema refused sends its fields back (intent included); a domain refusal names one field.
  const refused = feedback.value('intent');
  const stampError = (form: 'issue' | 'revoke', name: string) =>
    refused === form || (refused === undefined && (form === 'issue') === (name === 'count'))
      ? feedback.fieldError(name)
      : null;
  const eventError = (name: string) =>
    refused === undefined || refused === 'event' ? feedback.fieldError(name) : null;
  const { t } = useI18n();
  return (
    <article className="workspace">
      <p>
        <Link to={`/kenh-nguoi-ban/san-pham/${batch.productId}/lo-hang`}>
          ← {batch.productName}
        </Link>
      </p>
      <h1>{t('traceLotHeading', { lot: batch.lotCode })}</h1>
      {batch.productStatus === 'published' ? (
        <p>
          <Link to={`/lo-hang/${batch.id}`}>{t('tracePublicPageLink')} →</Link>
        </p>
      ) : (
        <p className="muted">{t('tracePublicPageHidden')}</p>
      )}
      {result && 'ok' in result ? (
        <p className="notice notice--ok" role="status">
          {t('traceSaved')}
        </p>
      ) : null}
      <FormMessage error={feedback.formError} />
      <BatchFacts batch={batch} />
      <StampIssues batchId={batch.id} stamps={stamps} scans={scans} fieldError={stampError} />
      <section aria-labelledby="journey-h">
        <h2 id="journey-h">{t('traceJourneyHeading')}</h2>
        <JourneyTimeline events={journey} batchId={batch.id} />
        <h3>{t('traceAddEvent')}</h3>
        <p className="muted">{t('traceAppendOnlyHint')}</p>
        <JourneyEventForm
          formKey={(result && 'eventId' in result ? result.eventId : null) ?? 'new'}
          journey={journey}
          communes={communes}
          defaultCommune={batch.communeCode}
          fieldError={eventError}
        />
      </section>
      <BuyerReports reports={reports} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
