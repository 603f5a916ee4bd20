import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { safeRedirect } from '~/lib/safe-redirect';
import { LANG_COOKIE } from '~/i18n';

/** Language switch as a plain link/GET form: sets the cookie and goes back to a same-site path. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const to = url.searchParams.get('to') === 'en' ? 'en' : 'vi';
  const back = url.searchParams.get('back') ?? '/';
  const safeBack = safeRedirect(back);
  return redirect(safeBack, {
    headers: {
      'Set-Cookie': `${LANG_COOKIE}=${to}; Path=/; Max-Age=31536000; SameSite=Lax`,
      'Cache-Control': 'no-store',
    },
  });
}
