import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useFetcher, useLoaderData } from '@remix-run/react';
import { useState } from 'react';
import { Field, FormMessage, formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { CommuneSelect, ProvincePicker } from '~/components/PlacePicker';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import { addressFields, type CheckoutAddressForm } from '~/orders';
import {
  cartOwnerFor,
  type CheckoutSettings,
  checkoutAccessCookie,
  loadCheckoutPage,
  parseCheckoutForm,
  reviewCheckout,
  submitCheckout,
} from '~/orders/index.server';
import type { AppServices } from '~/services.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('orTitleCheckout') },
  { name: 'robots', content: 'noindex' },
];

function settingsOf(services: AppServices): CheckoutSettings {
  return {
    feeTable: services.deliveryFees,
    methods: services.payments.methods,
    cardPaymentMinutes: services.config.payments.cardPaymentMinutes,
    bankTransferHours: services.config.payments.bankTransferHours,
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { owner, userId } = await cartOwnerFor(request, context);
  const provinceCode = new URL(request.url).searchParams.get('tinh') ?? '';
  const page = await loadCheckoutPage(context.services.db, owner, userId, provinceCode);
  if (!page) throw redirect('/gio-hang');
  return data(
    { ...page, methods: context.services.payments.methods, off: context.services.payments.off },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

/** `intent=review` prices the delivery; `intent=place` places the order (decision 009: one schema). */
export async function action({ request, context }: ActionFunctionArgs) {
  const lang = langFromRequest(request);
  const { db } = context.services;
  const { owner, userId } = await cartOwnerFor(request, context);
  if (!owner) return redirect('/gio-hang');
  return withUserErrors(lang, async () => {
    const submission = await parseCheckoutForm(db, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    const form = submission.value;
    const fields = addressFields(form);
    if (form.intent === 'review') {
      const review = await reviewCheckout(
        db,
        owner,
        form.provinceCode,
        context.services.deliveryFees,
      );
      return { fields, review };
    }
    const outcome = await submitCheckout(db, owner, userId, form, settingsOf(context.services));
    if (outcome.kind === 'cart_empty') return redirect('/gio-hang');
    if (outcome.kind === 'placed') {
      const { reference, accessToken } = outcome.placed;
      return redirect(`/dat-hang/${reference}`, {
        headers: { 'Set-Cookie': checkoutAccessCookie(context, reference, accessToken) },
      });
    }
    const { error, review } = outcome;
    const message = error.userMessage[lang];
    return data(
      review
        ? { fields, review, error: { field: null, message } }
        : { fields, fieldErrors: { [error.field ?? 'provinceCode']: message } },
      { status: error.status },
    );
  });
}

type AddressField = keyof CheckoutAddressForm;

export default function Checkout() {
  const { cart, provinces, communes, provinceCode, prefill, methods, off } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { formError, fieldError, value } = formFeedback(result);
  const { lang, t } = useI18n();
  const fields = result && 'fields' in result ? result.fields : null;
  const reviewData = result && 'review' in result ? result.review : null;
  const defaults: CheckoutAddressForm = {
    contactName: prefill.name,
    contactPhone: prefill.phone,
    contactEmail: prefill.email,
    provinceCode,
    communeCode: '',
    street: '',
    note: '',
  };
  const typed = (name: AddressField) => fields?.[name] ?? value(name) ?? defaults[name];
  // With JavaScript the province fetches its communes in place (one step, no second submit).
  const communeFetcher = useFetcher<typeof loader>();
  const [pickedProvince, setPickedProvince] = useState<string | null>(null);
  const chosenProvince = pickedProvince ?? (typed('provinceCode') || provinceCode);
  const shownCommunes =
    pickedProvince === null || pickedProvince === provinceCode
      ? communes
      : communeFetcher.data?.provinceCode === pickedProvince
        ? communeFetcher.data.communes
        : [];
  const pickProvince = (code: string) => {
    setPickedProvince(code);
    if (code) communeFetcher.load(`/thanh-toan?tinh=${encodeURIComponent(code)}`);
  };
  const placeError = (name: AddressField) => {
    const message = fieldError(name);
    return message ? (
      <p className="field-error" role="alert">
        {message}
      </p>
    ) : null;
  };
  return (
    <article className="checkout">
      <p>
        <Link to="/gio-hang">← {t('cart')}</Link>
      </p>
      <h1>{t('orCheckoutHeading')}</h1>
      <p>{t('orCheckoutSummary', { items: cart.itemCount, cooperatives: cart.groups.length })}</p>
      <section>
        <h2>{t('orCheckoutAddressStep')}</h2>
        <ProvincePicker
          provinces={provinces}
          provinceCode={chosenProvince}
          lang={lang}
          onPick={pickProvince}
        />
        <Form
          method="post"
          className="stacked-form"
          action={chosenProvince ? `/thanh-toan?tinh=${chosenProvince}` : '/thanh-toan'}
        >
          {reviewData ? null : <FormMessage error={formError} />}
          <input type="hidden" name="provinceCode" value={chosenProvince} />
          {placeError('provinceCode')}
          {chosenProvince && (
            <CommuneSelect
              key={shownCommunes === communes ? 'page' : chosenProvince}
              communes={shownCommunes}
              communeCode={shownCommunes === communes ? typed('communeCode') : ''}
              lang={lang}
            />
          )}
          {placeError('communeCode')}
          <Field
            label={t('orStreet')}
            name="street"
            defaultValue={typed('street')}
            error={fieldError('street')}
            required
            autoComplete="street-address"
          />
          <Field
            label={t('orRecipientName')}
            name="contactName"
            defaultValue={typed('contactName')}
            error={fieldError('contactName')}
            required
            autoComplete="name"
          />
          <Field
            label={t('orPhone')}
            name="contactPhone"
            type="tel"
            defaultValue={typed('contactPhone')}
            error={fieldError('contactPhone')}
            required
            autoComplete="tel"
            inputMode="tel"
          />
          <Field
            label={t('orEmailOptional')}
            name="contactEmail"
            type="email"
            defaultValue={typed('contactEmail')}
            error={fieldError('contactEmail')}
            autoComplete="email"
          />
          <Field
            label={t('orNoteForSeller')}
            name="note"
            defaultValue={typed('note')}
            error={fieldError('note')}
          />
          <button
            type="submit"
            name="intent"
            value="review"
            className={reviewData ? 'button--secondary' : undefined}
          >
            {t('orWorkOutDelivery')}
          </button>
        </Form>
      </section>
      {reviewData && fields && (
        <section className="checkout-review" aria-live="polite">
          <h2>{t('orCheckoutReviewStep')}</h2>
          <FormMessage error={formError} />
          {reviewData.shipments.map((s) => (
            <div key={s.organizationName} className="shipment">
              <h3>{s.organizationName}</h3>
              <ul>
                {s.lines.map((l) => (
                  <li key={l.name}>
                    {l.name} × {l.quantity} {l.unit} — {formatVnd(l.lineVnd)}
                  </li>
                ))}
              </ul>
              <p>
                {t('orDeliveryWeight', {
                  kg: (s.weightG / 1000).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'),
                })}{' '}
                {s.freeDelivery ? t('orFree') : formatVnd(s.deliveryVnd)}
              </p>
            </div>
          ))}
          <dl className="totals">
            <dt>{t('orGoods')}</dt>
            <dd>{formatVnd(reviewData.goodsVnd)}</dd>
            <dt>{t('orDelivery')}</dt>
            <dd>{formatVnd(reviewData.deliveryVnd)}</dd>
            <dt>{t('orTotalToPay')}</dt>
            <dd>
              <strong data-testid="checkout-total">{formatVnd(reviewData.totalVnd)}</strong>
            </dd>
          </dl>
          <Form method="post" className="stacked-form">
            {Object.entries(fields).map(([name, v]) => (
              <input key={name} type="hidden" name={name} value={v} />
            ))}
            <input type="hidden" name="cartVersion" value={reviewData.cartVersion} />
            <input type="hidden" name="expectedTotalVnd" value={reviewData.totalVnd} />
            <fieldset>
              <legend>{t('orPaymentMethod')}</legend>
              {methods.map((method, i) => (
                <label key={method} className="choice">
                  <input
                    type="radio"
                    name="paymentMethod"
                    value={method}
                    defaultChecked={i === 0}
                    required
                  />
                  <span>
                    {t(`orPayMethod_${method}`)}
                    <small> — {t(`orPayMethodHint_${method}`)}</small>
                  </span>
                </label>
              ))}
              {off.map(({ method, keys }) => (
                <label key={method} className="choice choice--off" data-testid={`off-${method}`}>
                  <input type="radio" name="paymentMethod" value={method} disabled />
                  <span>
                    {t(`orPayMethod_${method}`)} — {t('orPayMethodsOff')}
                    <small> {t('orPayMethodOffHint', { keys: keys.join(', ') })}</small>
                  </span>
                </label>
              ))}
            </fieldset>
            <button type="submit" name="intent" value="place">
              {t('orPlaceOrder', { total: formatVnd(reviewData.totalVnd) })}
            </button>
          </Form>
        </section>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
