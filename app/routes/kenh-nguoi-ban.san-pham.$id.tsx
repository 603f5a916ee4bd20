import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { Field, FormMessage, fieldError } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { ListingFields } from '~/components/ListingFields';
import { listingStatusName } from '~/catalogue';
import { imageUrl } from '~/lib/image-urls';
import {
  fileBuffer,
  parseListingForm,
  parseOcopForm,
  readForm,
  addProductPhoto,
  adjustStock,
  changeListingStatus,
  getListingDetail,
  setOcopClaim,
  updateListing,
  listCommunes,
  saveCertificateScan,
} from '~/catalogue/index.server';
import { langFromRequest, useI18n } from '~/i18n';
import { formatCalendarDate, formatDateTime } from '~/lib/dates';
import { invalid } from '~/lib/errors';
import { orErrorPage, text, withUserErrors } from '~/lib/forms.server';
import { checkCertificateScan, processUploadedPhoto } from '~/lib/images.server';
import { formatVnd } from '~/lib/money';

export const meta: MetaFunction = () => [{ title: 'Sửa sản phẩm — Chợ Phiên' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const detail = await orErrorPage(langFromRequest(request), () =>
    getListingDetail(context.services.db, actor, Number(params.id)),
  );
  return data(
    { ...detail, communes: await listCommunes(context.services.db, detail.provinceCode) },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const { db, config } = context.services;
  const id = Number(params.id);
  return withUserErrors(langFromRequest(request), async () => {
    const form = await readForm(request);
    const intent = text(form, 'intent');
    switch (intent) {
      case 'save':
        await updateListing(db, actor, id, parseListingForm(form));
        return { ok: 'saved' as const };
      case 'photo': {
        const photo = await fileBuffer(form, 'photo');
        if (!photo)
          throw invalid('photo', {
            vi: 'Hãy chọn hoặc chụp một ảnh.',
            en: 'Choose or take a photo.',
          });
        await addProductPhoto(db, actor, id, await processUploadedPhoto(photo), config.uploadsDir);
        return { ok: 'photo' as const };
      }
      case 'stock': {
        const delta = Number(text(form, 'delta'));
        await adjustStock(
          db,
          actor,
          id,
          Number.isInteger(delta) ? delta : NaN,
          text(form, 'reason'),
        );
        return { ok: 'stock' as const };
      }
      case 'ocop': {
        const claim = parseOcopForm(form);
        const scan = await fileBuffer(form, 'scan');
        const stored = scan
          ? await saveCertificateScan(config.dataDir, scan, checkCertificateScan(scan))
          : null;
        await setOcopClaim(db, actor, id, {
          ...claim,
          scanKey: stored?.key ?? null,
          scanContentType: stored?.contentType ?? null,
        });
        return { ok: 'ocop' as const };
      }
      case 'remove-ocop':
        await setOcopClaim(db, actor, id, null);
        return { ok: 'ocop' as const };
      case 'submit':
      case 'archive':
      case 'restore':
        await changeListingStatus(db, actor, id, intent);
        return { ok: 'status' as const };
      default:
        throw invalid('intent', { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' });
    }
  });
}

export default function EditListing() {
  const { product, images, certificate, certifications, stockHistory, communes, organizationName } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
  const { lang, t } = useI18n();
  const vi = lang === 'vi';
  const status = listingStatusName(product.status)[lang];
  return (
    <article className="workspace">
      <p>
        <Link to="/kenh-nguoi-ban">← {vi ? 'Kênh người bán' : 'Seller workspace'}</Link>
      </p>
      <h1>{product.name}</h1>
      <p>
        <span
          className={`status status--${product.status === 'changes_requested' ? 'rejected' : product.status}`}
        >
          {status}
        </span>{' '}
        <span className="muted">{organizationName}</span>
      </p>
      <p>
        <Link to={`/kenh-nguoi-ban/san-pham/${product.id}/lo-hang`}>
          {vi ? 'Lô hàng và tem truy xuất nguồn gốc' : 'Batches and traceability stamps'} →
        </Link>
      </p>
      {product.rejection_reason ? (
        <p className="form-error">
          {product.status === 'changes_requested'
            ? t('toReviewerNote')
            : vi
              ? 'Người duyệt nhận xét: '
              : 'Reviewer said: '}
          {product.rejection_reason}
        </p>
      ) : null}
      {result && 'ok' in result ? (
        <p className="notice notice--ok" role="status">
          {vi ? 'Đã lưu.' : 'Saved.'}
        </p>
      ) : null}
      <FormMessage error={error} />

      <section aria-labelledby="status-h">
        <h2 id="status-h">{vi ? 'Đăng bán' : 'Publishing'}</h2>
        <div className="inline-form">
          {product.status === 'draft' ||
          product.status === 'rejected' ||
          product.status === 'changes_requested' ? (
            <Form method="post">
              <input type="hidden" name="intent" value="submit" />
              <button type="submit">{vi ? 'Gửi duyệt để đăng bán' : 'Submit for review'}</button>
            </Form>
          ) : null}
          {product.status !== 'archived' ? (
            <Form method="post">
              <input type="hidden" name="intent" value="archive" />
              <button type="submit" className="button--secondary">
                {vi ? 'Lưu trữ (ngừng bán)' : 'Archive (stop selling)'}
              </button>
            </Form>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="restore" />
              <button type="submit" className="button--secondary">
                {vi ? 'Khôi phục thành bản nháp' : 'Restore as draft'}
              </button>
            </Form>
          )}
          {product.status === 'published' ? (
            <Link to={`/san-pham/${product.slug}`}>
              {vi ? 'Xem trên cửa hàng' : 'View in the shop'}
            </Link>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="photos-h">
        <h2 id="photos-h">{vi ? 'Ảnh' : 'Photos'}</h2>
        <ul className="chip-list">
          {images.map((i) => (
            <li key={i.storage_key}>
              <img src={imageUrl(i.storage_key, 320)} alt="" width={120} height={120} />
            </li>
          ))}
        </ul>
        <Form method="post" encType="multipart/form-data" className="inline-form">
          <input type="hidden" name="intent" value="photo" />
          <label htmlFor="photo">{vi ? 'Thêm ảnh' : 'Add a photo'}</label>
          <input
            id="photo"
            name="photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            required
          />
          <button type="submit">{vi ? 'Tải lên' : 'Upload'}</button>
        </Form>
        {fieldError(error, 'photo') ? (
          <p className="field__error" role="alert">
            {fieldError(error, 'photo')}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="stock-h">
        <h2 id="stock-h">{vi ? `Tồn kho: ${product.stock}` : `Stock: ${product.stock}`}</h2>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="stock" />
          <Field
            label={vi ? 'Thay đổi (+ nhập thêm, − bớt đi)' : 'Change (+ add, − remove)'}
            name="delta"
            inputMode="numeric"
            required
            error={fieldError(error, 'delta')}
          />
          <Field
            label={vi ? 'Lý do' : 'Reason'}
            name="reason"
            required
            error={fieldError(error, 'reason')}
          />
          <button type="submit">{vi ? 'Cập nhật tồn kho' : 'Update stock'}</button>
        </Form>
        {stockHistory.length ? (
          <table className="data">
            <caption className="visually-hidden">
              {vi ? 'Lịch sử tồn kho' : 'Stock history'}
            </caption>
            <thead>
              <tr>
                <th>{vi ? 'Thời gian' : 'When'}</th>
                <th>{vi ? 'Người' : 'Who'}</th>
                <th>±</th>
                <th>{vi ? 'Còn' : 'After'}</th>
                <th>{vi ? 'Lý do' : 'Why'}</th>
              </tr>
            </thead>
            <tbody>
              {stockHistory.map((h) => (
                <tr key={h.id}>
                  <td>{formatDateTime(h.created_at)}</td>
                  <td>{h.display_name ?? '—'}</td>
                  <td>{h.delta > 0 ? `+${h.delta}` : h.delta}</td>
                  <td>{h.stock_after}</td>
                  <td>{h.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="ocop-h">
        <h2 id="ocop-h">{vi ? 'Giấy chứng nhận OCOP' : 'OCOP certificate'}</h2>
        {certificate ? (
          <p>
            {certificate.stars}★ · {certificate.certificate_no} · {certificate.issuer} ·{' '}
            {formatCalendarDate(certificate.issued_on)} →{' '}
            {formatCalendarDate(certificate.expires_on)}{' '}
            <span
              className={`status status--${certificate.review_state === 'approved' ? 'published' : certificate.review_state === 'pending' ? 'submitted' : 'rejected'}`}
            >
              {certificate.review_state === 'approved'
                ? vi
                  ? 'Đã xác minh'
                  : 'Verified'
                : certificate.review_state === 'pending'
                  ? vi
                    ? 'Chờ Sở Công Thương duyệt — chưa hiện huy hiệu'
                    : 'In review — no badge yet'
                  : certificate.review_state === 'changes_requested'
                    ? t('toChangesRequestedState')
                    : vi
                      ? 'Bị từ chối'
                      : 'Rejected'}
            </span>
            {certificate.review_note ? (
              <span className="field__error"> {certificate.review_note}</span>
            ) : null}
          </p>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="form">
          <input type="hidden" name="intent" value="ocop" />
          <div className="field">
            <label htmlFor="stars">{vi ? 'Hạng sao' : 'Stars'}</label>
            <select id="stars" name="stars" defaultValue={certificate?.stars ?? 3}>
              <option value="3">3</option>
              <option value="4">4</option>
              <option value="5">5</option>
            </select>
          </div>
          <Field
            label={vi ? 'Số giấy chứng nhận' : 'Certificate number'}
            name="certificateNo"
            defaultValue={certificate?.certificate_no}
            required
            error={fieldError(error, 'certificateNo')}
          />
          <Field
            label={vi ? 'Cơ quan cấp' : 'Issued by'}
            name="issuer"
            defaultValue={certificate?.issuer}
            required
            error={fieldError(error, 'issuer')}
          />
          <Field
            label={vi ? 'Ngày cấp (dd/mm/yyyy)' : 'Issued on (dd/mm/yyyy)'}
            name="issuedOn"
            defaultValue={certificate ? formatCalendarDate(certificate.issued_on) : ''}
            required
            error={fieldError(error, 'issuedOn')}
          />
          <Field
            label={
              vi
                ? 'Hết hạn (để trống = 36 tháng sau ngày cấp)'
                : 'Expires on (blank = 36 months after issue)'
            }
            name="expiresOn"
            error={fieldError(error, 'expiresOn')}
          />
          <div className="field">
            <label htmlFor="scan">
              {vi ? 'Bản scan giấy chứng nhận (ảnh hoặc PDF)' : 'Certificate scan (image or PDF)'}
            </label>
            <input
              id="scan"
              name="scan"
              type="file"
              accept="image/jpeg,image/png,image/webp,application/pdf"
            />
            {fieldError(error, 'scan') ? (
              <p className="field__error" role="alert">
                {fieldError(error, 'scan')}
              </p>
            ) : null}
          </div>
          <button type="submit">{vi ? 'Gửi duyệt chứng nhận' : 'Submit the certificate'}</button>
        </Form>
      </section>

      <section aria-labelledby="details-h">
        <h2 id="details-h">
          {vi ? 'Thông tin sản phẩm' : 'Product details'}{' '}
          <span className="muted">({formatVnd(product.price_vnd)})</span>
        </h2>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="save" />
          <ListingFields
            values={{
              name: product.name,
              description: product.description,
              group: product.ocop_group,
              category: product.category,
              unit: product.unit,
              netQuantity: product.net_quantity,
              weightG: product.weight_g,
              priceVnd: product.price_vnd,
              gtin: product.gtin,
              originCommuneCode: product.origin_commune_code,
              certifications,
            }}
            communes={communes}
            error={error}
            lang={lang}
          />
          <button type="submit">{vi ? 'Lưu thay đổi' : 'Save changes'}</button>
        </Form>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
