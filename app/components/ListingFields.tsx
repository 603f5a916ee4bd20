import { OCOP_GROUPS, groupName } from '~/catalogue';
import { type Lang } from '~/i18n';
import { Field, fieldError } from './Field';

export interface ListingValues {
  name: string;
  description: string;
  group: string;
  category: string;
  unit: string;
  netQuantity: string;
  weightG: number | null;
  priceVnd: number;
  gtin: string | null;
  originCommuneCode: string | null;
  certifications: Array<{ kind: string; reference: string }>;
}

type FormError = { field: string | null; message: string } | null;

/** The product fields, shared by the create and edit forms. Big inputs, numeric keyboards for numbers. */
export function ListingFields({
  values,
  communes,
  error,
  lang,
}: {
  values?: ListingValues;
  communes: Array<{ code: string; fullName: string }>;
  error: FormError;
  lang: Lang;
}) {
  const vi = lang === 'vi';
  const cert = (kind: string) => values?.certifications.find((c) => c.kind === kind);
  return (
    <>
      <Field
        label={vi ? 'Tên sản phẩm' : 'Product name'}
        name="name"
        required
        defaultValue={values?.name}
        error={fieldError(error, 'name')}
      />
      <div className="field">
        <label htmlFor="group">{vi ? 'Nhóm sản phẩm OCOP' : 'OCOP product group'}</label>
        <select id="group" name="group" defaultValue={values?.group ?? 'food'}>
          {OCOP_GROUPS.map((g) => (
            <option key={g} value={g}>
              {groupName(lang, g)}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={vi ? 'Loại (ví dụ: Chè, Mật ong)' : 'Category (e.g. Tea, Honey)'}
        name="category"
        defaultValue={values?.category}
        error={fieldError(error, 'category')}
      />
      <Field
        label={vi ? 'Giá bán (đồng)' : 'Price (đồng)'}
        name="priceVnd"
        inputMode="numeric"
        required
        defaultValue={values?.priceVnd}
        hint={vi ? 'Ví dụ 120000 hoặc 120.000' : 'e.g. 120000 or 120.000'}
        error={fieldError(error, 'priceVnd')}
      />
      <Field
        label={vi ? 'Đơn vị tính' : 'Unit'}
        name="unit"
        required
        defaultValue={values?.unit}
        hint={vi ? 'gói, hộp, kg, chai…' : 'pack, box, kg, bottle…'}
        error={fieldError(error, 'unit')}
      />
      <Field
        label={vi ? 'Khối lượng tịnh' : 'Net quantity'}
        name="netQuantity"
        defaultValue={values?.netQuantity}
        hint={vi ? 'Ví dụ 500 g' : 'e.g. 500 g'}
      />
      <Field
        label={vi ? 'Khối lượng gửi hàng (gam)' : 'Shipping weight (grams)'}
        name="weightG"
        inputMode="numeric"
        defaultValue={values?.weightG ?? ''}
        error={fieldError(error, 'weightG')}
      />
      <div className="field">
        <label htmlFor="originCommuneCode">{vi ? 'Xã, phường xuất xứ' : 'Commune of origin'}</label>
        <select
          id="originCommuneCode"
          name="originCommuneCode"
          defaultValue={values?.originCommuneCode ?? ''}
        >
          <option value="">
            {vi ? '— Như địa chỉ tổ chức —' : '— Same as the organization —'}
          </option>
          {communes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.fullName}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={vi ? 'Mã vạch GTIN (không bắt buộc)' : 'GTIN barcode (optional)'}
        name="gtin"
        inputMode="numeric"
        defaultValue={values?.gtin ?? ''}
        error={fieldError(error, 'gtin')}
      />
      <div className="field">
        <label htmlFor="description">{vi ? 'Mô tả' : 'Description'}</label>
        <textarea id="description" name="description" rows={5} defaultValue={values?.description} />
      </div>
      <fieldset>
        <legend>{vi ? 'Chứng nhận khác' : 'Other certifications'}</legend>
        {(['vietgap', 'organic', 'geographical_indication'] as const).map((kind) => (
          <div key={kind} className="check-with-ref">
            <label className="check">
              <input type="checkbox" name={`cert_${kind}`} defaultChecked={Boolean(cert(kind))} />{' '}
              {kind === 'vietgap'
                ? 'VietGAP'
                : kind === 'organic'
                  ? vi
                    ? 'Hữu cơ'
                    : 'Organic'
                  : vi
                    ? 'Chỉ dẫn địa lý'
                    : 'Geographical indication'}
            </label>
            <input
              aria-label={vi ? 'Số chứng nhận' : 'Reference'}
              name={`cert_${kind}_ref`}
              defaultValue={cert(kind)?.reference ?? ''}
              placeholder={vi ? 'Số chứng nhận' : 'Reference'}
            />
          </div>
        ))}
      </fieldset>
    </>
  );
}
