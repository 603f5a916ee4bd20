import { data, redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { clientNetwork } from '~/accounts/index.server';
import { Field, FormMessage, formFeedback } from '~/components/Field';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import { readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { orderLookupSchema } from '~/orders';
import { lookUpOrder, orderLookupCookie } from '~/orders/index.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('orTitleLookUp') },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const submission = parseSubmission(orderLookupSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    const code = await lookUpOrder(context.services.db, clientNetwork(request), submission.value);
    return redirect(`/don-hang/${code}`, {
      headers: { 'Set-Cookie': orderLookupCookie(context, code) },
    });
  });
}

export default function OrderLookup() {
  const { formError, fieldError, value } = formFeedback(useActionData<typeof action>());
  const { t } = useI18n();
  return (
    <article className="narrow">
      <h1>{t('orLookUpHeading')}</h1>
      <p>{t('orLookUpIntro')}</p>
      <FormMessage error={formError} />
      <Form method="post" className="stacked-form">
        <Field
          label={t('orOrderCode')}
          name="code"
          required
          autoCapitalize="characters"
          error={fieldError('code')}
          defaultValue={value('code')}
        />
        <Field
          label={t('orPhone')}
          name="phone"
          type="tel"
          inputMode="tel"
          required
          error={fieldError('phone')}
          defaultValue={value('phone')}
        />
        <button type="submit">{t('orLookUp')}</button>
      </Form>
    </article>
  );
}

export function loader() {
  return data(null, { headers: { 'Cache-Control': 'private, no-store' } });
}
