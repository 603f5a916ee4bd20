import { redirect, type AppLoadContext } from '@remix-run/node';
import { safeRedirect } from '~/lib/safe-redirect';
export { safeRedirect };
import { loadActor } from './actor.server';
import { type Actor, landingPath } from './permissions';
import { SESSION_COOKIE, SESSION_DAYS, userIdForSession } from './sessions.server';

export function sessionTokenFrom(request: Request): string | null {
  const cookie = request.headers.get('Cookie') ?? '';
  const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([A-Za-z0-9_-]{20,200})(?:;|$)`).exec(
    cookie,
  );
  return match?.[1] ?? null;
}

/** Set-Cookie for a new session id: httpOnly, SameSite=Lax, Secure in production. */
export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_DAYS * 86_400}${secure ? '; Secure' : ''}`;
}

export function clearSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;
}

export async function optionalActor(
  request: Request,
  context: AppLoadContext,
): Promise<Actor | null> {
  const userId = await userIdForSession(context.services.db, sessionTokenFrom(request));
  return userId === null ? null : loadActor(context.services.db, userId);
}

/** The signed-in actor, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireActor(request: Request, context: AppLoadContext): Promise<Actor> {
  const actor = await optionalActor(request, context);
  if (actor) return actor;
  const url = new URL(request.url);
  throw redirect(`/dang-nhap?redirectTo=${encodeURIComponent(`${url.pathname}${url.search}`)}`);
}

/** After sign-in: the page that asked (`redirectTo`, same-site only), else the user's own landing page. */
export async function landingAfterSignIn(
  context: AppLoadContext,
  userIdOrActor: number | Actor,
  redirectTo: string | null | undefined,
): Promise<string> {
  const actor =
    typeof userIdOrActor === 'number'
      ? await loadActor(context.services.db, userIdOrActor)
      : userIdOrActor;
  return safeRedirect(redirectTo, actor ? landingPath(actor) : '/');
}
