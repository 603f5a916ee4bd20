import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requireActor } from '~/accounts/index.server';
import { normalizeVietnamesePhone } from '~/accounts';
import { Field, FormMessage, fieldError } from '~/components/Field';
import { CommuneSelect, ProvincePicker } from '~/components/PlacePicker';
import { ORGANIZATION_KINDS } from '~/catalogue';
import { registerOrganization, listCommunes, listProvinces } from '~/catalogue/index.server';
import { langFromRequest, useI18n } from '~/i18n';
import { invalid } from '~/lib/errors';
import { text, withUserErrors } from '~/lib/forms.server';

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

const schema = z.object({
  name: z.string().trim().min(3).max(150),
  kind: z.enum(ORGANIZATION_KINDS),
  provinceCode: z.string().regex(/^\d{2}$/),
  communeCode: z.string().regex(/^\d{5}$/),
  addressLine: z.string().trim().max(200),
  phone: z.string(),
  taxCode: z
    .string()
    .trim()
    .regex(/^(\d{10}|\d{10}-\d{3})?$/),
  description: z.string().trim().max(2000),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const form = await request.formData();
  return withUserErrors(langFromRequest(request), async () => {
    const parsed = schema.safeParse(
      Object.fromEntries([...form.keys()].map((k) => [k, text(form, k)])),
    );
    if (!parsed.success) {
      const field = String(parsed.error.issues[0].path[0]);
      const messages: Record<string, { vi: string; en: string }> = {
        name: { vi: 'Tên tổ chức cần 3–150 ký tự.', en: 'The name needs 3–150 characters.' },
        kind: { vi: 'Hãy chọn loại hình tổ chức.', en: 'Choose the kind of organization.' },
        provinceCode: { vi: 'Hãy chọn tỉnh.', en: 'Choose a province.' },
        communeCode: { vi: 'Hãy chọn xã, phường.', en: 'Choose a commune or ward.' },
        taxCode: {
          vi: 'Mã số thuế gồm 10 chữ số (hoặc 10 chữ số, gạch ngang, 3 chữ số).',
          en: 'A tax code is 10 digits (or 10 digits, a dash and 3 digits).',
        },
      };
      throw invalid(
        field,
        messages[field] ?? { vi: 'Thông tin chưa hợp lệ.', en: 'Some information is not valid.' },
      );
    }
    const phone = normalizeVietnamesePhone(parsed.data.phone);
    if (!phone)
      throw invalid('phone', {
        vi: 'Số điện thoại không hợp lệ (ví dụ 0912 345 678).',
        en: 'Invalid phone number (e.g. 0912 345 678).',
      });
    await registerOrganization(context.services.db, actor, {
      ...parsed.data,
      phone,
      taxCode: parsed.data.taxCode || null,
    });
    return redirect('/kenh-nguoi-ban');
  });
}

export default function RegisterOrganization() {
  const { provinces, communes, provinceCode } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
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
          <FormMessage error={error} />
          <input type="hidden" name="provinceCode" value={provinceCode} />
          <CommuneSelect communes={communes} lang={lang} />
          <Field
            label={vi ? 'Tên tổ chức' : 'Name'}
            name="name"
            required
            error={fieldError(error, 'name')}
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
            error={fieldError(error, 'addressLine')}
          />
          <Field
            label={vi ? 'Điện thoại' : 'Phone'}
            name="phone"
            type="tel"
            inputMode="tel"
            required
            error={fieldError(error, 'phone')}
          />
          <Field
            label={vi ? 'Mã số thuế (không bắt buộc)' : 'Tax code (optional)'}
            name="taxCode"
            inputMode="numeric"
            error={fieldError(error, 'taxCode')}
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
