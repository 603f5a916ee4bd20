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
import { BatchFacts } from '~/components/traceability/BatchFacts';
import { JourneyTimeline } from '~/components/traceability/JourneyTimeline';
import { fileBuffer, readForm, listCommunes } from '~/catalogue/index.server';
import { langFromRequest, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { invalid } from '~/lib/errors';
import { orErrorPage, text, withUserErrors } from '~/lib/forms.server';
import { processUploadedPhoto } from '~/lib/images.server';
import {
  addBatchEvent,
  getManagedBatch,
  loadBatchSummary,
  loadJourney,
  parseEventForm,
  saveLabDocument,
  listReports,
  scanSummary,
  issueStamps,
  resumeIssueJobs,
  revokeStamps,
  stampOverview,
} from '~/traceability/index.server';
import { EVENT_KIND_NAMES, JOURNEY_STEPS, LABEL_LAYOUTS } from '~/traceability';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  {
    title: page ? `Lô ${page.batch.lotCode} — ${page.batch.productName} — Chợ Phiên` : 'Chợ Phiên',
  },
  // While stamps are being issued the page refreshes itself (no JavaScript needed).
  ...(page?.stamps.pending ? [{ httpEquiv: 'refresh', content: '2' } as const] : []),
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const { db } = context.services;
  const managed = await orErrorPage(langFromRequest(request), () =>
    getManagedBatch(db, actor, Number(params.id)),
  );
  await resumeIssueJobs(db, managed.id);
  const [batch, journey, stamps, reports, scans, communes] = await Promise.all([
    loadBatchSummary(db, managed.id),
    loadJourney(db, managed.id),
    stampOverview(db, managed.id),
    listReports(db, managed.id),
    scanSummary(db, managed.id),
    listCommunes(db, managed.provinceCode),
  ]);
  return data(
    { batch: batch!, journey, stamps, reports, scans, communes },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

function parseCount(value: string, field: string): number {
  const digits = value.replace(/[\s.,_]/g, '');
  if (!/^\d{1,16}$/.test(digits))
    throw invalid(field, {
      vi: 'Hãy nhập một số nguyên dương.',
      en: 'Enter a positive whole number.',
    });
  return Number(digits);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const { db, config, stampKeyring } = context.services;
  const id = Number(params.id);
  return withUserErrors(langFromRequest(request), async () => {
    const form = await readForm(request);
    switch (text(form, 'intent')) {
      case 'event': {
        const input = parseEventForm((name) => text(form, name));
        const photos = [];
        for (const file of form.getAll('photo')) {
          if (typeof file === 'string' || file.size === 0) continue;
          photos.push(await processUploadedPhoto(Buffer.from(await file.arrayBuffer())));
        }
        const document = await fileBuffer(form, 'document');
        if (document) {
          await getManagedBatch(db, actor, id); // strangers store nothing
          input.details.documentKey = await saveLabDocument(config.dataDir, document);
        }
        const eventId = await addBatchEvent(db, actor, id, input, photos, config.uploadsDir);
        return { ok: 'event' as const, eventId };
      }
      case 'issue': {
        const issueId = await issueStamps(
          db,
          actor,
          id,
          parseCount(text(form, 'count'), 'count'),
          stampKeyring,
        );
        return { ok: 'issue' as const, issueId };
      }
      case 'revoke': {
        await revokeStamps(db, actor, id, {
          start: parseCount(text(form, 'start'), 'start'),
          count: parseCount(text(form, 'count'), 'revokeCount'),
          reason: text(form, 'reason'),
        });
        return { ok: 'revoke' as const };
      }
      default:
        throw invalid('intent', { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' });
    }
  });
}

const STATUS_NAMES = {
  queued: { vi: 'Đang chờ', en: 'Queued' },
  running: { vi: 'Đang cấp', en: 'Issuing' },
  done: { vi: 'Xong', en: 'Done' },
  failed: { vi: 'Lỗi', en: 'Failed' },
} as const;

export default function ManageBatch() {
  const { batch, journey, stamps, reports, scans, communes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
  const { lang } = useI18n();
  const vi = lang === 'vi';
  const n = (value: number) => value.toLocaleString(vi ? 'vi-VN' : 'en-US');
  const done = stamps.issues.filter((i) => i.status === 'done');
  const firstDone = done.at(-1);
  return (
    <article className="workspace">
      <p>
        <Link to={`/kenh-nguoi-ban/san-pham/${batch.productId}/lo-hang`}>
          ← {batch.productName}
        </Link>
      </p>
      <h1>
        {vi ? 'Lô' : 'Lot'} {batch.lotCode}
      </h1>
      {batch.productStatus === 'published' ? (
        <p>
          <Link to={`/lo-hang/${batch.id}`}>
            {vi ? 'Trang truy xuất công khai' : 'Public traceability page'} →
          </Link>
        </p>
      ) : (
        <p className="muted">
          {vi
            ? 'Sản phẩm chưa đăng bán: trang truy xuất công khai chưa hiện.'
            : 'The product is not published: the public page is hidden.'}
        </p>
      )}
      {result && 'ok' in result ? (
        <p className="notice notice--ok" role="status">
          {vi ? 'Đã lưu.' : 'Saved.'}
        </p>
      ) : null}
      <FormMessage error={error} />
      <BatchFacts batch={batch} />

      <section aria-labelledby="stamps-h">
        <h2 id="stamps-h">{vi ? 'Tem truy xuất' : 'Traceability stamps'}</h2>
        <p>
          {vi
            ? `Tem còn hiệu lực: ${n(stamps.validCount)} · Lượt quét: ${n(scans.total)} · Nghi sao chép: ${n(scans.copied)}`
            : `Valid stamps: ${n(stamps.validCount)} · Scans: ${n(scans.total)} · Possibly copied: ${n(scans.copied)}`}
        </p>
        {stamps.issues.length ? (
          <table className="data">
            <caption className="visually-hidden">{vi ? 'Các lần cấp tem' : 'Stamp issues'}</caption>
            <thead>
              <tr>
                <th>{vi ? 'Số sê-ri' : 'Serials'}</th>
                <th>{vi ? 'Trạng thái' : 'Status'}</th>
                <th>{vi ? 'Tiến độ' : 'Progress'}</th>
                <th>{vi ? 'Yêu cầu lúc' : 'Requested'}</th>
              </tr>
            </thead>
            <tbody>
              {stamps.issues.map((i) => (
                <tr key={i.id} data-issue-status={i.status}>
                  <td>
                    {n(i.serial_start)}–{n(i.serial_start + i.count - 1)}
                  </td>
                  <td>
                    {STATUS_NAMES[i.status][lang]}
                    {i.error ? ` (${i.error})` : ''}
                  </td>
                  <td>
                    <progress max={i.count} value={i.progress}>
                      {Math.round((100 * i.progress) / i.count)}%
                    </progress>{' '}
                    {Math.round((100 * i.progress) / i.count)}%
                  </td>
                  <td>{formatDateTime(i.requested_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="issue" />
          <Field
            label={vi ? 'Số tem cần cấp (1 – 1.000.000)' : 'Number of stamps (1 – 1,000,000)'}
            name="count"
            inputMode="numeric"
            required
            error={fieldError(error, 'count')}
          />
          <button type="submit">{vi ? 'Cấp tem' : 'Issue stamps'}</button>
        </Form>

        {done.length ? (
          <form method="get" action={`/kenh-nguoi-ban/lo-hang/${batch.id}/in-tem`} className="form">
            <h3>{vi ? 'Tải tệp PDF để in tem' : 'Download the PDF to print'}</h3>
            <div className="field">
              <label htmlFor="layout">{vi ? 'Khổ tem' : 'Label layout'}</label>
              <select id="layout" name="layout" defaultValue="a4-65">
                {Object.values(LABEL_LAYOUTS).map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.id === 'roll-50x30'
                      ? vi
                        ? 'Cuộn tem 50×30 mm (máy in nhiệt)'
                        : 'Roll 50×30 mm (thermal printer)'
                      : `A4 ${l.columns * l.rows} ${vi ? 'tem' : 'labels'} ${l.labelWidthMm}×${l.labelHeightMm} mm`}
                  </option>
                ))}
              </select>
            </div>
            <Field
              label={vi ? 'Từ số' : 'From serial'}
              name="start"
              inputMode="numeric"
              defaultValue={String(firstDone?.serial_start ?? 1)}
              required
            />
            <Field
              label={vi ? 'Số tem (tối đa 100.000 mỗi tệp)' : 'How many (100,000 per file at most)'}
              name="count"
              inputMode="numeric"
              defaultValue={String(Math.min(firstDone?.count ?? 65, 1000))}
              required
            />
            <button type="submit">{vi ? 'Tải PDF' : 'Download PDF'}</button>
            <p className="muted">
              {vi
                ? 'In đúng kích thước 100% (không "vừa trang").'
                : 'Print at 100 % / actual size (never "fit to page").'}
            </p>
          </form>
        ) : null}

        <h3>{vi ? 'Thu hồi tem (mất cuộn tem…)' : 'Revoke stamps (a lost roll…)'}</h3>
        {stamps.revocations.length ? (
          <ul>
            {stamps.revocations.map((r) => (
              <li key={r.id}>
                {n(r.serial_start)}–{n(r.serial_start + r.count - 1)}: {r.reason}{' '}
                <span className="muted">({formatDateTime(r.revoked_at)})</span>
              </li>
            ))}
          </ul>
        ) : null}
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="revoke" />
          <Field
            label={vi ? 'Từ số' : 'From serial'}
            name="start"
            inputMode="numeric"
            required
            error={fieldError(error, 'start')}
          />
          <Field
            label={vi ? 'Số tem' : 'How many'}
            name="count"
            inputMode="numeric"
            required
            error={fieldError(error, 'revokeCount')}
          />
          <Field
            label={vi ? 'Lý do' : 'Reason'}
            name="reason"
            required
            error={fieldError(error, 'reason')}
          />
          <button type="submit" className="button--secondary">
            {vi ? 'Thu hồi' : 'Revoke'}
          </button>
        </Form>
      </section>

      <section aria-labelledby="journey-h">
        <h2 id="journey-h">{vi ? 'Hành trình' : 'Journey'}</h2>
        <JourneyTimeline events={journey} batchId={batch.id} />
        <h3>{vi ? 'Thêm sự kiện hoặc đính chính' : 'Add an event or a correction'}</h3>
        <p className="muted">
          {vi
            ? 'Sự kiện đã ghi không sửa hay xoá được: để sửa sai, ghi một sự kiện đính chính trỏ tới sự kiện cũ — người mua thấy cả hai.'
            : 'Recorded events cannot be edited or deleted: to fix a mistake, record a correction pointing at it — buyers see both.'}
        </p>
        {/* A new key after each recorded event empties the form (with JavaScript the page is not reloaded). */}
        <Form
          key={result && 'eventId' in result ? result.eventId : 'new'}
          method="post"
          encType="multipart/form-data"
          className="form"
        >
          <input type="hidden" name="intent" value="event" />
          <div className="field">
            <label htmlFor="kind">{vi ? 'Loại sự kiện' : 'Kind of event'}</label>
            <select id="kind" name="kind" required defaultValue="">
              <option value="">—</option>
              {JOURNEY_STEPS.map((k) => (
                <option key={k} value={k}>
                  {EVENT_KIND_NAMES[k][lang]}
                </option>
              ))}
            </select>
            {fieldError(error, 'kind') ? (
              <p className="field__error" role="alert">
                {fieldError(error, 'kind')}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="correctsEventId">
              {vi ? 'Đính chính sự kiện (nếu có)' : 'Corrects event (if any)'}
            </label>
            <select id="correctsEventId" name="correctsEventId" defaultValue="">
              <option value="">{vi ? '— Sự kiện mới —' : '— New event —'}</option>
              {journey.map((e) => (
                <option key={e.id} value={e.id}>
                  #{e.id} {EVENT_KIND_NAMES[e.step][lang]} {formatDateTime(e.occurredAt)}
                </option>
              ))}
            </select>
            {fieldError(error, 'correctsEventId') ? (
              <p className="field__error" role="alert">
                {fieldError(error, 'correctsEventId')}
              </p>
            ) : null}
          </div>
          <Field
            label={vi ? 'Ngày (dd/mm/yyyy)' : 'Date (dd/mm/yyyy)'}
            name="date"
            required
            error={fieldError(error, 'date')}
          />
          <Field
            label={vi ? 'Giờ (hh:mm, không bắt buộc)' : 'Time (hh:mm, optional)'}
            name="time"
            error={fieldError(error, 'time')}
          />
          <div className="field">
            <label htmlFor="event-commune">{vi ? 'Xã/phường' : 'Commune'}</label>
            <select id="event-commune" name="communeCode" defaultValue={batch.communeCode}>
              <option value="">—</option>
              {communes.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.fullName}
                </option>
              ))}
            </select>
          </div>
          <Field
            label={vi ? 'Địa điểm' : 'Place'}
            name="place"
            error={fieldError(error, 'place')}
          />
          <div className="field">
            <label htmlFor="description">{vi ? 'Mô tả' : 'Description'}</label>
            <textarea id="description" name="description" rows={2} maxLength={2000} />
          </div>
          <fieldset>
            <legend>
              {vi ? 'Chăm sóc: phân bón / thuốc BVTV' : 'Care: fertiliser / pesticide'}
            </legend>
            <Field
              label={vi ? 'Tên sản phẩm đã dùng' : 'Product used'}
              name="inputProduct"
              error={fieldError(error, 'inputProduct')}
            />
            <Field
              label={vi ? 'Liều lượng' : 'Dose'}
              name="dose"
              error={fieldError(error, 'dose')}
            />
            <Field
              label={vi ? 'Thời gian cách ly (ngày)' : 'Pre-harvest interval (days)'}
              name="preHarvestDays"
              inputMode="numeric"
              error={fieldError(error, 'preHarvestDays')}
            />
          </fieldset>
          <Field
            label={
              vi
                ? 'Chế biến: mã số các lô đầu vào (cách nhau bằng dấu phẩy)'
                : 'Processing: input batch numbers (comma-separated)'
            }
            name="inputBatchIds"
            error={fieldError(error, 'inputBatchIds')}
          />
          <Field
            label={vi ? 'Kiểm nghiệm: kết quả' : 'Inspection: result'}
            name="result"
            error={fieldError(error, 'result')}
          />
          <div className="field">
            <label htmlFor="document">
              {vi
                ? 'Kiểm nghiệm: phiếu kết quả (PDF, không bắt buộc)'
                : 'Inspection: lab report (PDF, optional)'}
            </label>
            <input id="document" name="document" type="file" accept="application/pdf" />
            {fieldError(error, 'document') ? (
              <p className="field__error" role="alert">
                {fieldError(error, 'document')}
              </p>
            ) : null}
          </div>
          <Field
            label={vi ? 'Vận chuyển: đơn vị vận chuyển' : 'Shipping: carrier'}
            name="carrier"
            error={fieldError(error, 'carrier')}
          />
          <div className="field">
            <label htmlFor="photo">
              {vi
                ? 'Ảnh (tối đa 4; phiếu kết quả kiểm nghiệm cũng chụp ảnh tại đây)'
                : 'Photos (up to 4; photograph a lab report here too)'}
            </label>
            <input
              id="photo"
              name="photo"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              multiple
            />
            {fieldError(error, 'photo') ? (
              <p className="field__error" role="alert">
                {fieldError(error, 'photo')}
              </p>
            ) : null}
          </div>
          <button type="submit">{vi ? 'Ghi sự kiện' : 'Record the event'}</button>
        </Form>
      </section>

      <section aria-labelledby="reports-h">
        <h2 id="reports-h">{vi ? 'Báo cáo từ người mua' : 'Reports from buyers'}</h2>
        {reports.length ? (
          <ul>
            {reports.map((r) => (
              <li key={r.id}>
                <span className="muted">
                  {formatDateTime(r.created_at)}
                  {r.serial ? ` · ${vi ? 'tem' : 'stamp'} ${r.serial}` : ''}
                  {r.contact ? ` · ${r.contact}` : ''}
                </span>
                <br />
                {r.message}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{vi ? 'Chưa có báo cáo nào.' : 'No reports.'}</p>
        )}
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
