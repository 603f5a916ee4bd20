import { data, redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { normalizeVietnamesePhone } from '~/accounts';
import { clientNetwork, rateLimiter, LIMITS } from '~/accounts/index.server';
import { Field, FormMessage } from '~/components/Field';
import { langFromRequest, useI18n } from '~/i18n';
import { UserError } from '~/lib/errors';
import { text, withUserErrors } from '~/lib/forms.server';
import { findOrderByCodeAndPhone, orderLookupCookie } from '~/orders/index.server';
import { normalizeOrderCode } from '~/orders';

export const meta: MetaFunction = () => [{ title: 'Tra cứu đơn hàng — Chợ Phiên' }];

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const form = await request.formData();
    const typed = text(form, 'code');
    const phone = normalizeVietnamesePhone(text(form, 'phone'));
    const code = normalizeOrderCode(typed);
    if (!code)
      throw new UserError(
        'invalid',
        400,
        {
          vi: 'Mã đơn có dạng CP và 8 ký tự, ví dụ CP7KQ2MXHD.',
          en: 'An order code is CP and 8 characters, e.g. CP7KQ2MXHD.',
        },
        'code',
      );
    if (!phone)
      throw new UserError(
        'invalid',
        400,
        {
          vi: 'Số điện thoại không đúng, ví dụ 0912 345 678.',
          en: 'That phone number is not valid, e.g. 0912 345 678.',
        },
        'phone',
      );
    // Guessing pairs of code and phone is slow: a few tries per network per quarter hour.
    const decision = await rateLimiter(context.services.db).consume(
      `order-lookup:${clientNetwork(request)}`,
      LIMITS.orderLookup,
    );
    if (!decision.allowed)
      throw new UserError('rate_limited', 429, {
        vi: `Bạn đã tra cứu quá nhiều lần. Thử lại sau ${Math.ceil(decision.retryAfterSeconds / 60)} phút.`,
        en: `Too many lookups. Try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minutes.`,
      });
    const found = await findOrderByCodeAndPhone(context.services.db, code, phone);
    if (!found)
      throw new UserError('not_found', 404, {
        vi: 'Không có đơn nào khớp mã đơn và số điện thoại này.',
        en: 'No order matches this code and phone number.',
      });
    return redirect(`/don-hang/${found}`, {
      headers: { 'Set-Cookie': orderLookupCookie(context, found) },
    });
  });
}

export default function OrderLookup() {
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
  const { lang } = useI18n();
  const vi = lang === 'vi';
  return (
    <article className="narrow">
      <h1>{vi ? 'Tra cứu đơn hàng' : 'Find your order'}</h1>
      <p>
        {vi
          ? 'Nhập mã đơn (trong e-mail hoặc trang đặt hàng) và số điện thoại đã dùng khi đặt hàng.'
          : 'Enter the order code (from the e-mail or the order page) and the phone number used at checkout.'}
      </p>
      <FormMessage error={error} />
      <Form method="post" className="stacked-form">
        <Field
          label={vi ? 'Mã đơn hàng' : 'Order code'}
          name="code"
          required
          autoCapitalize="characters"
          error={error?.field === 'code' ? error.message : null}
        />
        <Field
          label={vi ? 'Số điện thoại' : 'Phone'}
          name="phone"
          type="tel"
          inputMode="tel"
          required
          error={error?.field === 'phone' ? error.message : null}
        />
        <button type="submit">{vi ? 'Tra cứu' : 'Look up'}</button>
      </Form>
    </article>
  );
}

export function loader() {
  return data(null, { headers: { 'Cache-Control': 'private, no-store' } });
}
