import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react';
import { accountFormValues, signInSchema } from '~/accounts';
import { clientNetwork, landingAfterSignIn, optionalActor, signIn } from '~/accounts/index.server';
import { Field, FormMessage, formFeedback } from '~/components/Field';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import { readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { startSessionWithCart } from '~/orders/index.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('acTitleSignIn') },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await optionalActor(request, context);
  if (actor) {
    const redirectTo = new URL(request.url).searchParams.get('redirectTo');
    throw redirect(await landingAfterSignIn(context, actor, redirectTo));
  }
  return data(null, { headers: { 'Cache-Control': 'no-store' } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const form = accountFormValues(await readFormData(request));
    const submission = parseSubmission(signInSchema, form);
    if (!submission.ok) return submissionFailed(lang, submission);
    const userId = await signIn(context.services.db, {
      ...submission.value,
      network: clientNetwork(request),
    });
    return startSessionWithCart(
      request,
      context,
      userId,
      await landingAfterSignIn(context, userId, submission.value.redirectTo),
    );
  });
}

export default function SignIn() {
  const { formError, fieldError, value } = formFeedback(useActionData<typeof action>());
  const [params] = useSearchParams();
  const redirectTo = params.get('redirectTo');
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('signIn')}</h1>
      <Form method="post" className="form">
        <input type="hidden" name="redirectTo" value={redirectTo ?? ''} />
        <FormMessage error={formError} />
        <Field
          label={t('identifier')}
          name="identifier"
          autoComplete="username"
          required
          hint={t('identifierHint')}
          error={fieldError('identifier')}
          defaultValue={value('identifier')}
          inputMode="email"
        />
        <Field
          label={t('password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldError('password')}
        />
        <button type="submit">{t('signIn')}</button>
      </Form>
      <p>
        {t('noAccount')}{' '}
        <Link to={`/dang-ky${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ''}`}>
          {t('signUp')}
        </Link>
      </p>
      <p>
        <Link to="/quen-mat-khau">{t('forgotPassword')}</Link>
      </p>
    </section>
  );
}
