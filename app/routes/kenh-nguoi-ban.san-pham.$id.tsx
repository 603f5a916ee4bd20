import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { requireActor } from '~/accounts/index.server';
import { EditSection, FormAnswer } from '~/components/EditSection';
import { formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import {
  ListingBasicsFields,
  ListingCertificationFields,
  ListingPriceFields,
  ListingShippingFields,
} from '~/components/ListingFields';
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
import { answerFor, orErrorPage, submissionFailed, withUserErrors } from '~/lib/forms.server';
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

/**
 * One form per intent (productPageSchema): each section of the page saves its own fields only, and
 * its answer names the form it answers, so the page shows it there. Files are read from the body apart.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const { db, config } = context.services;
  const id = Number(params.id);
  let intent = '';
  const answer = await withUserErrors(lang, async () => {
    const form = await readForm(request);
    intent = String(form.get('intent') ?? '');
    const submission = parseSubmission(productPageSchema, form);
    if (!submission.ok) return submissionFailed(lang, submission);
    const input = submission.value;
    switch (input.intent) {
      case 'basics':
      case 'price':
      case 'shipping':
      case 'certifications':
        await updateListing(db, actor, id, input.listing);
        return { ok: input.intent };
      case 'photo':
        await uploadProductPhoto(db, actor, id, await fileBuffer(form, 'photo'), config.uploadsDir);
        return { ok: input.intent };
      case 'stock':
        await adjustStock(db, actor, id, input.delta, input.reason);
        return { ok: input.intent };
      case 'ocop': {
        const { intent: _, ...claim } = input;
        await submitOcopClaim(db, actor, id, claim, await fileBuffer(form, 'scan'), config.dataDir);
        return { ok: input.intent };
      }
      case 'remove-ocop':
        await setOcopClaim(db, actor, id, null);
        return { ok: 'ocop' as const };
      default:
        await changeListingStatus(db, actor, id, input.intent);
        return { ok: 'status' as const };
    }
  });
  return answerFor(formOfIntent(intent), answer);
}

/** The form an intent belongs to; a body refused before its intent was read answers at the top. */
function formOfIntent(intent: string): FormName {
  if (intent === 'remove-ocop') return 'ocop';
  return intent in SAVED && intent !== 'status' ? (intent as FormName) : 'status';
}

const SAVED = {
  basics: 'leSavedBasics',
  price: 'leSavedPrice',
  stock: 'leSavedStock',
  photo: 'leSavedPhoto',
  ocop: 'leSavedOcop',
  shipping: 'leSavedShipping',
  certifications: 'leSavedCertifications',
  status: 'sellSaved',
} as const;

type FormName = keyof typeof SAVED;

/** The sections of the page, in order, each with the anchor the section links point at. */
const SECTIONS = [
  ['co-ban', 'leBasics'],
  ['gia', 'lePriceStock'],
  ['anh', 'sellPhotos'],
  ['ocop', 'leOcop'],
  ['giao-hang', 'leShipping'],
] as const;

export default function EditListing() {
  const { product, images, certificate, certifications, stockHistory, communes, organizationName } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { form?: string; ok?: string } | undefined;
  const { lang, t } = useI18n();
  const none = formFeedback(undefined);
  /** Each form sees only the answer to itself: its success, its field errors, what was typed. */
  const answerTo = (name: FormName) =>
    result?.form === name
      ? {
          feedback: formFeedback(result),
          saved: result.ok ? t(SAVED[name]) : null,
        }
      : { feedback: none, saved: null };
  const here = `/kenh-nguoi-ban/san-pham/${product.id}`;
  const values = {
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
  };
  const status = answerTo('status');
  const photo = answerTo('photo');
  const photoError = photo.feedback.fieldError('photo');
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
      <nav aria-label={t('leSectionsNav')} className="section-nav">
        <ul>
          {SECTIONS.map(([anchor, title]) => (
            <li key={anchor}>
              <a href={`#${anchor}`}>{t(title)}</a>
            </li>
          ))}
          <li>
            <Link to={`${here}/lo-hang`}>{t('sellBatchesLink')} →</Link>
          </li>
        </ul>
      </nav>
      {product.rejection_reason ? (
        <p className="form-error">
          {sentBack ? t('toReviewerNote') : t('sellReviewerSaid')}
          {product.rejection_reason}
        </p>
      ) : null}

      <section aria-labelledby="status-h">
        <h2 id="status-h">{t('sellPublishing')}</h2>
        <FormAnswer saved={status.saved} feedback={status.feedback} anyField />
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
          <Link to={`${here}/xem-truoc`}>{t('owPreviewLink')}</Link>
        </div>
      </section>

      <EditSection id="co-ban" title={t('leBasics')}>
        <SectionForm action={`${here}#co-ban`} intent="basics" answer={answerTo('basics')}>
          <ListingBasicsFields values={values} feedback={answerTo('basics').feedback} />
          <button type="submit">{t('leSaveBasics')}</button>
        </SectionForm>
      </EditSection>

      <EditSection
        id="gia"
        title={
          <>
            {t('lePriceStock')} <span className="muted">({formatVnd(product.price_vnd)})</span>
          </>
        }
      >
        <SectionForm action={`${here}#gia`} intent="price" answer={answerTo('price')}>
          <ListingPriceFields values={values} feedback={answerTo('price').feedback} />
          <button type="submit">{t('leSavePrice')}</button>
        </SectionForm>
        <ProductStockForm
          stock={product.stock}
          history={stockHistory}
          action={`${here}#gia`}
          {...answerTo('stock')}
        />
      </EditSection>

      <EditSection id="anh" title={t('sellPhotos')}>
        <ul className="chip-list">
          {images.map((i) => (
            <li key={i.storage_key}>
              <img src={imageUrl(i.storage_key, 320)} alt="" width={120} height={120} />
            </li>
          ))}
        </ul>
        <FormAnswer saved={photo.saved} feedback={photo.feedback} />
        <Form
          method="post"
          action={`${here}#anh`}
          encType="multipart/form-data"
          className="inline-form"
          aria-label={t('sellAddPhoto')}
        >
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
      </EditSection>

      <EditSection id="ocop" title={t('leOcop')}>
        <OcopClaimForm certificate={certificate} action={`${here}#ocop`} {...answerTo('ocop')} />
        <h3 id="certifications-h">{t('leOtherCertifications')}</h3>
        <SectionForm
          action={`${here}#ocop`}
          intent="certifications"
          answer={answerTo('certifications')}
          labelledBy="certifications-h"
        >
          <ListingCertificationFields
            values={values}
            feedback={answerTo('certifications').feedback}
          />
          <button type="submit">{t('leSaveCertifications')}</button>
        </SectionForm>
      </EditSection>

      <EditSection id="giao-hang" title={t('leShipping')}>
        <SectionForm action={`${here}#giao-hang`} intent="shipping" answer={answerTo('shipping')}>
          <ListingShippingFields
            values={values}
            communes={communes}
            feedback={answerTo('shipping').feedback}
          />
          <button type="submit">{t('leSaveShipping')}</button>
        </SectionForm>
      </EditSection>
    </article>
  );
}

/** A section's own form: its intent, its answer above it; named by its section's heading. */
function SectionForm({
  action,
  intent,
  answer,
  labelledBy,
  children,
}: {
  action: string;
  intent: string;
  answer: { feedback: ReturnType<typeof formFeedback>; saved: string | null };
  labelledBy?: string;
  children: ReactNode;
}) {
  const section = action.split('#')[1];
  return (
    <>
      <FormAnswer saved={answer.saved} feedback={answer.feedback} />
      <Form
        method="post"
        action={action}
        className="form"
        aria-labelledby={labelledBy ?? `${section}-h`}
      >
        <input type="hidden" name="intent" value={intent} />
        {children}
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
