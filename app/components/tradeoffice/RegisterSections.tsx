import { Form } from '@remix-run/react';
import type { Message } from '~/i18n/messages';
import { useI18n } from '~/i18n';
import { REGISTER_COLUMNS } from '~/tradeoffice';

interface Suggestion {
  entry: { id: number; product_name: string; producer: string; certificate_no: string };
  candidates: Array<{ id: number; name: string; organizationName: string; score: number }>;
}

/** Register entries with the listings that look like them: the officer confirms the right one. */
export function MatchSection({
  suggestions,
  matched,
}: {
  suggestions: Suggestion[];
  matched: boolean;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="match-h">
      <h2 id="match-h">{t('toMatchHeading')}</h2>
      {matched ? (
        <p className="notice notice--ok" role="status">
          {t('toMatched')}
        </p>
      ) : null}
      <ul className="review-list">
        {suggestions
          .filter((s) => s.candidates.length)
          .map((s) => (
            <li key={s.entry.id}>
              <strong>{s.entry.product_name}</strong>{' '}
              <span className="muted">
                {s.entry.producer} · {s.entry.certificate_no}
              </span>
              {s.candidates.map((c) => (
                <Form method="post" className="inline-form" key={c.id}>
                  <input type="hidden" name="intent" value="match" />
                  <input type="hidden" name="entryId" value={s.entry.id} />
                  <input type="hidden" name="productId" value={c.id} />
                  <span>
                    {c.name} — {c.organizationName} ({Math.round(c.score * 100)}%)
                  </span>
                  <button type="submit">{t('toConfirmMatch')}</button>
                </Form>
              ))}
            </li>
          ))}
      </ul>
    </section>
  );
}

/** The province's official OCOP register as CSV: every problem listed, or what was imported. */
export function ImportSection({
  errors,
  imported,
  fileError,
}: {
  errors: Array<{ line: number; message: Message }> | null;
  imported: { created: number; updated: number } | null;
  fileError: string | null;
}) {
  const { lang, t } = useI18n();
  return (
    <section aria-labelledby="import-h">
      <h2 id="import-h">{t('toImportHeading')}</h2>
      <p className="muted">
        <code>{REGISTER_COLUMNS.join(',')}</code> — {t('toSeeFormatDoc')}
      </p>
      {errors ? (
        <div className="form-error" role="alert">
          <p>{t('toNothingImported', { n: errors.length })}</p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>{t('toLine', { line: e.line, message: e.message[lang] })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {imported ? (
        <p className="notice notice--ok" role="status">
          {t('toImported', imported)}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="inline-form">
        <input type="hidden" name="intent" value="import" />
        <label htmlFor="register-file">{t('toCsvFile')}</label>
        <input
          id="register-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-invalid={fileError ? true : undefined}
        />
        <button type="submit">{t('toImportButton')}</button>
        {fileError ? (
          <p className="field__error" role="alert">
            {fileError}
          </p>
        ) : null}
      </Form>
    </section>
  );
}
