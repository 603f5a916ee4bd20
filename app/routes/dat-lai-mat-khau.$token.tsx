import { type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { accountFormValues, newPasswordSchema } from '~/accounts';
import { completePasswordReset } from '~/accounts/index.server';
import { Field, FormMessage, formFeedback } from '~/components/Field';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import { readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { startSessionWithCart } from '~/orders/index.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('acTitleReset') },
  { name: 'referrer', content: 'no-referrer' },
];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const form = accountFormValues(await readFormData(request));
    const submission = parseSubmission(newPasswordSchema, form);
    if (!submission.ok) return submissionFailed(lang, submission);
    const userId = await completePasswordReset(
      context.services.db,
      params.token ?? '',
      submission.value.password,
    );
    return startSessionWithCart(request, context, userId, '/kenh-nguoi-ban');
  });
}

export default function ResetPassword() {
  const { formError, fieldError } = formFeedback(useActionData<typeof action>());
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('resetTitle')}</h1>
      <Form method="post" className="form">
        <FormMessage error={formError} />
        <Field
          label={t('newPassword')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          hint={t('passwordHint')}
          error={fieldError('password')}
        />
        <button type="submit">{t('save')}</button>
      </Form>
    </section>
  );
}
