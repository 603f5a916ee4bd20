import { Form, Link, useLocation } from '@remix-run/react';
import { useI18n } from '~/i18n';
import { SearchBox } from './SearchBox';

export function SiteHeader() {
  const { lang, t } = useI18n();
  const location = useLocation();
  const back = `${location.pathname}${location.search}`;
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to="/" className="brand" aria-label={t('home')}>
          <span aria-hidden="true">🌾</span> {t('siteName')}
        </Link>
        <Form method="get" action="/ngon-ngu" className="lang-switch">
          <input type="hidden" name="to" value={lang === 'vi' ? 'en' : 'vi'} />
          <input type="hidden" name="back" value={back} />
          <button type="submit" className="link-button" lang={lang === 'vi' ? 'en' : 'vi'}>{t('switchLanguage')}</button>
        </Form>
      </div>
      <SearchBox />
    </header>
  );
}
