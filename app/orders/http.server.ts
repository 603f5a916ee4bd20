import { createHmac } from 'node:crypto';
import { redirect, type AppLoadContext } from '@remix-run/node';
import { isWellFormedToken, optionalActor, safeEqual, startSession } from '~/accounts/index.server';
import { checkoutReferenceOfOrder, type CheckoutViewer } from './buyer.server';
import { mergeGuestCart } from './cart-changes.server';
import { cartLineCount, type CartOwner, newGuestCartToken } from './cart.server';
import type { OrderParty } from './orders.server';

export const CART_COOKIE = 'cp_cart';
const CART_DAYS = 30;
const CHECKOUT_COOKIE_PREFIX = 'cp_ck_';
const LOOKUP_COOKIE_PREFIX = 'cp_og_';
const LOOKUP_HOURS = 24;

function cookieValue(request: Request, name: string): string | null {
  const cookie = request.headers.get('Cookie') ?? '';
  const value = new RegExp(`(?:^|;\\s*)${name}=([^;]*)`).exec(cookie)?.[1];
  return value === undefined ? null : decodeURIComponent(value);
}

function secureFlag(context: AppLoadContext): string {
  const { config } = context.services;
  return config.env === 'production' && config.publicUrl?.startsWith('https') ? '; Secure' : '';
}

export function guestCartToken(request: Request): string | null {
  const token = cookieValue(request, CART_COOKIE);
  return isWellFormedToken(token) ? token : null;
}

/** The cart of this visitor: their account's when signed in, else their browser's (if any). */
export async function cartOwnerFor(
  request: Request,
  context: AppLoadContext,
): Promise<{ owner: CartOwner | null; userId: number | null }> {
  const actor = await optionalActor(request, context);
  if (actor) return { owner: { userId: actor.userId }, userId: actor.userId };
  const token = guestCartToken(request);
  return { owner: token ? { guestToken: token } : null, userId: null };
}

/**
 * The header's cart count. A visitor with neither an account nor a cart cookie has 0 without a query,
 * so an anonymous page without a cart renders the same for everyone (a cache keyed on URL and language
 * stays right); only visitors with a cart pay for the count.
 */
export async function cartCountFor(request: Request, context: AppLoadContext): Promise<number> {
  const { owner } = await cartOwnerFor(request, context);
  return owner ? cartLineCount(context.services.db, owner) : 0;
}

/** Like cartOwnerFor, but creates a guest cart cookie when there is none; returns the Set-Cookie to send. */
export async function cartOwnerForWriting(
  request: Request,
  context: AppLoadContext,
): Promise<{ owner: CartOwner; userId: number | null; setCookie: string | null }> {
  const found = await cartOwnerFor(request, context);
  if (found.owner) return { owner: found.owner, userId: found.userId, setCookie: null };
  const token = newGuestCartToken();
  return {
    owner: { guestToken: token },
    userId: null,
    setCookie: `${CART_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${CART_DAYS * 86_400}${secureFlag(context)}`,
  };
}

export function clearCartCookie(context: AppLoadContext): string {
  return `${CART_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secureFlag(context)}`;
}

/**
 * Signs a user in (a new session, app/accounts) and redirects; what a guest put in the cart before
 * signing in joins the account's cart. Sign-in, sign-up and password reset all end here, above
 * accounts, which knows nothing of carts.
 */
export async function startSessionWithCart(
  request: Request,
  context: AppLoadContext,
  userId: number,
  to: string,
): Promise<Response> {
  const headers = await startSession(request, context, userId);
  const guestCart = guestCartToken(request);
  if (guestCart) {
    await mergeGuestCart(context.services.db, guestCart, userId);
    headers.append('Set-Cookie', clearCartCookie(context));
  }
  return redirect(to, { headers });
}

/** After checkout this browser keeps the checkout's secret key, so its pages open without an account. */
export function checkoutAccessCookie(
  context: AppLoadContext,
  reference: string,
  accessToken: string,
): string {
  return `${CHECKOUT_COOKIE_PREFIX}${reference}=${accessToken}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${90 * 86_400}${secureFlag(context)}`;
}

/** The checkout key this browser holds for a reference, or one given in the link (`?k=`). */
export function checkoutTokenFrom(request: Request, reference: string): string | null {
  const fromLink = new URL(request.url).searchParams.get('k');
  if (isWellFormedToken(fromLink)) return fromLink;
  const fromCookie = cookieValue(request, `${CHECKOUT_COOKIE_PREFIX}${reference}`);
  return isWellFormedToken(fromCookie) ? fromCookie : null;
}

/**
 * Guest order lookup: after a buyer proves code + phone, the browser gets a grant for that one
 * order for 24 hours: `expiry.HMAC(secret, code|expiry)`. The secret is derived from the stamp
 * keyring's current key with its own label, so it is never the stamp key itself.
 */
function grantSecret(context: AppLoadContext): Buffer {
  const keyring = context.services.stampKeyring;
  return createHmac('sha256', keyring.keys.get(keyring.currentKeyId)!)
    .update('cho-phien order lookup grant v1')
    .digest();
}

function grantMac(context: AppLoadContext, code: string, expiry: number): string {
  return createHmac('sha256', grantSecret(context)).update(`${code}|${expiry}`).digest('base64url');
}

export function orderLookupCookie(context: AppLoadContext, code: string, now = new Date()): string {
  const expiry = Math.floor(now.getTime() / 1000) + LOOKUP_HOURS * 3600;
  return `${LOOKUP_COOKIE_PREFIX}${code}=${expiry}.${grantMac(context, code, expiry)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${LOOKUP_HOURS * 3600}${secureFlag(context)}`;
}

export function hasOrderLookupGrant(
  request: Request,
  context: AppLoadContext,
  code: string,
  now = new Date(),
): boolean {
  const value = cookieValue(request, `${LOOKUP_COOKIE_PREFIX}${code}`);
  const [, expiryText, mac] = (value && /^(\d{10})\.([A-Za-z0-9_-]{43})$/.exec(value)) || [];
  if (!expiryText || !mac) return false;
  const expiry = Number(expiryText);
  return expiry > now.getTime() / 1000 && safeEqual(mac, grantMac(context, code, expiry));
}

/**
 * Every way this visitor may prove an order is theirs, for `getOrderPage` to try in turn: the
 * operator, their account (as buyer or cooperative member), a lookup grant, the checkout's key.
 */
export async function orderPartiesFor(
  request: Request,
  context: AppLoadContext,
  code: string,
): Promise<OrderParty[]> {
  const parties: OrderParty[] = [];
  const actor = await optionalActor(request, context);
  if (actor?.isAdmin) parties.push({ role: 'operator', actor });
  if (actor)
    parties.push(
      { role: 'buyer', access: { userId: actor.userId } },
      { role: 'cooperative', actor },
    );
  if (hasOrderLookupGrant(request, context, code))
    parties.push({ role: 'buyer', access: { orderCode: code } });
  const reference = await checkoutReferenceOfOrder(context.services.db, code);
  const token = reference ? checkoutTokenFrom(request, reference) : null;
  if (token) parties.push({ role: 'buyer', access: { checkoutToken: token } });
  return parties;
}

/** Who is looking at a checkout page: their account (the operator sees every one) and the checkout key. */
export async function checkoutViewerFor(
  request: Request,
  context: AppLoadContext,
  reference: string,
): Promise<CheckoutViewer> {
  const actor = await optionalActor(request, context);
  return {
    userId: actor?.userId ?? null,
    isAdmin: actor?.isAdmin ?? false,
    token: checkoutTokenFrom(request, reference),
  };
}
