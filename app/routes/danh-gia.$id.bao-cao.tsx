import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { Field, FormMessage, formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { RatingStars } from '~/components/RatingStars';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { reportReviewSchema } from '~/reviews';
import { reportReview, reviewForReport } from '~/reviews/index.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('rvTitleReport') },
  { name: 'robots', content: 'noindex' },
];

const reviewId = (raw: string | undefined) => (/^\d{1,12}$/.test(raw ?? '') ? Number(raw) : 0);

/** Anyone signed in may report a review to the operator (signing in first if need be). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireActor(request, context);
  const review = await orErrorPage(langFromRequest(request), () =>
    reviewForReport(context.services.db, reviewId(params.id)),
  );
  return data({ review }, { headers: { 'Cache-Control': 'private, no-store' } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const submission = parseSubmission(reportReviewSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    await reportReview(context.services.db, actor, reviewId(params.id), submission.value.reason);
    return { done: true };
  });
}

export default function ReportReview() {
  const { review } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const feedback = formFeedback(answer);
  const { t } = useI18n();
  const done = Boolean(answer && 'done' in answer);
  return (
    <article className="narrow">
      <h1>{t('rvReport')}</h1>
      <blockquote>
        <RatingStars value={review.rating} /> <strong>{review.author_name}</strong>
        {review.body ? <p>{review.body}</p> : null}
      </blockquote>
      {done ? (
        <p className="notice notice--ok" role="status">
          {t('rvReported')}
        </p>
      ) : (
        <Form method="post" className="stacked-form">
          <FormMessage error={feedback.formError} />
          <Field
            label={t('rvReportReason')}
            name="reason"
            required
            maxLength={300}
            error={feedback.fieldError('reason')}
            defaultValue={feedback.value('reason')}
          />
          <button type="submit">{t('rvReportSend')}</button>
        </Form>
      )}
      <p>
        <Link to={`/san-pham/${review.slug}#danh-gia`}>← {review.product_name}</Link>
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
