import { type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { startSessionAndRedirect, completePasswordReset } from '~/accounts/index.server';
import { Field, FormMessage, fieldError } from '~/components/Field';
import { langFromRequest, useI18n } from '~/i18n';
import { withUserErrors } from '~/lib/forms.server';

export const meta: MetaFunction = () => [
  { title: 'Đặt mật khẩu mới — Chợ Phiên' },
  { name: 'referrer', content: 'no-referrer' },
];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  return withUserErrors(langFromRequest(request), async () => {
    const userId = await completePasswordReset(
      context.services.db,
      params.token ?? '',
      String(form.get('password') ?? ''),
    );
    return startSessionAndRedirect(request, context, userId, '/kenh-nguoi-ban');
  });
}

export default function ResetPassword() {
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('resetTitle')}</h1>
      <Form method="post" className="form">
        <FormMessage error={error} />
        <Field
          label={t('newPassword')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          hint={t('passwordHint')}
          error={fieldError(error, 'password')}
        />
        <button type="submit">{t('save')}</button>
      </Form>
    </section>
  );
}
