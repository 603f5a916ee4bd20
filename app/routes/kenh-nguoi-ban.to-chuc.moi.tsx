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
import { registerOrganizationSchema } from '~/catalogue';
import { registerOrganization, listCommunes, listProvinces } from '~/catalogue/index.server';
import { langFromRequest, useI18n } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import { readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';

export const meta: MetaFunction = () => [{ title: 'Đăng ký tổ chức — Chợ Phiên' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireActor(request, context);
  const provinceCode = new URL(request.url).searchParams.get('tinh') ?? '';
  const provinces = await listProvinces(context.services.db);
  const communes = provinces.some((p) => p.code === provinceCode)
    ? await listCommunes(context.services.db, provinceCode)
    : [];
  return data(
    { provinces, communes, provinceCode },
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
  const { lang } = useI18n();
  const vi = lang === 'vi';
  return (
    <section>
      <h1>{vi ? 'Đăng ký hợp tác xã / cơ sở' : 'Register an organization'}</h1>
      <p className="muted">
        {vi
          ? 'Sở Công Thương của tỉnh sẽ duyệt hồ sơ. Sau khi được duyệt, sản phẩm của bạn mới được đăng bán.'
          : 'The province trade office reviews it; once approved, your products can be published.'}
      </p>
      <ProvincePicker provinces={provinces} provinceCode={provinceCode} lang={lang} />
      {provinceCode && communes.length ? (
        <Form method="post" className="form">
          <FormMessage error={formError} />
          <input type="hidden" name="provinceCode" value={provinceCode} />
          <CommuneSelect communes={communes} lang={lang} />
          <Field
            label={vi ? 'Tên tổ chức' : 'Name'}
            name="name"
            required
            error={fieldError('name')}
            defaultValue={value('name')}
          />
          <div className="field">
            <label htmlFor="kind">{vi ? 'Loại hình' : 'Kind'}</label>
            <select id="kind" name="kind" defaultValue="cooperative">
              <option value="cooperative">{vi ? 'Hợp tác xã' : 'Cooperative'}</option>
              <option value="cooperative_group">{vi ? 'Tổ hợp tác' : 'Cooperative group'}</option>
              <option value="household">{vi ? 'Hộ kinh doanh' : 'Household business'}</option>
              <option value="enterprise">{vi ? 'Doanh nghiệp' : 'Enterprise'}</option>
            </select>
          </div>
          <Field
            label={vi ? 'Địa chỉ (thôn, bản, số nhà)' : 'Address line'}
            name="addressLine"
            error={fieldError('addressLine')}
            defaultValue={value('addressLine')}
          />
          <Field
            label={vi ? 'Điện thoại' : 'Phone'}
            name="phone"
            type="tel"
            inputMode="tel"
            required
            error={fieldError('phone')}
            defaultValue={value('phone')}
          />
          <Field
            label={vi ? 'Mã số thuế (không bắt buộc)' : 'Tax code (optional)'}
            name="taxCode"
            inputMode="numeric"
            error={fieldError('taxCode')}
            defaultValue={value('taxCode')}
          />
          <div className="field">
            <label htmlFor="description">{vi ? 'Giới thiệu' : 'Description'}</label>
            <textarea id="description" name="description" rows={4} />
          </div>
          <button type="submit">{vi ? 'Gửi đăng ký' : 'Submit'}</button>
        </Form>
      ) : null}
    </section>
  );
}
