import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { FormMessage, formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { RatingStars } from '~/components/RatingStars';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { moderateReviewSchema } from '~/reviews';
import { listReviewsForModeration, moderateReview } from '~/reviews/index.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('rvAdminTitle') },
];

/** The operator's moderation queue: reported reviews first, each hidden with a reason or shown again. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const reviews = await orErrorPage(langFromRequest(request), () =>
    listReviewsForModeration(context.services.db, actor),
  );
  return data({ reviews }, { headers: { 'Cache-Control': 'private, no-store' } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const submission = parseSubmission(moderateReviewSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    await moderateReview(context.services.db, actor, submission.value);
    return { done: submission.value.reviewId };
  });
}

export default function ReviewModeration() {
  const { reviews } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const feedback = formFeedback(answer);
  const { t } = useI18n();
  return (
    <div className="workspace">
      <h1>{t('rvAdminHeading')}</h1>
      {answer && 'done' in answer ? (
        <p className="notice notice--ok" role="status">
          {t('rvModerated')}
        </p>
      ) : null}
      <FormMessage error={feedback.formError} />
      {reviews.length === 0 ? <p className="muted">{t('rvAdminEmpty')}</p> : null}
      <ul className="review-list">
        {reviews.map((r) => (
          <li key={r.id} className="review" data-testid="moderation-review">
            <p className="review__head">
              <Link to={`/san-pham/${r.product_slug}#danh-gia`}>{r.product_name}</Link> ·{' '}
              <RatingStars value={r.rating} /> <strong>{r.author_name}</strong>{' '}
              <span className="muted">{formatDateTime(r.created_at)}</span>{' '}
              {r.report_count ? (
                <span className="tag tag--warn">{t('rvReports', { n: r.report_count })}</span>
              ) : null}
            </p>
            {r.body ? <p className="review__body">{r.body}</p> : null}
            {r.reports.length ? (
              <ul className="muted">
                {r.reports.map((x, i) => (
                  <li key={i}>{x.reason}</li>
                ))}
              </ul>
            ) : null}
            {r.state === 'hidden' ? (
              <Form method="post">
                <p>{t('rvHidden', { reason: r.hidden_reason ?? '' })}</p>
                <input type="hidden" name="reviewId" value={r.id} />
                <button type="submit" name="intent" value="show" className="button--secondary">
                  {t('rvShow')}
                </button>
              </Form>
            ) : (
              <Form method="post" className="stacked-form">
                <input type="hidden" name="reviewId" value={r.id} />
                <label htmlFor={`hide-${r.id}`}>{t('rvHideReason')}</label>
                <input id={`hide-${r.id}`} name="reason" required minLength={3} maxLength={300} />
                {feedback.value('reviewId') === String(r.id) && feedback.fieldError('reason') ? (
                  <p className="field__error" role="alert">
                    {feedback.fieldError('reason')}
                  </p>
                ) : null}
                <button type="submit" name="intent" value="hide">
                  {t('rvHide')}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
