import { redirect, type AppLoadContext } from '@remix-run/node';
import { networkOf } from './rate-limit.server';
import { clearSessionCookie, sessionCookie, sessionTokenFrom } from './request.server';
import { createSession, endAllSessions, endSession, userIdForSession } from './sessions.server';

/** Client network for rate limits; Express puts the socket address in a header we set ourselves. */
export function clientNetwork(request: Request): string {
  return networkOf(request.headers.get('x-client-ip'));
}

export function baseUrl(request: Request, context: AppLoadContext): string {
  return context.services.config.publicUrl ?? new URL(request.url).origin;
}

/**
 * A new session id on every sign-in (rotation): an id planted before sign-in is never promoted.
 * Returns the headers that set the session cookie; the caller adds its own (the orders domain merges
 * the guest cart, app/orders/http.server.ts `startSessionWithCart`) and redirects.
 */
export async function startSession(
  request: Request,
  context: AppLoadContext,
  userId: number,
): Promise<Headers> {
  const old = sessionTokenFrom(request);
  if (old) await endSession(context.services.db, old);
  const { token } = await createSession(context.services.db, userId);
  const headers = new Headers();
  headers.append(
    'Set-Cookie',
    sessionCookie(
      token,
      context.services.config.env === 'production' &&
        !!context.services.config.publicUrl?.startsWith('https'),
    ),
  );
  return headers;
}

export async function signOut(request: Request, context: AppLoadContext, everywhere: boolean) {
  const token = sessionTokenFrom(request);
  if (token) {
    const userId = await userIdForSession(context.services.db, token);
    if (everywhere && userId !== null) await endAllSessions(context.services.db, userId);
    else await endSession(context.services.db, token);
  }
  return redirect('/', {
    headers: {
      'Set-Cookie': clearSessionCookie(
        context.services.config.env === 'production' &&
          !!context.services.config.publicUrl?.startsWith('https'),
      ),
    },
  });
}
