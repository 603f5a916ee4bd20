import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FormMessage, formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import {
  isDataWithResponseInit,
  readFormData,
  submissionFailed,
  withUserErrors,
} from '~/lib/forms.server';
import { imageUrl } from '~/lib/image-urls';
import { formatVnd } from '~/lib/money';
import { safeRedirect, withQueryParameter } from '~/lib/safe-redirect';
import { cartSchema, MAX_LINE_QUANTITY } from '~/orders';
import { cartOwnerFor, cartOwnerForWriting, changeCart, loadCart } from '~/orders/index.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('orTitleCart') },
  { name: 'robots', content: 'noindex' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { owner } = await cartOwnerFor(request, context);
  const cart = await loadCart(context.services.db, owner);
  const added = new URL(request.url).searchParams.get('da-them');
  return data({ cart, added }, { headers: { 'Cache-Control': 'private, no-store' } });
}

/** `intent` = add (from a product page, then back there), update, remove or acknowledge. */
export async function action({ request, context }: ActionFunctionArgs) {
  const lang = langFromRequest(request);
  const { owner, setCookie } = await cartOwnerForWriting(request, context);
  // A first write from a browser without a cart: its new cookie goes along with the answer.
  const headers = setCookie ? { 'Set-Cookie': setCookie } : undefined;
  const result = await withUserErrors(lang, async () => {
    const submission = parseSubmission(cartSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    const form = submission.value;
    const changed = await changeCart(context.services.db, owner, form);
    if (form.intent !== 'add') return { capped: changed.capped };
    const back = safeRedirect(form.redirectTo || null, '/gio-hang');
    return redirect(withQueryParameter(back, 'da-them', changed.capped ? 'het' : 'ok'), {
      headers,
    });
  });
  if (result instanceof Response || !headers) return result;
  // A refused form keeps its status (400, 404…); no cart exists yet, so no cookie goes with it.
  if (isDataWithResponseInit(result)) return result;
  return data(result, { headers });
}

export default function CartPage() {
  const { cart, added } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { formError, fieldError } = formFeedback(result);
  // The cart has no field to mark: the first problem is said at the top.
  const problem =
    fieldError('quantity') ?? fieldError('productId') ?? fieldError('intent') ?? formError?.message;
  const capped = result && typeof result === 'object' && 'capped' in result && result.capped;
  const { t } = useI18n();
  return (
    <article className="cart">
      <h1>{t('cart')}</h1>
      {added === 'ok' && (
        <p className="notice" role="status">
          {t('orAdded')}
        </p>
      )}
      {(added === 'het' || capped) && (
        <p className="notice" role="status">
          {t('orQuantityCapped')}
        </p>
      )}
      <FormMessage error={problem ? { field: null, message: problem } : null} />
      {cart.itemCount === 0 ? (
        <p>
          {t('orCartEmpty')} <Link to="/san-pham">{t('orBrowseProducts')}</Link>
        </p>
      ) : (
        <>
          {cart.changes.length > 0 && (
            <section className="cart-changes" role="alert">
              <h2>{t('orCartChangesHeading')}</h2>
              <ul>
                {cart.changes.map((change) => (
                  <li key={`${change.productId}-${change.kind}`}>
                    <strong>{change.name}</strong>:{' '}
                    {change.kind === 'price' &&
                      t('orChangePrice', {
                        from: formatVnd(change.fromVnd ?? 0),
                        to: formatVnd(change.toVnd ?? 0),
                      })}
                    {change.kind === 'stock' && t('orChangeStock', { stock: change.stock ?? 0 })}
                    {change.kind === 'unavailable' && t('orChangeUnavailable')}
                  </li>
                ))}
              </ul>
              <Form method="post">
                <button type="submit" name="intent" value="acknowledge">
                  {t('orAcknowledgeChanges')}
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
                    <Link to={`/san-pham/${line.slug}`} className="cart-line__product">
                      {line.imageKey ? (
                        <img
                          className="cart-thumb"
                          src={imageUrl(line.imageKey, 320)}
                          alt=""
                          width={56}
                          height={56}
                          loading="lazy"
                          decoding="async"
                        />
                      ) : (
                        <span className="cart-thumb cart-thumb--none" aria-hidden="true" />
                      )}
                      <span>{line.name}</span>
                    </Link>
                    <span className="price">
                      {formatVnd(line.priceVnd)} / {line.unit}
                    </span>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="productId" value={line.productId} />
                      <label className="visually-hidden" htmlFor={`qty-${line.productId}`}>
                        {t('quantity')}
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
                        {t('orUpdate')}
                      </button>
                      <button type="submit" name="intent" value="remove" className="button--link">
                        {t('orRemove')}
                      </button>
                    </Form>
                    <span className="line-total">{formatVnd(line.lineVnd)}</span>
                  </li>
                ))}
              </ul>
              <p className="cart-subtotal">
                {t('orGoods')}: <strong>{formatVnd(group.goodsVnd)}</strong>
                {group.freeDeliveryFromVnd ? (
                  <small>
                    {' '}
                    · {t('orFreeDeliveryFrom', { amount: formatVnd(group.freeDeliveryFromVnd) })}
                  </small>
                ) : null}
              </p>
            </section>
          ))}
          <p className="cart-total">
            {t('orGoodsTotal')}: <strong>{formatVnd(cart.goodsVnd)}</strong>{' '}
            <small>{t('orBeforeDelivery')}</small>
          </p>
          {cart.changes.length === 0 && (
            <Link className="button" to="/thanh-toan">
              {t('orCheckOut')}
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
