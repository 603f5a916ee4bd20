import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { renderToString } from 'react-dom/server';
import { LanguageSwitch } from '~/components/LanguageSwitch';
import { StampScanView } from '~/components/traceability/StampScanView';
import { clientNetwork } from '~/accounts/index.server';
import { LangOverride, langFromRequest, translator, type Lang } from '~/i18n';
import type { AppServices } from '~/services.server';
import { loadScanPage } from '~/traceability/index.server';

/*
 * The stamp scan pages (/s/{code} and the GS1 Digital Link /01/{gtin}/10/{lot}/21/{serial}) are the most
 * requested pages of the site and the ones read on the weakest connections. Through Remix each one paid
 * the framework's per-request cost (route matching, loaders, streaming SSR of the whole layout) of about
 * as much again as the scan itself; here they are rendered directly: the same loader and the same
 * StampScanView component, in a small document without scripts. The Remix routes stay for development
 * (Vite) and as the fallback when this renderer fails.
 */
export const SCAN_PATHS = ['/s/:code', '/01/:gtin/10/:lot/21/:serial'];

function ScanDocument({
  lang,
  stylesheets,
  back,
  data,
}: {
  lang: Lang;
  stylesheets: string[];
  back: string;
  data: Awaited<ReturnType<typeof loadScanPage>>;
}) {
  const t = translator(lang);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#2f6b3a" />
        <title>{t('traceScanTitle')}</title>
        <meta name="robots" content="noindex" />
        {stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header className="site-header">
          <div className="site-header__bar">
            <a href="/" className="brand" aria-label={t('home')}>
              <span aria-hidden="true">🌾</span> {t('siteName')}
            </a>
            <nav className="user-menu" aria-label={t('accountMenu')}>
              <a href="/san-pham">{t('catalogueTitle')}</a>
              <a href="/gio-hang">{t('cart')}</a>
            </nav>
            <LanguageSwitch lang={lang} back={back} />
          </div>
        </header>
        <main id="main" data-render="direct">
          <LangOverride.Provider value={lang}>
            <StampScanView {...data} />
          </LangOverride.Provider>
        </main>
        <footer className="site-footer">
          {t('footer')} · <a href="/tra-cuu-don-hang">{t('findOrder')}</a>
        </footer>
      </body>
    </html>
  );
}

/** Express handler for the scan paths; anything unexpected falls through to the Remix routes. */
export function scanPageHandler(services: AppServices, stylesheets: string[]) {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const headers = new Headers();
    for (const name of ['cookie', 'x-client-ip', 'user-agent', 'accept-language']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`;
    const request = new Request(url, { headers });
    loadScanPage(services.db, services.stampKeyring, url, { networkPrefix: clientNetwork(request) })
      .then((data) => {
        const lang = langFromRequest(request);
        const html = renderToString(
          <ScanDocument lang={lang} stylesheets={stylesheets} back={req.originalUrl} data={data} />,
        );
        // Every scan is logged and judged anew: never cached.
        res
          .status(200)
          .setHeader('Cache-Control', 'no-store')
          .type('text/html; charset=utf-8')
          .send(`<!DOCTYPE html>${html}`);
      })
      .catch((error: unknown) => {
        services.log.error('scan page fast path failed; falling back to Remix', {
          error: String(error),
        });
        next();
      });
  };
}
