import { type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { baseUrl, clientNetwork, requestPasswordReset } from '~/accounts/index.server';
import { Field, FormMessage, fieldError } from '~/components/Field';
import { langFromRequest, useI18n } from '~/i18n';
import { text, withUserErrors } from '~/lib/forms.server';

export const meta: MetaFunction = () => [{ title: 'Quên mật khẩu — Chợ Phiên' }];

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  return withUserErrors(langFromRequest(request), async () => {
    await requestPasswordReset(context.services.db, {
      identifier: text(form, 'identifier'),
      network: clientNetwork(request),
      baseUrl: baseUrl(request, context),
    });
    return { sent: true as const };
  });
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('forgotTitle')}</h1>
      {result && 'sent' in result ? (
        <p className="notice notice--ok" role="status">
          {t('forgotSent')}
        </p>
      ) : null}
      <Form method="post" className="form">
        <FormMessage error={error} />
        <Field
          label={t('identifier')}
          name="identifier"
          required
          error={fieldError(error, 'identifier')}
        />
        <button type="submit">{t('sendLink')}</button>
      </Form>
    </section>
  );
}
