import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FormMessage } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromRequest, useI18n } from '~/i18n';
import { invalid } from '~/lib/errors';
import { text, withUserErrors } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import { safeRedirect } from '~/lib/safe-redirect';
import {
  acknowledgeCartChanges,
  addToCart,
  loadCart,
  setCartQuantity,
  cartOwnerFor,
  cartOwnerForWriting,
} from '~/orders/index.server';
import { MAX_LINE_QUANTITY } from '~/orders';

export const meta: MetaFunction = () => [
  { title: 'Giỏ hàng — Chợ Phiên' },
  { name: 'robots', content: 'noindex' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { owner } = await cartOwnerFor(request, context);
  const cart = await loadCart(context.services.db, owner);
  const added = new URL(request.url).searchParams.get('da-them');
  return data({ cart, added }, { headers: { 'Cache-Control': 'private, no-store' } });
}

function wholeNumber(value: string): number {
  return /^\d{1,4}$/.test(value) ? Number(value) : NaN;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = langFromRequest(request);
  const { db } = context.services;
  const form = await request.formData();
  const { owner, setCookie } = await cartOwnerForWriting(request, context);
  const headers = setCookie ? { 'Set-Cookie': setCookie } : undefined;
  const result = await withUserErrors(lang, async () => {
    const productId = wholeNumber(text(form, 'productId'));
    switch (text(form, 'intent')) {
      case 'add': {
        if (!Number.isSafeInteger(productId))
          throw invalid('productId', { vi: 'Sản phẩm không hợp lệ.', en: 'Unknown product.' });
        const added = await addToCart(
          db,
          owner,
          productId,
          wholeNumber(text(form, 'quantity') || '1'),
        );
        const back = safeRedirect(text(form, 'redirectTo') || null, '/gio-hang');
        const separator = back.includes('?') ? '&' : '?';
        return redirect(`${back}${separator}da-them=${added.capped ? 'het' : 'ok'}`, { headers });
      }
      case 'update': {
        if (!Number.isSafeInteger(productId))
          throw invalid('productId', { vi: 'Sản phẩm không hợp lệ.', en: 'Unknown product.' });
        const updated = await setCartQuantity(
          db,
          owner,
          productId,
          wholeNumber(text(form, 'quantity')),
        );
        return { capped: updated.capped };
      }
      case 'remove':
        await setCartQuantity(db, owner, productId, 0);
        return { capped: false };
      case 'acknowledge':
        await acknowledgeCartChanges(db, owner);
        return { capped: false };
      default:
        throw invalid('intent', { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' });
    }
  });
  if (result instanceof Response) return result;
  if (setCookie && !(result instanceof Response)) {
    // A first write from a browser without a cart: send its new cookie along with the answer.
    return data(result as object, { headers });
  }
  return result;
}

export default function CartPage() {
  const { cart, added } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error =
    result && typeof result === 'object' && 'error' in result
      ? (result.error as { field: string | null; message: string })
      : null;
  const capped = result && typeof result === 'object' && 'capped' in result && result.capped;
  const { lang } = useI18n();
  const vi = lang === 'vi';
  return (
    <article className="cart">
      <h1>{vi ? 'Giỏ hàng' : 'Cart'}</h1>
      {added === 'ok' && (
        <p className="notice" role="status">
          {vi ? 'Đã thêm vào giỏ hàng.' : 'Added to your cart.'}
        </p>
      )}
      {(added === 'het' || capped) && (
        <p className="notice" role="status">
          {vi
            ? 'Số lượng đã được giảm theo số hàng còn lại.'
            : 'The quantity was reduced to what is left in stock.'}
        </p>
      )}
      <FormMessage error={error ? { ...error, field: null } : null} />
      {cart.itemCount === 0 ? (
        <p>
          {vi ? 'Giỏ hàng đang trống. ' : 'Your cart is empty. '}
          <Link to="/san-pham">{vi ? 'Xem sản phẩm' : 'Browse products'}</Link>
        </p>
      ) : (
        <>
          {cart.changes.length > 0 && (
            <section className="cart-changes" role="alert">
              <h2>
                {vi ? 'Có thay đổi từ khi bạn thêm vào giỏ' : 'Changes since you added these'}
              </h2>
              <ul>
                {cart.changes.map((change) => (
                  <li key={`${change.productId}-${change.kind}`}>
                    <strong>{change.name}</strong>:{' '}
                    {change.kind === 'price' &&
                      (vi
                        ? `giá đổi từ ${formatVnd(change.fromVnd!)} thành ${formatVnd(change.toVnd!)}`
                        : `price changed from ${formatVnd(change.fromVnd!)} to ${formatVnd(change.toVnd!)}`)}
                    {change.kind === 'stock' &&
                      (vi ? `chỉ còn ${change.stock}` : `only ${change.stock} left`)}
                    {change.kind === 'unavailable' && (vi ? 'không còn bán' : 'no longer for sale')}
                  </li>
                ))}
              </ul>
              <Form method="post">
                <button type="submit" name="intent" value="acknowledge">
                  {vi ? 'Tôi đã xem, cập nhật giỏ hàng' : 'Understood, update my cart'}
                </button>
              </Form>
            </section>
          )}
          {cart.groups.map((group) => (
            <section key={group.organizationId} className="cart-group">
              <h2>
                <Link to={`/hop-tac-xa/${group.organizationSlug}`}>{group.organizationName}</Link>
              </h2>
              <ul className="cart-lines">
                {group.lines.map((line) => (
                  <li
                    key={line.productId}
                    className={line.available ? undefined : 'cart-line--unavailable'}
                  >
                    <Link to={`/san-pham/${line.slug}`}>{line.name}</Link>
                    <span className="price">
                      {formatVnd(line.priceVnd)} / {line.unit}
                    </span>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="productId" value={line.productId} />
                      <label className="visually-hidden" htmlFor={`qty-${line.productId}`}>
                        {vi ? 'Số lượng' : 'Quantity'}
                      </label>
                      <input
                        id={`qty-${line.productId}`}
                        name="quantity"
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={Math.min(line.stock, MAX_LINE_QUANTITY)}
                        defaultValue={line.quantity}
                      />
                      <button
                        type="submit"
                        name="intent"
                        value="update"
                        className="button--secondary"
                      >
                        {vi ? 'Cập nhật' : 'Update'}
                      </button>
                      <button type="submit" name="intent" value="remove" className="button--link">
                        {vi ? 'Xoá' : 'Remove'}
                      </button>
                    </Form>
                    <span className="line-total">{formatVnd(line.lineVnd)}</span>
                  </li>
                ))}
              </ul>
              <p className="cart-subtotal">
                {vi ? 'Tiền hàng' : 'Goods'}: <strong>{formatVnd(group.goodsVnd)}</strong>
                {group.freeDeliveryFromVnd ? (
                  <small>
                    {' '}
                    ·{' '}
                    {vi
                      ? `Miễn phí giao hàng từ ${formatVnd(group.freeDeliveryFromVnd)}`
                      : `Free delivery from ${formatVnd(group.freeDeliveryFromVnd)}`}
                  </small>
                ) : null}
              </p>
            </section>
          ))}
          <p className="cart-total">
            {vi ? 'Tổng tiền hàng' : 'Goods total'}: <strong>{formatVnd(cart.goodsVnd)}</strong>{' '}
            <small>{vi ? '(chưa gồm phí giao hàng)' : '(before delivery)'}</small>
          </p>
          {cart.changes.length === 0 && (
            <Link className="button" to="/thanh-toan">
              {vi ? 'Đặt hàng' : 'Check out'}
            </Link>
          )}
        </>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
