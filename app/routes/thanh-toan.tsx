import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { optionalActor } from '~/accounts/index.server';
import { Field, FormMessage } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { CommuneSelect, ProvincePicker } from '~/components/PlacePicker';
import { listCommunes, listProvinces } from '~/catalogue/index.server';
import { langFromRequest, useI18n } from '~/i18n';
import { isUserError } from '~/lib/errors';
import { text } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import {
  loadCart,
  placeCheckout,
  quoteCheckout,
  validateAddress,
  type CheckoutSettings,
  cartOwnerFor,
  checkoutAccessCookie,
} from '~/orders/index.server';
import type { PaymentMethod } from '~/orders';
import type { AppServices } from '~/services.server';

export const meta: MetaFunction = () => [
  { title: 'Đặt hàng — Chợ Phiên' },
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
  const { db } = context.services;
  const { owner } = await cartOwnerFor(request, context);
  const cart = await loadCart(db, owner);
  if (cart.itemCount === 0 || cart.changes.length > 0) throw redirect('/gio-hang');
  const actor = await optionalActor(request, context);
  const user = actor
    ? await db
        .selectFrom('users')
        .select(['display_name', 'phone', 'email'])
        .where('id', '=', actor.userId)
        .executeTakeFirst()
    : null;
  const provinceCode = new URL(request.url).searchParams.get('tinh') ?? '';
  const provinces = await listProvinces(db);
  const communes = provinces.some((p) => p.code === provinceCode)
    ? await listCommunes(db, provinceCode)
    : [];
  return data(
    {
      cart,
      provinces,
      communes,
      provinceCode,
      prefill: {
        name: user?.display_name ?? '',
        phone: user?.phone ?? '',
        email: user?.email ?? '',
      },
      methods: context.services.payments.methods,
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

function addressFields(form: FormData) {
  return {
    contactName: text(form, 'contactName'),
    contactPhone: text(form, 'contactPhone'),
    contactEmail: text(form, 'contactEmail'),
    provinceCode: text(form, 'provinceCode'),
    communeCode: text(form, 'communeCode'),
    street: text(form, 'street'),
    note: text(form, 'note'),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = langFromRequest(request);
  const { db } = context.services;
  const form = await request.formData();
  const fields = addressFields(form);
  const { owner, userId } = await cartOwnerFor(request, context);
  if (!owner) return redirect('/gio-hang');
  if (text(form, 'intent') === 'place') {
    try {
      const placed = await placeCheckout(
        db,
        owner,
        userId,
        {
          ...fields,
          paymentMethod: text(form, 'paymentMethod'),
          cartVersion: String(form.get('cartVersion') ?? ''),
          expectedTotalVnd: Number(text(form, 'expectedTotalVnd')),
        },
        settingsOf(context.services),
      );
      return redirect(`/dat-hang/${placed.reference}`, {
        headers: {
          'Set-Cookie': checkoutAccessCookie(context, placed.reference, placed.accessToken),
        },
      });
    } catch (error) {
      if (!isUserError(error)) throw error;
      // Nothing was written: show the review again, recomputed from the cart as it is now.
      const fresh = await loadCart(db, owner);
      if (fresh.itemCount === 0) return redirect('/gio-hang');
      const again = await review(context.services, owner, fields.provinceCode).catch(() => null);
      if (!again)
        return data(
          {
            step: 'address' as const,
            fields,
            fieldErrors: { [error.field ?? 'provinceCode']: error.userMessage[lang] } as Record<
              string,
              string
            >,
            placeError: null,
            review: null,
          },
          { status: error.status },
        );
      return data(
        {
          step: 'review' as const,
          fields,
          fieldErrors: {} as Record<string, string>,
          placeError: error.userMessage[lang],
          review: again,
        },
        { status: error.status },
      );
    }
  }
  const checked = await validateAddress(db, fields);
  if ('errors' in checked) {
    const fieldErrors = Object.fromEntries(
      Object.entries(checked.errors).map(([k, m]) => [k, m[lang]]),
    );
    return data(
      { step: 'address' as const, fields, fieldErrors, placeError: null, review: null },
      { status: 400 },
    );
  }
  return {
    step: 'review' as const,
    fields,
    fieldErrors: {} as Record<string, string>,
    placeError: null,
    review: await review(context.services, owner, fields.provinceCode),
  };
}

async function review(
  services: AppServices,
  owner: NonNullable<Awaited<ReturnType<typeof cartOwnerFor>>['owner']>,
  provinceCode: string,
) {
  const cart = await loadCart(services.db, owner);
  const quote = quoteCheckout(cart, provinceCode, services.deliveryFees);
  return {
    cartVersion: cart.version,
    changes: cart.changes.length,
    shipments: quote.shipments.map((s) => ({
      organizationName: s.group.organizationName,
      lines: s.group.lines.map((l) => ({
        name: l.name,
        quantity: l.quantity,
        unit: l.unit,
        lineVnd: l.lineVnd,
      })),
      goodsVnd: s.group.goodsVnd,
      weightG: s.weightG,
      deliveryVnd: s.deliveryVnd,
      freeDelivery: s.freeDelivery,
    })),
    goodsVnd: quote.goodsVnd,
    deliveryVnd: quote.deliveryVnd,
    totalVnd: quote.totalVnd,
  };
}

const METHOD_NAMES: Record<
  PaymentMethod,
  { vi: string; en: string; hintVi: string; hintEn: string }
> = {
  vietqr: {
    vi: 'Chuyển khoản ngân hàng (VietQR)',
    en: 'Bank transfer (VietQR)',
    hintVi: 'Quét mã QR bằng ứng dụng ngân hàng bất kỳ.',
    hintEn: 'Scan the QR code with any banking app.',
  },
  card: {
    vi: 'Thẻ ngân hàng / thẻ quốc tế (Stripe)',
    en: 'Card (Stripe)',
    hintVi: 'Visa, Mastercard, JCB…',
    hintEn: 'Visa, Mastercard, JCB…',
  },
  cod: {
    vi: 'Thanh toán khi nhận hàng (COD)',
    en: 'Cash on delivery',
    hintVi: 'Trả tiền mặt cho người giao hàng.',
    hintEn: 'Pay the courier in cash.',
  },
};

export default function Checkout() {
  const { cart, provinces, communes, provinceCode, prefill, methods } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { lang } = useI18n();
  const vi = lang === 'vi';
  const fields = result?.fields ?? {
    contactName: prefill.name,
    contactPhone: prefill.phone ?? '',
    contactEmail: prefill.email ?? '',
    provinceCode,
    communeCode: '',
    street: '',
    note: '',
  };
  const errors: Record<string, string> =
    (result?.fieldErrors as Record<string, string> | undefined) ?? {};
  const chosenProvince = fields.provinceCode || provinceCode;
  const reviewData = result?.step === 'review' ? result.review : null;
  return (
    <article className="checkout">
      <p>
        <Link to="/gio-hang">← {vi ? 'Giỏ hàng' : 'Cart'}</Link>
      </p>
      <h1>{vi ? 'Đặt hàng' : 'Checkout'}</h1>
      <p>
        {vi
          ? `${cart.itemCount} sản phẩm từ ${cart.groups.length} hợp tác xã — mỗi hợp tác xã giao phần của mình.`
          : `${cart.itemCount} items from ${cart.groups.length} cooperatives — each ships its own part.`}
      </p>
      <section>
        <h2>{vi ? '1. Người nhận và địa chỉ' : '1. Recipient and address'}</h2>
        <ProvincePicker provinces={provinces} provinceCode={chosenProvince} lang={lang} />
        <Form
          method="post"
          className="stacked-form"
          action={chosenProvince ? `/thanh-toan?tinh=${chosenProvince}` : '/thanh-toan'}
        >
          <input type="hidden" name="provinceCode" value={chosenProvince} />
          {errors.provinceCode && (
            <p className="field-error" role="alert">
              {errors.provinceCode}
            </p>
          )}
          {chosenProvince && (
            <CommuneSelect communes={communes} communeCode={fields.communeCode} lang={lang} />
          )}
          {errors.communeCode && (
            <p className="field-error" role="alert">
              {errors.communeCode}
            </p>
          )}
          <Field
            label={vi ? 'Số nhà, đường, thôn/bản' : 'House number, street, village'}
            name="street"
            defaultValue={fields.street}
            error={errors.street}
            required
            autoComplete="street-address"
          />
          <Field
            label={vi ? 'Họ tên người nhận' : 'Recipient name'}
            name="contactName"
            defaultValue={fields.contactName}
            error={errors.contactName}
            required
            autoComplete="name"
          />
          <Field
            label={vi ? 'Số điện thoại' : 'Phone'}
            name="contactPhone"
            type="tel"
            defaultValue={fields.contactPhone}
            error={errors.contactPhone}
            required
            autoComplete="tel"
            inputMode="tel"
          />
          <Field
            label={
              vi ? 'E-mail (không bắt buộc, để nhận thông báo)' : 'E-mail (optional, for updates)'
            }
            name="contactEmail"
            type="email"
            defaultValue={fields.contactEmail}
            error={errors.contactEmail}
            autoComplete="email"
          />
          <Field
            label={vi ? 'Ghi chú cho người bán' : 'Note for the seller'}
            name="note"
            defaultValue={fields.note}
            error={errors.note}
          />
          <button
            type="submit"
            name="intent"
            value="review"
            className={reviewData ? 'button--secondary' : undefined}
          >
            {vi ? 'Tính phí giao hàng' : 'Work out delivery'}
          </button>
        </Form>
      </section>
      {reviewData && (
        <section className="checkout-review" aria-live="polite">
          <h2>{vi ? '2. Xem lại và thanh toán' : '2. Review and pay'}</h2>
          {result?.placeError && (
            <FormMessage error={{ field: null, message: result.placeError }} />
          )}
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
                {vi ? 'Phí giao hàng' : 'Delivery'} (
                {(s.weightG / 1000).toLocaleString(vi ? 'vi-VN' : 'en-GB')} kg):{' '}
                {s.freeDelivery ? (vi ? 'Miễn phí' : 'Free') : formatVnd(s.deliveryVnd)}
              </p>
            </div>
          ))}
          <dl className="totals">
            <dt>{vi ? 'Tiền hàng' : 'Goods'}</dt>
            <dd>{formatVnd(reviewData.goodsVnd)}</dd>
            <dt>{vi ? 'Phí giao hàng' : 'Delivery'}</dt>
            <dd>{formatVnd(reviewData.deliveryVnd)}</dd>
            <dt>{vi ? 'Tổng thanh toán' : 'Total'}</dt>
            <dd>
              <strong data-testid="checkout-total">{formatVnd(reviewData.totalVnd)}</strong>
            </dd>
          </dl>
          <Form method="post" className="stacked-form">
            {Object.entries(fields as Record<string, string>).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <input type="hidden" name="cartVersion" value={reviewData.cartVersion} />
            <input type="hidden" name="expectedTotalVnd" value={reviewData.totalVnd} />
            <fieldset>
              <legend>{vi ? 'Cách thanh toán' : 'Payment method'}</legend>
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
                    {METHOD_NAMES[method][lang]}
                    <small>
                      {' '}
                      — {vi ? METHOD_NAMES[method].hintVi : METHOD_NAMES[method].hintEn}
                    </small>
                  </span>
                </label>
              ))}
            </fieldset>
            <button type="submit" name="intent" value="place">
              {vi
                ? `Đặt hàng — ${formatVnd(reviewData.totalVnd)}`
                : `Place order — ${formatVnd(reviewData.totalVnd)}`}
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
