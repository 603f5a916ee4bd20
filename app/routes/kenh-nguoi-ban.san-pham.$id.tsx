import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { formFeedback, FormMessage } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { ListingFields } from '~/components/ListingFields';
import { OcopClaimForm } from '~/components/OcopClaimForm';
import { ProductStockForm } from '~/components/ProductStockForm';
import { listingStatusName, productPageSchema } from '~/catalogue';
import {
  adjustStock,
  changeListingStatus,
  fileBuffer,
  getListingDetail,
  listCommunes,
  readForm,
  setOcopClaim,
  submitOcopClaim,
  updateListing,
  uploadProductPhoto,
} from '~/catalogue/index.server';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { imageUrl } from '~/lib/image-urls';
import { formatVnd } from '~/lib/money';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const { db } = context.services;
  const detail = await orErrorPage(lang, () => getListingDetail(db, actor, Number(params.id)));
  return data(
    {
      ...detail,
      communes: await listCommunes(db, detail.provinceCode),
      title: translator(lang)('sellEditListingTitle'),
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

/** One form per intent (productPageSchema); files are read from the multipart body apart. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const { db, config } = context.services;
  const id = Number(params.id);
  return withUserErrors(lang, async () => {
    const form = await readForm(request);
    const submission = parseSubmission(productPageSchema, form);
    if (!submission.ok) return submissionFailed(lang, submission);
    const input = submission.value;
    switch (input.intent) {
      case 'save':
        await updateListing(db, actor, id, input.listing);
        return { ok: 'saved' as const };
      case 'photo':
        await uploadProductPhoto(db, actor, id, await fileBuffer(form, 'photo'), config.uploadsDir);
        return { ok: 'photo' as const };
      case 'stock':
        await adjustStock(db, actor, id, input.delta, input.reason);
        return { ok: 'stock' as const };
      case 'ocop': {
        const { intent: _, ...claim } = input;
        await submitOcopClaim(db, actor, id, claim, await fileBuffer(form, 'scan'), config.dataDir);
        return { ok: 'ocop' as const };
      }
      case 'remove-ocop':
        await setOcopClaim(db, actor, id, null);
        return { ok: 'ocop' as const };
      default:
        await changeListingStatus(db, actor, id, input.intent);
        return { ok: 'status' as const };
    }
  });
}

export default function EditListing() {
  const { product, images, certificate, certifications, stockHistory, communes, organizationName } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const feedback = formFeedback(result);
  const { lang, t } = useI18n();
  const photoError = feedback.fieldError('photo');
  const sentBack = product.status === 'changes_requested';
  const canSubmit = product.status === 'draft' || product.status === 'rejected' || sentBack;
  return (
    <article className="workspace">
      <p>
        <Link to="/kenh-nguoi-ban">← {t('sellerHome')}</Link>
      </p>
      <h1>{product.name}</h1>
      <p>
        <span className={`status status--${sentBack ? 'rejected' : product.status}`}>
          {listingStatusName(product.status)[lang]}
        </span>{' '}
        <span className="muted">{organizationName}</span>
      </p>
      <p>
        <Link to={`/kenh-nguoi-ban/san-pham/${product.id}/lo-hang`}>{t('sellBatchesLink')} →</Link>
      </p>
      {product.rejection_reason ? (
        <p className="form-error">
          {sentBack ? t('toReviewerNote') : t('sellReviewerSaid')}
          {product.rejection_reason}
        </p>
      ) : null}
      {result && 'ok' in result ? (
        <p className="notice notice--ok" role="status">
          {t('sellSaved')}
        </p>
      ) : null}
      <FormMessage error={feedback.formError} />

      <section aria-labelledby="status-h">
        <h2 id="status-h">{t('sellPublishing')}</h2>
        <div className="inline-form">
          {canSubmit ? (
            <Form method="post">
              <input type="hidden" name="intent" value="submit" />
              <button type="submit">{t('sellSubmitForReview')}</button>
            </Form>
          ) : null}
          <Form method="post">
            <input
              type="hidden"
              name="intent"
              value={product.status === 'archived' ? 'restore' : 'archive'}
            />
            <button type="submit" className="button--secondary">
              {product.status === 'archived' ? t('sellRestore') : t('sellArchive')}
            </button>
          </Form>
          {product.status === 'published' ? (
            <Link to={`/san-pham/${product.slug}`}>{t('sellViewInShop')}</Link>
          ) : null}
          <Link to={`/kenh-nguoi-ban/san-pham/${product.id}/xem-truoc`}>{t('owPreviewLink')}</Link>
        </div>
      </section>

      <section aria-labelledby="photos-h">
        <h2 id="photos-h">{t('sellPhotos')}</h2>
        <ul className="chip-list">
          {images.map((i) => (
            <li key={i.storage_key}>
              <img src={imageUrl(i.storage_key, 320)} alt="" width={120} height={120} />
            </li>
          ))}
        </ul>
        <Form method="post" encType="multipart/form-data" className="inline-form">
          <input type="hidden" name="intent" value="photo" />
          <label htmlFor="photo">{t('sellAddPhoto')}</label>
          <input
            id="photo"
            name="photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            required
          />
          <button type="submit">{t('sellUpload')}</button>
        </Form>
        {photoError ? (
          <p className="field__error" role="alert">
            {photoError}
          </p>
        ) : null}
      </section>

      <ProductStockForm stock={product.stock} history={stockHistory} feedback={feedback} />
      <OcopClaimForm certificate={certificate} feedback={feedback} />

      <section aria-labelledby="details-h">
        <h2 id="details-h">
          {t('sellDetails')} <span className="muted">({formatVnd(product.price_vnd)})</span>
        </h2>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="save" />
          <ListingFields
            values={{
              name: product.name,
              description: product.description,
              group: product.ocop_group,
              category: product.category,
              unit: product.unit,
              netQuantity: product.net_quantity,
              weightG: product.weight_g,
              priceVnd: product.price_vnd,
              gtin: product.gtin,
              originCommuneCode: product.origin_commune_code,
              certifications,
            }}
            communes={communes}
            feedback={feedback}
          />
          <button type="submit">{t('sellSaveChanges')}</button>
        </Form>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
