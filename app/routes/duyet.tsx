import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { FormMessage, formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { reviewQueueWithDetails } from '~/catalogue/index.server';
import { OrganizationFacts, ProductFacts } from '~/components/review/ReviewFacts';
import { langFromRequest, translator, useI18n, type Translate } from '~/i18n';
import { formatCalendarDate, formatDateTime } from '~/lib/dates';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import { reviewDecisionSchema } from '~/tradeoffice';
import { recordReviewDecision } from '~/tradeoffice/index.server';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
];

/** How long something has waited, in whole days, for the queue ("chờ 3 ngày"). */
function waited(t: Translate, since: string | null): string {
  if (!since) return '';
  const days = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / 86_400_000));
  return ` · ${t(days === 1 ? 'toWaitedOne' : 'toWaitedMany', { n: days })}`;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const queue = await orErrorPage(lang, () => reviewQueueWithDetails(context.services.db, actor));
  const title = translator(lang)('toReviewTitle');
  return data({ ...queue, title }, { headers: { 'Cache-Control': 'private, no-store' } });
}

/** One action for the three kinds of review; every decision is checked against the officer's province in the domain. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const submission = parseSubmission(reviewDecisionSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    await recordReviewDecision(context.services.db, actor, submission.value);
    return { ok: true as const };
  });
}

/** Approve; reject with a reason; or send back asking for changes with a note. Three small forms, no JavaScript needed. */
function Decision({ intent, id }: { intent: string; id: number }) {
  const { t } = useI18n();
  return (
    <div className="inline-form review-decision" role="group" aria-label={t('owrDecision')}>
      <Form method="post">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="decision" value="approve" />
        <button type="submit">{t('toApprove')}</button>
      </Form>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="decision" value="request_changes" />
        <input
          name="reason"
          aria-label={t('toRequestChangesNote')}
          placeholder={t('toRequestChangesNote')}
        />
        <button type="submit" className="button--secondary">
          {t('toRequestChanges')}
        </button>
      </Form>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="decision" value="reject" />
        <input name="reason" aria-label={t('toRejectReason')} placeholder={t('toRejectReason')} />
        <button type="submit" className="button--secondary">
          {t('toReject')}
        </button>
      </Form>
    </div>
  );
}

export default function ReviewQueue() {
  const { organizations, listings, claims, details } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { formError } = formFeedback(result);
  const { t } = useI18n();
  return (
    <div className="workspace">
      <h1>{t('toReviewHeading')}</h1>
      <FormMessage error={formError} />
      {result && 'ok' in result ? (
        <p className="notice notice--ok" role="status">
          {t('toDecisionRecorded')}
        </p>
      ) : null}
      <section aria-labelledby="q-orgs">
        <h2 id="q-orgs">{t('toOrgsWaiting', { n: organizations.length })}</h2>
        <ul className="review-list">
          {organizations.map((o) => (
            <li key={o.id} className="review-card">
              <div>
                <h3>{o.name}</h3>
                <p className="muted">
                  {o.province_name} · {formatDateTime(o.created_at)}
                  {waited(t, o.created_at)}
                </p>
                <OrganizationFacts org={details.organizations[o.id]} />
              </div>
              <Decision intent="organization" id={o.id} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="q-listings">
        <h2 id="q-listings">{t('toListingsWaiting', { n: listings.length })}</h2>
        <ul className="review-list">
          {listings.map((l) => (
            <li key={l.id} className="review-card">
              <div>
                <h3>{l.name}</h3>
                <p>
                  <strong>
                    {formatVnd(l.price_vnd)} / {l.unit}
                  </strong>
                  <span className="muted">
                    {l.verification_state !== 'approved' ? ` · ${t('toOrgNotApproved')}` : ''}
                    {waited(t, l.submitted_at)}
                  </span>
                </p>
                <ProductFacts product={details.products[l.id]} />
                <OrganizationFacts org={details.organizations[l.organization_id]} />
              </div>
              <Decision intent="listing" id={l.id} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="q-ocop">
        <h2 id="q-ocop">{t('toClaimsWaiting', { n: claims.length })}</h2>
        <ul className="review-list">
          {claims.map((c) => (
            <li key={c.product_id} className="review-card">
              <div>
                <h3>{c.name}</h3>
                <p>
                  {c.stars}★ · {c.certificate_no} · {c.issuer} · {formatCalendarDate(c.issued_on)} →{' '}
                  {formatCalendarDate(c.expires_on)}
                  <span className="muted">{waited(t, c.updated_at)}</span>
                </p>
                <p>
                  {c.scan_key ? (
                    <a href={`/duyet/chung-nhan/${c.product_id}`} target="_blank" rel="noreferrer">
                      {t('owrScan')}
                    </a>
                  ) : (
                    <span className="muted">{t('owrNoScan')}</span>
                  )}
                </p>
                <ProductFacts product={details.products[c.product_id]} />
                <OrganizationFacts org={details.organizations[c.organization_id]} />
              </div>
              <Decision intent="ocop" id={c.product_id} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
