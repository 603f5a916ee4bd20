import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import { useI18n } from '~/i18n';

/** A calm page for 404s and unexpected errors; never shows a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const userMessage =
    isRouteErrorResponse(error) &&
    typeof error.data === 'object' &&
    error.data &&
    'message' in error.data
      ? String((error.data as { message: unknown }).message)
      : null;
  const requestId =
    isRouteErrorResponse(error) &&
    typeof error.data === 'object' &&
    error.data &&
    'requestId' in error.data
      ? String((error.data as { requestId: unknown }).requestId)
      : null;
  return (
    <section className="error-page">
      <h1>{notFound ? t('notFoundTitle') : t('errorTitle')}</h1>
      <p>{userMessage ?? (notFound ? t('notFoundText') : t('errorText'))}</p>
      {requestId ? <p className="muted">{t('errorReference', { id: requestId })}</p> : null}
      <p>
        <Link to="/">{t('backHome')}</Link>
      </p>
    </section>
  );
}
