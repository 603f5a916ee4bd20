import { Link, useLocation } from '@remix-run/react';
import { useI18n } from '~/i18n';

/** Plain links: the page lives in the URL, so it works without JavaScript and can be shared. */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const { t } = useI18n();
  const location = useLocation();
  if (pages <= 1) return null;
  const hrefFor = (n: number) => {
    const params = new URLSearchParams(location.search);
    if (n === 1) params.delete('page');
    else params.set('page', String(n));
    const search = params.toString();
    return `${location.pathname}${search ? `?${search}` : ''}`;
  };
  return (
    <nav className="pagination" aria-label={t('pageOf', { page, pages })}>
      {page > 1 ? (
        <Link rel="prev" to={hrefFor(page - 1)}>
          ← {t('previous')}
        </Link>
      ) : (
        <span />
      )}
      <span>{t('pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link rel="next" to={hrefFor(page + 1)}>
          {t('next')} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
