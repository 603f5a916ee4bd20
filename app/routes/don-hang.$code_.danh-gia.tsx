import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { readForm } from '~/catalogue/index.server';
import { FormMessage, formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { orderPartiesFor } from '~/orders/index.server';
import { MAX_REVIEW_LENGTH, writeReviewSchema } from '~/reviews';
import { reviewPageForOrder, writeReview } from '~/reviews/index.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('rvTitleWrite') },
  { name: 'robots', content: 'noindex' },
];

/** The buyer's review page for one order: a form per product line not yet reviewed. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const code = String(params.code).toUpperCase();
  const page = await orErrorPage(langFromRequest(request), async () =>
    reviewPageForOrder(context.services.db, await orderPartiesFor(request, context, code), code),
  );
  return data(page, { headers: { 'Cache-Control': 'private, no-store' } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const code = String(params.code).toUpperCase();
  const lang = langFromRequest(request);
  const { db, config } = context.services;
  return withUserErrors(lang, async () => {
    const parties = await orderPartiesFor(request, context, code);
    const form = await readForm(request);
    const submission = parseSubmission(writeReviewSchema, form);
    if (!submission.ok) return submissionFailed(lang, submission);
    const photos: Buffer[] = [];
    for (const file of form.getAll('photos')) {
      if (typeof file !== 'string' && file.size > 0)
        photos.push(Buffer.from(await file.arrayBuffer()));
    }
    await writeReview(db, parties, code, submission.value, photos, config.uploadsDir);
    return redirect(`/don-hang/${code}/danh-gia?da-gui=${submission.value.productId}`);
  });
}

export default function WriteReviews() {
  const page = useLoaderData<typeof loader>();
  const feedback = formFeedback(useActionData<typeof action>());
  const [params] = useSearchParams();
  const { t } = useI18n();
  const failedLine = Number(feedback.value('productId') ?? 0);
  return (
    <article className="narrow">
      <h1>{t('rvWriteHeading', { code: page.code })}</h1>
      {params.get('da-gui') ? (
        <p className="notice notice--ok" role="status">
          {t('rvThanks')}
        </p>
      ) : null}
      {page.received ? <p>{t('rvWriteIntro')}</p> : <p>{t('rvNotYetDelivered')}</p>}
      {failedLine ? null : <FormMessage error={feedback.formError} />}
      {page.received
        ? page.lines.map((line) => (
            <section key={line.productId} className="review-form" aria-label={line.productName}>
              <h2 className="h3">
                {line.slug ? (
                  <Link to={`/san-pham/${line.slug}#danh-gia`}>{line.productName}</Link>
                ) : (
                  line.productName
                )}
              </h2>
              {line.reviewedRating !== null ? (
                <p className="muted">{t('rvYourRating', { n: line.reviewedRating })}</p>
              ) : (
                <ReviewForm
                  productId={line.productId}
                  feedback={failedLine === line.productId ? feedback : null}
                />
              )}
            </section>
          ))
        : null}
      <p>
        <Link to={`/don-hang/${page.code}`}>← {page.code}</Link>
      </p>
    </article>
  );
}

function ReviewForm({
  productId,
  feedback,
}: {
  productId: number;
  feedback: ReturnType<typeof formFeedback> | null;
}) {
  const { t } = useI18n();
  const id = `review-${productId}`;
  const error = (name: string) => feedback?.fieldError(name) ?? null;
  const problem = error('rating') ?? error('body') ?? error('photos') ?? error('photo');
  return (
    <Form method="post" encType="multipart/form-data" className="stacked-form">
      {feedback ? <FormMessage error={feedback.formError} /> : null}
      <input type="hidden" name="productId" value={productId} />
      <fieldset className="star-choice">
        <legend>{t('rvStars')}</legend>
        {[5, 4, 3, 2, 1].map((n) => (
          <label key={n}>
            <input
              type="radio"
              name="rating"
              value={n}
              required
              defaultChecked={feedback?.value('rating') === String(n)}
            />{' '}
            {t('rvStarOption', { n })}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-body`}>{t('rvBody')}</label>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={4}
        maxLength={MAX_REVIEW_LENGTH}
        defaultValue={feedback?.value('body')}
      />
      <label htmlFor={`${id}-photos`}>{t('rvPhotos')}</label>
      <input
        id={`${id}-photos`}
        name="photos"
        type="file"
        multiple
        accept="image/jpeg,image/png,image/webp"
      />
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      <button type="submit">{t('rvSubmit')}</button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
