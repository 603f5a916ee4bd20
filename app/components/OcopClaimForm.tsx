import { Form } from '@remix-run/react';
import { useI18n } from '~/i18n';
import { formatCalendarDate } from '~/lib/dates';
import { FormAnswer } from './EditSection';
import { Field, type formFeedback } from './Field';

interface Certificate {
  stars: number;
  certificate_no: string;
  issuer: string;
  issued_on: string;
  expires_on: string;
  review_state: string;
  review_note: string | null;
}

const STATE_BADGE: Record<string, string> = { approved: 'published', pending: 'submitted' };
const STATE_TEXT = {
  approved: 'sellOcopVerified',
  pending: 'sellOcopPending',
  changes_requested: 'toChangesRequestedState',
  rejected: 'sellOcopRejected',
} as const;

/** The product page's OCOP certificate: what was claimed, its review, and the form to (re)submit it. */
export function OcopClaimForm({
  certificate,
  feedback,
  saved,
  action,
}: {
  certificate: Certificate | null;
  feedback: ReturnType<typeof formFeedback>;
  saved: string | null;
  action: string;
}) {
  const { t } = useI18n();
  const { fieldError } = feedback;
  const state = certificate?.review_state as keyof typeof STATE_TEXT | undefined;
  return (
    <div>
      <h3 id="ocop-claim-h">{t('sellOcopHeading')}</h3>
      <FormAnswer saved={saved} feedback={feedback} />
      {certificate ? (
        <p>
          {certificate.stars}★ · {certificate.certificate_no} · {certificate.issuer} ·{' '}
          {formatCalendarDate(certificate.issued_on)} → {formatCalendarDate(certificate.expires_on)}{' '}
          <span className={`status status--${STATE_BADGE[certificate.review_state] ?? 'rejected'}`}>
            {t(STATE_TEXT[state ?? 'rejected'] ?? 'sellOcopRejected')}
          </span>
          {certificate.review_note ? (
            <span className="field__error"> {certificate.review_note}</span>
          ) : null}
        </p>
      ) : null}
      <Form
        method="post"
        action={action}
        encType="multipart/form-data"
        className="form"
        aria-labelledby="ocop-claim-h"
      >
        <input type="hidden" name="intent" value="ocop" />
        <div className="field">
          <label htmlFor="stars">{t('sellOcopStars')}</label>
          <select id="stars" name="stars" defaultValue={certificate?.stars ?? 3}>
            <option value="3">3</option>
            <option value="4">4</option>
            <option value="5">5</option>
          </select>
        </div>
        <Field
          label={t('sellOcopCertificateNo')}
          name="certificateNo"
          defaultValue={certificate?.certificate_no}
          required
          error={fieldError('certificateNo')}
        />
        <Field
          label={t('sellOcopIssuer')}
          name="issuer"
          defaultValue={certificate?.issuer}
          required
          error={fieldError('issuer')}
        />
        <Field
          label={t('sellOcopIssuedOn')}
          name="issuedOn"
          defaultValue={certificate ? formatCalendarDate(certificate.issued_on) : ''}
          required
          error={fieldError('issuedOn')}
        />
        <Field label={t('sellOcopExpiresOn')} name="expiresOn" error={fieldError('expiresOn')} />
        <div className="field">
          <label htmlFor="scan">{t('sellOcopScan')}</label>
          <input
            id="scan"
            name="scan"
            type="file"
            accept="image/jpeg,image/png,image/webp,application/pdf"
          />
          {fieldError('scan') ? (
            <p className="field__error" role="alert">
              {fieldError('scan')}
            </p>
          ) : null}
        </div>
        <button type="submit">{t('sellOcopSubmit')}</button>
      </Form>
    </div>
  );
}
