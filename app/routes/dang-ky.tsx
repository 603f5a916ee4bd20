import { data, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react';
import { accountFormValues, signUpSchema } from '~/accounts';
import { safeRedirect, signUp } from '~/accounts/index.server';
import { Field, FormMessage, formFeedback } from '~/components/Field';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import { readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { startSessionWithCart } from '~/orders/index.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('acTitleSignUp') },
];

export async function loader() {
  return data(null, { headers: { 'Cache-Control': 'no-store' } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const form = accountFormValues(await readFormData(request));
    const submission = parseSubmission(signUpSchema, form);
    if (!submission.ok) return submissionFailed(lang, submission);
    const userId = await signUp(context.services.db, submission.value);
    return startSessionWithCart(
      request,
      context,
      userId,
      safeRedirect(submission.value.redirectTo, '/kenh-nguoi-ban'),
    );
  });
}

export default function SignUp() {
  const { formError, fieldError, value } = formFeedback(useActionData<typeof action>());
  const [params] = useSearchParams();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('signUpTitle')}</h1>
      <Form method="post" className="form">
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <FormMessage error={formError} />
        <Field
          label={t('displayName')}
          name="displayName"
          autoComplete="name"
          required
          error={fieldError('displayName')}
          defaultValue={value('displayName')}
        />
        <Field
          label={t('identifier')}
          name="identifier"
          autoComplete="username"
          required
          hint={t('identifierHint')}
          error={fieldError('identifier')}
          defaultValue={value('identifier')}
        />
        <Field
          label={t('password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          hint={t('passwordHint')}
          error={fieldError('password')}
        />
        <button type="submit">{t('signUp')}</button>
      </Form>
      <p>
        {t('haveAccount')} <Link to="/dang-nhap">{t('signIn')}</Link>
      </p>
    </section>
  );
}
