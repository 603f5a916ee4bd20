import '~/lib/zod-setup';
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useMatches,
  useRouteLoaderData,
} from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { InlineStyles } from '~/components/InlineStyles';
import { useNonce } from '~/components/NonceContext';
import { SiteHeader } from '~/components/SiteHeader';
import { optionalActor, getUser } from '~/accounts/index.server';
import { countUnreadNotices } from '~/catalogue/index.server';
import { langFromRequest, translator, type Lang } from '~/i18n';
import { cartCountFor } from '~/orders/index.server';
import stylesUrl from '~/styles/app.css?url';
import ordersStylesUrl from '~/styles/orders.css?url';
import buyerStylesUrl from '~/styles/buyer.css?url';

// The stylesheets are inlined in every page (InlineStyles, from entry.server.tsx); their files are still
// built for the stamp scan pages, which are rendered outside Remix and stay small (server/scan-page.tsx).
export const handle = { stylesheets: [stylesUrl, ordersStylesUrl, buyerStylesUrl] };

export const links: LinksFunction = () => [
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await optionalActor(request, context);
  const user = actor ? await getUser(context.services.db, actor.userId) : null;
  return {
    lang: langFromRequest(request),
    cartCount: await cartCountFor(request, context),
    user:
      actor && user
        ? {
            name: user.display_name,
            isAdmin: actor.isAdmin,
            isOfficer: actor.isAdmin || actor.officerProvinceCodes.length > 0,
            unreadNotices: await countUnreadNotices(context.services.db, actor),
          }
        : null,
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const lang: Lang = data?.lang ?? 'vi';
  const t = translator(lang);
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#2f6b3a" />
        <Meta />
        <InlineStyles />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <SiteHeader />
        <main id="main">{children}</main>
        <footer className="site-footer">
          {t('footer')} · <a href="/tra-cuu-don-hang">{t('findOrder')}</a>
        </footer>
        {/* Routes with handle { hydrate: false } (stamp scan pages, for 3G) are plain HTML: no script is sent. */}
        {useMatches().some(
          (m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === false,
        ) ? null : (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        )}
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
