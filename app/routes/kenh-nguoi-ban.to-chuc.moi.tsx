import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { Field, FormMessage, formFeedback } from '~/components/Field';
import { CommuneSelect, ProvincePicker } from '~/components/PlacePicker';
import { ORGANIZATION_KINDS, registerOrganizationSchema } from '~/catalogue';
import { registerOrganization, listCommunes, listProvinces } from '~/catalogue/index.server';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import { readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireActor(request, context);
  const provinceCode = new URL(request.url).searchParams.get('tinh') ?? '';
  const provinces = await listProvinces(context.services.db);
  const communes = provinces.some((p) => p.code === provinceCode)
    ? await listCommunes(context.services.db, provinceCode)
    : [];
  const title = translator(langFromRequest(request))('sellRegisterTitle');
  return data(
    { provinces, communes, provinceCode, title },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const submission = parseSubmission(registerOrganizationSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    await registerOrganization(context.services.db, actor, submission.value);
    return redirect('/kenh-nguoi-ban');
  });
}

export default function RegisterOrganization() {
  const { provinces, communes, provinceCode } = useLoaderData<typeof loader>();
  const { formError, fieldError, value } = formFeedback(useActionData<typeof action>());
  const { lang, t } = useI18n();
  return (
    <section>
      <h1>{t('sellRegisterHeading')}</h1>
      <p className="muted">{t('sellRegisterIntro')}</p>
      <ProvincePicker provinces={provinces} provinceCode={provinceCode} lang={lang} />
      {provinceCode && communes.length ? (
        <Form method="post" className="form">
          <FormMessage error={formError} />
          <input type="hidden" name="provinceCode" value={provinceCode} />
          <CommuneSelect communes={communes} lang={lang} />
          <Field
            label={t('sellOrganizationName')}
            name="name"
            required
            error={fieldError('name')}
            defaultValue={value('name')}
          />
          <div className="field">
            <label htmlFor="kind">{t('sellOrganizationKind')}</label>
            <select id="kind" name="kind" defaultValue={value('kind') ?? 'cooperative'}>
              {ORGANIZATION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind_${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <Field
            label={t('sellAddressLine')}
            name="addressLine"
            error={fieldError('addressLine')}
            defaultValue={value('addressLine')}
          />
          <Field
            label={t('phone')}
            name="phone"
            type="tel"
            inputMode="tel"
            required
            error={fieldError('phone')}
            defaultValue={value('phone')}
          />
          <Field
            label={t('sellTaxCode')}
            name="taxCode"
            inputMode="numeric"
            error={fieldError('taxCode')}
            defaultValue={value('taxCode')}
          />
          <div className="field">
            <label htmlFor="description">{t('sellOrganizationDescription')}</label>
            <textarea
              id="description"
              name="description"
              rows={4}
              defaultValue={value('description')}
            />
          </div>
          <button type="submit">{t('sellRegisterSubmit')}</button>
        </Form>
      ) : null}
    </section>
  );
}
