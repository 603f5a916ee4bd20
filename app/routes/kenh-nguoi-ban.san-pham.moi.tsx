import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireOrgMember } from '~/accounts';
import { requireActor } from '~/accounts/index.server';
import { FormMessage } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { ListingFields } from '~/components/ListingFields';
import {
  fileBuffer,
  parseListingForm,
  readForm,
  addProductPhoto,
  createListing,
  listCommunes,
} from '~/catalogue/index.server';
import { langFromRequest, useI18n } from '~/i18n';
import { orErrorPage, withUserErrors } from '~/lib/forms.server';
import { processUploadedPhoto } from '~/lib/images.server';

export const meta: MetaFunction = () => [{ title: 'Thêm sản phẩm — Chợ Phiên' }];

async function organizationFor(request: Request, context: LoaderFunctionArgs['context']) {
  const actor = await requireActor(request, context);
  const organizationId = Number(new URL(request.url).searchParams.get('to-chuc'));
  requireOrgMember(actor, organizationId);
  const org = await context.services.db
    .selectFrom('organizations')
    .select(['id', 'name', 'province_code'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return { actor, org };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await orErrorPage(langFromRequest(request), () =>
    organizationFor(request, context),
  );
  return data(
    { org, communes: await listCommunes(context.services.db, org.province_code) },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = langFromRequest(request);
  const { actor, org } = await orErrorPage(lang, () => organizationFor(request, context));
  return withUserErrors(lang, async () => {
    const form = await readForm(request);
    const input = parseListingForm(form);
    const photo = await fileBuffer(form, 'photo');
    // Check the photo before writing anything, so a bad photo leaves no half-made product behind.
    const image = photo ? await processUploadedPhoto(photo) : null;
    const id = await createListing(context.services.db, actor, org.id, input);
    if (image)
      await addProductPhoto(
        context.services.db,
        actor,
        id,
        image,
        context.services.config.uploadsDir,
      );
    return redirect(`/kenh-nguoi-ban/san-pham/${id}`);
  });
}

export default function NewListing() {
  const { org, communes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
  const { lang } = useI18n();
  const vi = lang === 'vi';
  return (
    <section>
      <h1>{vi ? `Thêm sản phẩm — ${org.name}` : `Add a product — ${org.name}`}</h1>
      <Form method="post" encType="multipart/form-data" className="form">
        <FormMessage error={error} />
        <div className="field">
          <label htmlFor="photo">
            {vi ? 'Ảnh sản phẩm (chụp bằng điện thoại)' : 'Product photo (take it with your phone)'}
          </label>
          <input
            id="photo"
            name="photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            aria-describedby="photo-hint"
          />
          <p id="photo-hint" className="field__hint muted">
            {vi ? 'JPEG, PNG hoặc WebP, tối đa 10 MB.' : 'JPEG, PNG or WebP, 10 MB at most.'}
          </p>
          {error?.field === 'photo' ? (
            <p className="field__error" role="alert">
              {error.message}
            </p>
          ) : null}
        </div>
        <ListingFields communes={communes} error={error} lang={lang} />
        <button type="submit">{vi ? 'Lưu bản nháp' : 'Save as draft'}</button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
