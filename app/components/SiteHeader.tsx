import { Form, Link, useLocation, useRouteLoaderData } from '@remix-run/react';
import { useI18n } from '~/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { SearchBox } from './SearchBox';

interface RootData {
  user?: { name: string; isAdmin: boolean; isOfficer: boolean; unreadNotices?: number } | null;
  cartCount?: number;
}

/** The brand's mark, drawn inline: an emoji or icon font may be missing on a phone (a "tofu" box). */
function BrandMark() {
  return (
    <svg className="brand__mark" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
      <path
        d="M12 22V9M12 9c0-3 2-5 5-6 0 3-2 5-5 6zm0 0c0-3-2-5-5-6 0 3 2 5 5 6zm0 5c0-3 2-5 5-6 0 3-2 5-5 6zm0 0c0-3-2-5-5-6 0 3 2 5 5 6z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function CartIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
      <path
        d="M3 4h2l2.4 11h10.2L20 7H6.3M9 20a1 1 0 1 0 0-.01M17 20a1 1 0 1 0 0-.01"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * One row on a 390 px phone: the brand, the cart with its count, sign-in or the account menu (a
 * <details>, so it opens without JavaScript), the language switch; the search box below.
 */
export function SiteHeader() {
  const { lang, t } = useI18n();
  const location = useLocation();
  const back = `${location.pathname}${location.search}`;
  const root = useRouteLoaderData('root') as RootData | undefined;
  const user = root?.user ?? null;
  const count = root?.cartCount ?? 0;
  const unread = user?.unreadNotices ?? 0;
  const unreadBadge = unread ? (
    <span className="notice-count" aria-hidden="true" data-testid="notice-count">
      {unread > 99 ? '99+' : unread}
    </span>
  ) : null;
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to="/" className="brand" aria-label={t('home')}>
          <BrandMark />
          <span className="brand__name">{t('siteName')}</span>
        </Link>
        <nav className="user-menu" aria-label={t('accountMenu')}>
          <Link
            to="/gio-hang"
            className="cart-link"
            aria-label={count ? t('byCartWithCount', { n: count }) : t('cart')}
            data-testid="cart-link"
          >
            <CartIcon />
            <span className="cart-link__text">{t('cart')}</span>
            {count ? (
              <span className="cart-count" aria-hidden="true" data-testid="cart-count">
                {count > 99 ? '99+' : count}
              </span>
            ) : null}
          </Link>
          {user ? (
            <details className="account-menu">
              <summary
                aria-label={
                  unread ? `${t('byMenu')}, ${t('ntUnreadCount', { n: unread })}` : undefined
                }
              >
                {t('byMenu')}
                {unreadBadge}
              </summary>
              <ul className="account-menu__list">
                <li>
                  <Link to="/don-hang">{t('myOrders')}</Link>
                </li>
                <li>
                  <Link to="/kenh-nguoi-ban">{t('sellerHome')}</Link>
                </li>
                {unread ? (
                  <li>
                    <Link to="/kenh-nguoi-ban/thong-bao">{t('ntUnreadCount', { n: unread })}</Link>
                  </li>
                ) : null}
                {user.isOfficer ? (
                  <li>
                    <Link to="/so-cong-thuong">{t('tradeOffice')}</Link>
                  </li>
                ) : null}
                {user.isOfficer ? (
                  <li>
                    <Link to="/duyet">{t('reviewQueue')}</Link>
                  </li>
                ) : null}
                {user.isAdmin ? (
                  <>
                    <li>
                      <Link to="/quan-tri/hop-thu">{t('mailbox')}</Link>
                    </li>
                    <li>
                      <Link to="/quan-tri/thanh-toan">{t('paymentsAdmin')}</Link>
                    </li>
                    <li>
                      <Link to="/quan-tri/chi-tra">{t('payoutsAdmin')}</Link>
                    </li>
                    <li>
                      <Link to="/quan-tri/danh-gia">{t('rvReviewsAdmin')}</Link>
                    </li>
                  </>
                ) : null}
                <li>
                  <Form method="post" action="/dang-xuat">
                    <button type="submit" className="link-button">
                      {t('signOut')}
                    </button>
                  </Form>
                </li>
              </ul>
            </details>
          ) : (
            <Link to="/dang-nhap">{t('signIn')}</Link>
          )}
        </nav>
        <LanguageSwitch lang={lang} back={back} compact />
      </div>
      <SearchBox />
    </header>
  );
}
