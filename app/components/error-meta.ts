import { isRouteErrorResponse } from '@remix-run/react';
import { langFromMatches, translator } from '~/i18n';

/**
 * The document title of an error page (404 or another error) in the page's language, so no page is
 * left with an empty or Vietnamese-only title. `meta` of a route whose loader threw gets `error`.
 */
export function errorMeta({
  error,
  matches,
}: {
  error?: unknown;
  matches: ReadonlyArray<{ id: string; data?: unknown }>;
}) {
  const t = translator(langFromMatches(matches));
  const notFound = !error || (isRouteErrorResponse(error) && error.status === 404);
  return [
    { title: `${notFound ? t('notFoundTitle') : t('errorTitle')} — ${t('siteName')}` },
    { name: 'robots', content: 'noindex' },
  ];
}
