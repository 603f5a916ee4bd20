import { useI18n } from '~/i18n';

/** "Report a suspicious product": a plain form posted to the batch page (rate limited there). */
export function ReportForm({
  batchId,
  serial,
  error,
}: {
  batchId: number | null;
  serial: number | null;
  error?: { field: string | null; message: string } | null;
}) {
  const { lang, t } = useI18n();
  const vi = lang === 'vi';
  if (batchId === null) {
    return (
      <section aria-labelledby="report-h">
        <h2 id="report-h">{t('traceReportTitle')}</h2>
        <p>
          {vi
            ? 'Hãy báo cho Sở Công Thương nơi bạn mua hàng hoặc gọi đường dây nóng 1800 6838 (Cục Quản lý thị trường).'
            : 'Tell the trade office of the province where you bought it, or call the market surveillance hotline 1800 6838.'}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="report-h">
      <h2 id="report-h">{t('traceReportTitle')}</h2>
      <form method="post" action={`/lo-hang/${batchId}`} className="form">
        <input type="hidden" name="intent" value="report" />
        {serial !== null ? <input type="hidden" name="serial" value={serial} /> : null}
        <div className="field">
          <label htmlFor="report-message">{vi ? 'Điều gì bất thường?' : 'What looks wrong?'}</label>
          <textarea
            id="report-message"
            name="message"
            rows={3}
            required
            minLength={10}
            maxLength={2000}
            aria-invalid={error?.field === 'message' ? true : undefined}
          />
          {error?.field === 'message' ? (
            <p className="field__error" role="alert">
              {error.message}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="report-contact">
            {vi ? 'Số điện thoại hoặc e-mail (không bắt buộc)' : 'Phone or e-mail (optional)'}
          </label>
          <input id="report-contact" name="contact" maxLength={200} />
        </div>
        <button type="submit">{vi ? 'Gửi báo cáo' : 'Send the report'}</button>
      </form>
    </section>
  );
}
