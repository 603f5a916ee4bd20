import { useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';

/** Buyers' "suspicious product" reports of a batch, newest first, on the producer's batch page. */
export function BuyerReports({
  reports,
}: {
  reports: Array<{
    id: number;
    created_at: string;
    serial: number | null;
    contact: string | null;
    message: string;
  }>;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="reports-h">
      <h2 id="reports-h">{t('traceBuyerReports')}</h2>
      {reports.length ? (
        <ul>
          {reports.map((r) => (
            <li key={r.id}>
              <span className="muted">
                {formatDateTime(r.created_at)}
                {r.serial ? ` · ${t('traceStampNo', { serial: r.serial })}` : ''}
                {r.contact ? ` · ${r.contact}` : ''}
              </span>
              <br />
              {r.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('traceNoReports')}</p>
      )}
    </section>
  );
}
