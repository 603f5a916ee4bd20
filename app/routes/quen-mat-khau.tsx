import { type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { passwordResetRequestSchema } from '~/accounts';
import { baseUrl, clientNetwork, requestPasswordReset } from '~/accounts/index.server';
import { Field, FormMessage, formFeedback } from '~/components/Field';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import { readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('acTitleForgot') },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const submission = parseSubmission(passwordResetRequestSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    await requestPasswordReset(context.services.db, {
      identifier: submission.value.identifier,
      network: clientNetwork(request),
      baseUrl: baseUrl(request, context),
    });
    return { sent: true as const };
  });
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const { formError, fieldError, value } = formFeedback(result);
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
        <FormMessage error={formError} />
        <Field
          label={t('identifier')}
          name="identifier"
          required
          error={fieldError('identifier')}
          defaultValue={value('identifier')}
        />
        <button type="submit">{t('sendLink')}</button>
      </Form>
    </section>
  );
}
