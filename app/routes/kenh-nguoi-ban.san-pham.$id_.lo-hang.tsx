import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { Field, FormMessage, fieldError } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { getManagedProduct, listCommunes } from '~/catalogue/index.server';
import { langFromRequest, useI18n } from '~/i18n';
import { formatCalendarDate } from '~/lib/dates';
import { orErrorPage, text, withUserErrors } from '~/lib/forms.server';
import { createBatch, listProductBatches, parseBatchForm } from '~/traceability/index.server';

export const meta: MetaFunction = () => [{ title: 'Lô hàng — Kênh người bán — Chợ Phiên' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const { db } = context.services;
  const lang = langFromRequest(request);
  const { product, batches } = await orErrorPage(lang, () =>
    listProductBatches(db, actor, Number(params.id)),
  );
  const managed = await orErrorPage(lang, () => getManagedProduct(db, actor, product.id));
  const communes = await listCommunes(db, managed.province_code);
  return data(
    { product, batches, communes, defaultCommune: managed.origin_commune_code },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  return withUserErrors(langFromRequest(request), async () => {
    const form = await request.formData();
    const id = await createBatch(
      context.services.db,
      actor,
      Number(params.id),
      parseBatchForm((name) => text(form, name)),
    );
    return redirect(`/kenh-nguoi-ban/lo-hang/${id}`);
  });
}

export default function ProductBatches() {
  const { product, batches, communes, defaultCommune } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
  const { lang } = useI18n();
  const vi = lang === 'vi';
  return (
    <article className="workspace">
      <p>
        <Link to={`/kenh-nguoi-ban/san-pham/${product.id}`}>← {product.name}</Link>
      </p>
      <h1>{vi ? 'Lô hàng và tem truy xuất' : 'Batches and traceability stamps'}</h1>
      <p className="muted">
        {product.gtin
          ? vi
            ? `Tem dùng GS1 Digital Link với GTIN ${product.gtin}.`
            : `Stamps use GS1 Digital Link with GTIN ${product.gtin}.`
          : vi
            ? 'Sản phẩm chưa có GTIN: tem dùng mã ngắn /s/….'
            : 'No GTIN: stamps use short codes /s/….'}
      </p>
      {batches.length ? (
        <table className="data">
          <caption className="visually-hidden">{vi ? 'Các lô hàng' : 'Batches'}</caption>
          <thead>
            <tr>
              <th>{vi ? 'Mã lô' : 'Lot'}</th>
              <th>{vi ? 'Ngày SX/thu hoạch' : 'Produced'}</th>
              <th>{vi ? 'Hạn dùng' : 'Expires'}</th>
              <th>{vi ? 'Số lượng' : 'Quantity'}</th>
              <th>{vi ? 'Tem đã cấp' : 'Stamps issued'}</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.id}>
                <td>
                  <Link to={`/kenh-nguoi-ban/lo-hang/${b.id}`}>{b.lot_code}</Link>
                </td>
                <td>{formatCalendarDate(b.produced_on)}</td>
                <td>{b.expires_on ? formatCalendarDate(b.expires_on) : '—'}</td>
                <td>
                  {b.quantity} {b.quantity_unit}
                </td>
                <td>{Number(b.stamps ?? 0).toLocaleString(vi ? 'vi-VN' : 'en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{vi ? 'Chưa có lô hàng nào.' : 'No batches yet.'}</p>
      )}

      <section aria-labelledby="new-batch-h">
        <h2 id="new-batch-h">{vi ? 'Tạo lô hàng mới' : 'New batch'}</h2>
        <FormMessage error={error} />
        <Form method="post" className="form">
          <Field
            label={vi ? 'Mã lô (chữ không dấu, số, - . _)' : 'Lot code (letters, digits, - . _)'}
            name="lotCode"
            required
            maxLength={20}
            error={fieldError(error, 'lotCode')}
          />
          <Field
            label={
              vi
                ? 'Ngày sản xuất/thu hoạch (dd/mm/yyyy)'
                : 'Production or harvest date (dd/mm/yyyy)'
            }
            name="producedOn"
            required
            error={fieldError(error, 'producedOn')}
          />
          <Field
            label={
              vi ? 'Hạn sử dụng (dd/mm/yyyy, không bắt buộc)' : 'Expiry date (dd/mm/yyyy, optional)'
            }
            name="expiresOn"
            error={fieldError(error, 'expiresOn')}
          />
          <Field
            label={vi ? 'Số lượng' : 'Quantity'}
            name="quantity"
            inputMode="numeric"
            required
            error={fieldError(error, 'quantity')}
          />
          <Field
            label={vi ? 'Đơn vị (kg, hộp, chai…)' : 'Unit (kg, box, bottle…)'}
            name="quantityUnit"
            required
            defaultValue="kg"
            error={fieldError(error, 'quantityUnit')}
          />
          <div className="field">
            <label htmlFor="communeCode">
              {vi ? 'Xã/phường của vùng trồng' : 'Commune of the growing area'}
            </label>
            <select
              id="communeCode"
              name="communeCode"
              required
              defaultValue={defaultCommune ?? ''}
            >
              <option value="">—</option>
              {communes.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.fullName}
                </option>
              ))}
            </select>
            {fieldError(error, 'communeCode') ? (
              <p className="field__error" role="alert">
                {fieldError(error, 'communeCode')}
              </p>
            ) : null}
          </div>
          <Field
            label={vi ? 'Tên vùng trồng (không bắt buộc)' : 'Area name (optional)'}
            name="areaName"
            error={fieldError(error, 'areaName')}
          />
          <Field
            label={vi ? 'Vĩ độ GPS (không bắt buộc)' : 'GPS latitude (optional)'}
            name="latitude"
            inputMode="decimal"
            error={fieldError(error, 'latitude')}
          />
          <Field
            label={vi ? 'Kinh độ GPS (không bắt buộc)' : 'GPS longitude (optional)'}
            name="longitude"
            inputMode="decimal"
            error={fieldError(error, 'longitude')}
          />
          <div className="field">
            <label htmlFor="notes">{vi ? 'Ghi chú' : 'Notes'}</label>
            <textarea id="notes" name="notes" rows={3} maxLength={2000} />
          </div>
          <button type="submit">{vi ? 'Tạo lô hàng' : 'Create the batch'}</button>
        </Form>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
