import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react';
import {
  clientNetwork,
  startSessionAndRedirect,
  optionalActor,
  safeRedirect,
  signIn,
} from '~/accounts/index.server';
import { Field, FormMessage, fieldError } from '~/components/Field';
import { langFromRequest, useI18n } from '~/i18n';
import { text, withUserErrors } from '~/lib/forms.server';

export const meta: MetaFunction = () => [{ title: 'Đăng nhập — Chợ Phiên' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await optionalActor(request, context)) {
    throw redirect(
      safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '/kenh-nguoi-ban'),
    );
  }
  return data(null, { headers: { 'Cache-Control': 'no-store' } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  return withUserErrors(langFromRequest(request), async () => {
    const userId = await signIn(context.services.db, {
      identifier: text(form, 'identifier'),
      password: String(form.get('password') ?? ''),
      network: clientNetwork(request),
    });
    return startSessionAndRedirect(
      request,
      context,
      userId,
      safeRedirect(form.get('redirectTo'), '/kenh-nguoi-ban'),
    );
  });
}

export default function SignIn() {
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
  const [params] = useSearchParams();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('signIn')}</h1>
      <Form method="post" className="form">
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <FormMessage error={error} />
        <Field
          label={t('identifier')}
          name="identifier"
          autoComplete="username"
          required
          hint={t('identifierHint')}
          error={fieldError(error, 'identifier')}
          inputMode="email"
        />
        <Field
          label={t('password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldError(error, 'password')}
        />
        <button type="submit">{t('signIn')}</button>
      </Form>
      <p>
        {t('noAccount')}{' '}
        <Link
          to={`/dang-ky${params.get('redirectTo') ? `?redirectTo=${encodeURIComponent(params.get('redirectTo')!)}` : ''}`}
        >
          {t('signUp')}
        </Link>
      </p>
      <p>
        <Link to="/quen-mat-khau">{t('forgotPassword')}</Link>
      </p>
    </section>
  );
}
