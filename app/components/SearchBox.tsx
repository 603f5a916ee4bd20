import { Form, useSearchParams } from '@remix-run/react';
import { useI18n } from '~/i18n';

/** A plain GET form: works without JavaScript; the URL holds the query. */
export function SearchBox() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  return (
    <Form method="get" action="/san-pham" role="search" className="search-box">
      <label htmlFor="site-search" className="visually-hidden">{t('searchLabel')}</label>
      <input id="site-search" type="search" name="q" defaultValue={params.get('q') ?? ''} placeholder={t('searchPlaceholder')} autoComplete="off" enterKeyHint="search" />
      <button type="submit">{t('searchButton')}</button>
    </Form>
  );
}
