import { useI18n } from '~/i18n';

/** "Report a suspicious product": a plain form posted to the batch page (rate limited there). */
export function ReportForm({
  batchId,
  serial,
  fieldError = () => null,
}: {
  batchId: number | null;
  serial: number | null;
  fieldError?: (name: string) => string | null;
}) {
  const { t } = useI18n();
  const messageError = fieldError('message');
  const contactError = fieldError('contact');
  if (batchId === null) {
    return (
      <section aria-labelledby="report-h">
        <h2 id="report-h">{t('traceReportTitle')}</h2>
        <p>{t('traceReportElsewhere')}</p>
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
          <label htmlFor="report-message">{t('traceReportMessage')}</label>
          <textarea
            id="report-message"
            name="message"
            rows={3}
            required
            minLength={10}
            maxLength={2000}
            aria-invalid={messageError ? true : undefined}
          />
          {messageError ? (
            <p className="field__error" role="alert">
              {messageError}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="report-contact">{t('traceReportContact')}</label>
          <input
            id="report-contact"
            name="contact"
            maxLength={200}
            aria-invalid={contactError ? true : undefined}
          />
          {contactError ? (
            <p className="field__error" role="alert">
              {contactError}
            </p>
          ) : null}
        </div>
        <button type="submit">{t('traceReportSend')}</button>
      </form>
    </section>
  );
}
