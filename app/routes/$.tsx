import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { errorMeta } from '~/components/error-meta';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromRequest, translator } from '~/i18n';

export const meta: MetaFunction = (args) => errorMeta(args);

/** Any unknown path: a real 404 status with the Vietnamese (or English) not-found page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = translator(langFromRequest(request));
  throw data({ message: t('notFoundText') }, { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
