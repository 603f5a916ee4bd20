import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { Field, formFeedback, FormMessage } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { ListingFields } from '~/components/ListingFields';
import { MAX_INITIAL_STOCK, newListingSchema } from '~/catalogue';
import {
  createListingWithPhoto,
  fileBuffer,
  getMemberOrganization,
  listCommunes,
  readForm,
} from '~/catalogue/index.server';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, submissionFailed, withUserErrors } from '~/lib/forms.server';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
];

const organizationId = (request: Request) =>
  Number(new URL(request.url).searchParams.get('to-chuc'));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const { db } = context.services;
  const org = await orErrorPage(lang, () =>
    getMemberOrganization(db, actor, organizationId(request)),
  );
  return data(
    {
      org,
      communes: await listCommunes(db, org.province_code),
      title: translator(lang)('sellNewListingTitle'),
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const { db, config } = context.services;
  const org = await orErrorPage(lang, () =>
    getMemberOrganization(db, actor, organizationId(request)),
  );
  return withUserErrors(lang, async () => {
    const form = await readForm(request);
    const submission = parseSubmission(newListingSchema, form);
    if (!submission.ok) return submissionFailed(lang, submission);
    const photo = await fileBuffer(form, 'photo');
    const id = await createListingWithPhoto(
      db,
      actor,
      org.id,
      submission.value.listing,
      photo,
      config.uploadsDir,
      submission.value.stock,
    );
    return redirect(`/kenh-nguoi-ban/san-pham/${id}`);
  });
}

export default function NewListing() {
  const { org, communes } = useLoaderData<typeof loader>();
  const feedback = formFeedback(useActionData<typeof action>());
  const { t } = useI18n();
  const photoError = feedback.fieldError('photo');
  return (
    <section>
      <h1>{t('sellNewListingHeading', { name: org.name })}</h1>
      <Form method="post" encType="multipart/form-data" className="form">
        <FormMessage error={feedback.formError} />
        <div className="field">
          <label htmlFor="photo">{t('sellProductPhoto')}</label>
          <input
            id="photo"
            name="photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            aria-describedby="photo-hint"
          />
          <p id="photo-hint" className="field__hint muted">
            {t('sellPhotoHint')}
          </p>
          {photoError ? (
            <p className="field__error" role="alert">
              {photoError}
            </p>
          ) : null}
        </div>
        <ListingFields communes={communes} feedback={feedback} />
        <Field
          label={t('owStockLabel')}
          name="stock"
          inputMode="numeric"
          hint={t('owStockHint', { max: MAX_INITIAL_STOCK.toLocaleString('vi-VN') })}
          error={feedback.fieldError('stock')}
          defaultValue={feedback.value('stock')}
        />
        <button type="submit">{t('sellSaveDraft')}</button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
