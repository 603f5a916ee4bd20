import { Form } from '@remix-run/react';
import { Field } from '~/components/Field';
import { useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { LABEL_LAYOUTS } from '~/traceability';
import { formatCount } from './format';

type IssueStatus = 'queued' | 'running' | 'done' | 'failed';

export interface StampOverviewProps {
  batchId: number;
  stamps: {
    validCount: number;
    issues: Array<{
      id: number;
      serial_start: number;
      count: number;
      status: IssueStatus;
      progress: number;
      requested_at: string;
      error: string | null;
    }>;
    revocations: Array<{
      id: number;
      serial_start: number;
      count: number;
      reason: string;
      revoked_at: string;
    }>;
  };
  scans: { total: number; copied: number };
  /** The error of a field of the issue or the revoke form, if the last submission was that one. */
  fieldError: (form: 'issue' | 'revoke', name: string) => string | null;
}

/** The producer's stamps of a batch: issues with their progress, printing, revocation. */
export function StampIssues({ batchId, stamps, scans, fieldError }: StampOverviewProps) {
  const { lang, t } = useI18n();
  const n = (value: number) => formatCount(value, lang);
  const done = stamps.issues.filter((i) => i.status === 'done');
  const firstDone = done.at(-1);
  return (
    <section aria-labelledby="stamps-h">
      <h2 id="stamps-h">{t('traceStampsHeading')}</h2>
      <p>
        {t('traceStampCounts', {
          valid: n(stamps.validCount),
          scans: n(scans.total),
          copied: n(scans.copied),
        })}
      </p>
      {stamps.issues.length ? (
        <table className="data">
          <caption className="visually-hidden">{t('traceIssuesCaption')}</caption>
          <thead>
            <tr>
              <th>{t('traceColSerials')}</th>
              <th>{t('traceColStatus')}</th>
              <th>{t('traceColProgress')}</th>
              <th>{t('traceColRequested')}</th>
            </tr>
          </thead>
          <tbody>
            {stamps.issues.map((i) => {
              const percent = Math.round((100 * i.progress) / i.count);
              return (
                <tr key={i.id} data-issue-status={i.status}>
                  <td>
                    {n(i.serial_start)}–{n(i.serial_start + i.count - 1)}
                  </td>
                  <td>
                    {t(`traceIssueStatus_${i.status}`)}
                    {i.error ? ` (${i.error})` : ''}
                  </td>
                  <td>
                    <progress max={i.count} value={i.progress}>
                      {percent}%
                    </progress>{' '}
                    {percent}%
                  </td>
                  <td>{formatDateTime(i.requested_at)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="issue" />
        <Field
          label={t('traceIssueCountLabel')}
          name="count"
          inputMode="numeric"
          required
          error={fieldError('issue', 'count')}
        />
        <button type="submit">{t('traceIssueButton')}</button>
      </Form>

      {done.length ? (
        <form method="get" action={`/kenh-nguoi-ban/lo-hang/${batchId}/in-tem`} className="form">
          <h3>{t('tracePrintHeading')}</h3>
          <div className="field">
            <label htmlFor="layout">{t('traceLayoutLabel')}</label>
            <select id="layout" name="layout" defaultValue="a4-65">
              {Object.values(LABEL_LAYOUTS).map((l) => (
                <option key={l.id} value={l.id}>
                  {l.id === 'roll-50x30'
                    ? t('traceLayoutRoll')
                    : t('traceLayoutA4', {
                        n: l.columns * l.rows,
                        size: `${l.labelWidthMm}×${l.labelHeightMm}`,
                      })}
                </option>
              ))}
            </select>
          </div>
          <Field
            label={t('traceFromSerial')}
            name="start"
            inputMode="numeric"
            defaultValue={String(firstDone?.serial_start ?? 1)}
            required
          />
          <Field
            label={t('tracePrintCountLabel')}
            name="count"
            inputMode="numeric"
            defaultValue={String(Math.min(firstDone?.count ?? 65, 1000))}
            required
          />
          <button type="submit">{t('tracePrintButton')}</button>
          <p className="muted">{t('tracePrintHint')}</p>
        </form>
      ) : null}

      <h3>{t('traceRevokeHeading')}</h3>
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
          label={t('traceFromSerial')}
          name="start"
          inputMode="numeric"
          required
          error={fieldError('revoke', 'start')}
        />
        <Field
          label={t('traceHowMany')}
          name="count"
          inputMode="numeric"
          required
          error={fieldError('revoke', 'count')}
        />
        <Field
          label={t('traceReason')}
          name="reason"
          required
          error={fieldError('revoke', 'reason')}
        />
        <button type="submit" className="button--secondary">
          {t('traceRevokeButton')}
        </button>
      </Form>
    </section>
  );
}
