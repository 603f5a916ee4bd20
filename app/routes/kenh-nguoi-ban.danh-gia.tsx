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
import { readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { replyReviewSchema } from '~/reviews';
import { listMemberReviews, replyToReview } from '~/reviews/index.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('rvSellerTitle') },
];

/** The cooperative's reviews, each with its one answer or the form to give it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return data(
    { reviews: await listMemberReviews(context.services.db, actor) },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const submission = parseSubmission(replyReviewSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    const { reviewId, reply } = submission.value;
    await replyToReview(context.services.db, actor, reviewId, reply);
    return { done: reviewId };
  });
}

export default function SellerReviews() {
  const { reviews } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const feedback = formFeedback(answer);
  const { t } = useI18n();
  const done = answer && 'done' in answer;
  return (
    <div className="workspace">
      <h1>{t('rvSellerHeading')}</h1>
      {done ? (
        <p className="notice notice--ok" role="status">
          {t('rvReplied')}
        </p>
      ) : null}
      <FormMessage error={feedback.formError} />
      {reviews.length === 0 ? <p className="muted">{t('rvSellerEmpty')}</p> : null}
      <ul className="review-list">
        {reviews.map((r) => (
          <li key={r.id} className="review">
            <p className="review__head">
              <Link to={`/san-pham/${r.product_slug}#danh-gia`}>{r.product_name}</Link> ·{' '}
              <RatingStars value={r.rating} /> <strong>{r.author_name}</strong>{' '}
              <span className="muted">{formatDateTime(r.created_at)}</span>
            </p>
            {r.body ? <p className="review__body">{r.body}</p> : null}
            {r.reply_body ? (
              <div className="review__reply">
                <strong>{t('rvReply')}:</strong> {r.reply_body}
              </div>
            ) : !r.canReply ? (
              <p className="muted">{t('rvHelperNoReply')}</p>
            ) : (
              <Form method="post" className="stacked-form">
                <input type="hidden" name="reviewId" value={r.id} />
                <label htmlFor={`reply-${r.id}`}>{t('rvReplyLabel')}</label>
                <textarea
                  id={`reply-${r.id}`}
                  name="reply"
                  rows={3}
                  required
                  minLength={2}
                  maxLength={1000}
                />
                {feedback.value('reviewId') === String(r.id) && feedback.fieldError('reply') ? (
                  <p className="field__error" role="alert">
                    {feedback.fieldError('reply')}
                  </p>
                ) : null}
                <button type="submit">{t('rvReplySend')}</button>
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
