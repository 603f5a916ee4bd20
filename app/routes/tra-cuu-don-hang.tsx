import { data, redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { clientNetwork } from '~/accounts/index.server';
import { Field, FormMessage, formFeedback } from '~/components/Field';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import { readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { orderLookupSchema, orderStateName } from '~/orders';
import { lookUpOrders, orderLookupCookie } from '~/orders/index.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('orTitleLookUp') },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const submission = parseSubmission(orderLookupSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    const found = await lookUpOrders(context.services.db, clientNetwork(request), submission.value);
    const headers = new Headers();
    for (const order of found) headers.append('Set-Cookie', orderLookupCookie(context, order.code));
    // A checkout code (TT…) with several cooperatives' orders lists them; one order opens directly.
    if (found.length === 1) return redirect(`/don-hang/${found[0]?.code}`, { headers });
    return data({ found }, { headers });
  });
}

export default function OrderLookup() {
  const answer = useActionData<typeof action>();
  const { formError, fieldError, value } = formFeedback(answer);
  const { lang, t } = useI18n();
  const found = answer && 'found' in answer ? answer.found : null;
  return (
    <article className="narrow">
      <h1>{t('orLookUpHeading')}</h1>
      <p>{t('orLookUpIntro')}</p>
      <FormMessage error={formError} />
      {found ? (
        <section aria-labelledby="found-heading" className="notice">
          <h2 id="found-heading" className="h3">
            {t('orLookUpFound', { n: found.length })}
          </h2>
          <ul>
            {found.map((o) => (
              <li key={o.code}>
                <Link to={`/don-hang/${o.code}`}>{o.code}</Link> · {o.organizationName} ·{' '}
                {orderStateName(o.state)[lang]}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
