import { Form, Link, useLocation, useRouteLoaderData } from '@remix-run/react';
import { useI18n } from '~/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { SearchBox } from './SearchBox';

export function SiteHeader() {
  const { lang, t } = useI18n();
  const location = useLocation();
  const back = `${location.pathname}${location.search}`;
  const root = useRouteLoaderData('root') as
    { user?: { name: string; isAdmin: boolean; isOfficer: boolean } | null } | undefined;
  const user = root?.user ?? null;
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to="/" className="brand" aria-label={t('home')}>
          <span aria-hidden="true">🌾</span> {t('siteName')}
        </Link>
        <nav className="user-menu" aria-label={t('accountMenu')}>
          <Link to="/gio-hang">{t('cart')}</Link>
          {user ? (
            <>
              <Link to="/don-hang">{t('myOrders')}</Link>
              <Link to="/kenh-nguoi-ban">{t('sellerHome')}</Link>
              {user.isOfficer ? <Link to="/so-cong-thuong">{t('tradeOffice')}</Link> : null}
              {user.isOfficer ? <Link to="/duyet">{t('reviewQueue')}</Link> : null}
              {user.isAdmin ? <Link to="/quan-tri/hop-thu">{t('mailbox')}</Link> : null}
              {user.isAdmin ? <Link to="/quan-tri/thanh-toan">{t('paymentsAdmin')}</Link> : null}
              {user.isAdmin ? <Link to="/quan-tri/chi-tra">{t('payoutsAdmin')}</Link> : null}
              <Form method="post" action="/dang-xuat">
                <button type="submit" className="link-button">
                  {t('signOut')}
                </button>
              </Form>
            </>
          ) : (
            <Link to="/dang-nhap">{t('signIn')}</Link>
          )}
        </nav>
        <LanguageSwitch lang={lang} back={back} />
      </div>
      <SearchBox />
    </header>
  );
}
