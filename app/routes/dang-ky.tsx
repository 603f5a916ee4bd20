import { data, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react';
import { startSessionAndRedirect, safeRedirect, signUp } from '~/accounts/index.server';
import { Field, FormMessage, fieldError } from '~/components/Field';
import { langFromRequest, useI18n } from '~/i18n';
import { text, withUserErrors } from '~/lib/forms.server';

export const meta: MetaFunction = () => [{ title: 'Đăng ký — Chợ Phiên' }];

export async function loader() {
  return data(null, { headers: { 'Cache-Control': 'no-store' } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  return withUserErrors(langFromRequest(request), async () => {
    const userId = await signUp(context.services.db, {
      identifier: text(form, 'identifier'),
      displayName: text(form, 'displayName'),
      password: String(form.get('password') ?? ''),
    });
    return startSessionAndRedirect(
      request,
      context,
      userId,
      safeRedirect(form.get('redirectTo'), '/kenh-nguoi-ban'),
    );
  });
}

export default function SignUp() {
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
  const [params] = useSearchParams();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('signUpTitle')}</h1>
      <Form method="post" className="form">
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <FormMessage error={error} />
        <Field
          label={t('displayName')}
          name="displayName"
          autoComplete="name"
          required
          error={fieldError(error, 'displayName')}
        />
        <Field
          label={t('identifier')}
          name="identifier"
          autoComplete="username"
          required
          hint={t('identifierHint')}
          error={fieldError(error, 'identifier')}
        />
        <Field
          label={t('password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          hint={t('passwordHint')}
          error={fieldError(error, 'password')}
        />
        <button type="submit">{t('signUp')}</button>
      </Form>
      <p>
        {t('haveAccount')} <Link to="/dang-nhap">{t('signIn')}</Link>
      </p>
    </section>
  );
}
