import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromRequest } from '~/i18n';

/** Any unknown path: a real 404 status with the Vietnamese (or English) not-found page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = langFromRequest(request);
  throw data(
    {
      message:
        lang === 'en'
          ? 'The page you are looking for does not exist or was removed.'
          : 'Trang bạn tìm không tồn tại hoặc đã bị gỡ.',
    },
    { status: 404 },
  );
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
