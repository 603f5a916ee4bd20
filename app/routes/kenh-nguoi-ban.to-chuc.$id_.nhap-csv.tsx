import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { formFeedback, FormMessage } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { IMPORT_COLUMNS, sellerImportSchema } from '~/catalogue';
import {
  fileBuffer,
  getMemberOrganization,
  importSellerCsv,
  readForm,
} from '~/catalogue/index.server';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import { formatMessage } from '~/i18n/messages';
import { importLimitMessages } from '~/i18n/messages/import-limits';
import { TableWrap } from '~/components/TableWrap';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
];

/** Rows of a preview or of its problems shown on the page; the rest are counted. */
const SHOWN_ROWS = 300;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const org = await orErrorPage(lang, () =>
    getMemberOrganization(context.services.db, actor, Number(params.id)),
  );
  return data(
    { org: { id: org.id, name: org.name }, title: translator(lang)('sellImportTitle') },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

/**
 * Step 1 (preview): check the whole file and list every bad row; nothing is written. Step 2 (import):
 * the same bytes, sent back from the preview, checked again and written in one transaction as drafts.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const { db, config } = context.services;
  const id = Number(params.id);
  await orErrorPage(lang, () => getMemberOrganization(db, actor, id));
  return withUserErrors(lang, async () => {
    const form = await readForm(request);
    const submission = parseSubmission(sellerImportSchema, form);
    if (!submission.ok) return submissionFailed(lang, submission);
    const input = submission.value;
    const csv =
      input.intent === 'preview'
        ? await fileBuffer(form, 'file')
        : Buffer.from(input.csv, 'base64');
    const result = await importSellerCsv(db, actor, id, input.intent, csv, config.uploadsDir);
    // A file with bad rows is understood but cannot be processed: 422, with every bad row.
    if (!result.ok)
      return data(
        {
          errors: result.errors.slice(0, SHOWN_ROWS).map((e) => ({
            line: e.line,
            column: e.column ?? null,
            message: e.message[lang],
          })),
          errorTotal: result.errors.length,
        },
        { status: 422 },
      );
    if ('imported' in result) return { imported: result.imported };
    // A page of 13,000 table rows would take seconds to render (synchronously): the first rows show.
    return {
      preview: result.preview.slice(0, SHOWN_ROWS),
      previewTotal: result.preview.length,
      csv: csv?.toString('base64') ?? '',
    };
  });
}

export default function ImportCsv() {
  const { org } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, lang } = useI18n();
  const errors = result && 'errors' in result ? result.errors : null;
  const imported = result && 'imported' in result ? result.imported : null;
  const preview = result && 'preview' in result ? result.preview : null;
  const checkedCsv = result && 'csv' in result ? result.csv : '';
  const previewTotal = (result && 'previewTotal' in result ? result.previewTotal : 0) ?? 0;
  const errorTotal = (result && 'errorTotal' in result ? result.errorTotal : 0) ?? 0;
  const more = (total: number, shown: number) =>
    total > shown ? (
      <p className="muted">
        {formatMessage(importLimitMessages.moreRows, { n: total - shown })[lang]}
      </p>
    ) : null;
  return (
    <div className="workspace">
      <p>
        <Link to="/kenh-nguoi-ban">← {t('sellerHome')}</Link>
      </p>
      <h1>{t('sellImportHeading', { name: org.name })}</h1>
      <p className="muted">
        {t('sellImportHeader')} <code>{IMPORT_COLUMNS.join(',')}</code>.{' '}
        {t('sellImportRules', { name: org.name })}
      </p>
      <FormMessage error={formFeedback(result).formError} />
      {errors ? (
        <section aria-labelledby="errors-h">
          <h2 id="errors-h">{t('sellImportFailed', { n: errorTotal })}</h2>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                {t('sellImportLine')} {e.line}
                {e.column ? ` (${e.column})` : ''}: {e.message}
              </li>
            ))}
          </ul>
          {more(errorTotal, errors.length)}
        </section>
      ) : null}
      {imported ? (
        <p className="notice notice--ok" role="status">
          {t('sellImported', { ...imported })}
        </p>
      ) : null}
      {preview ? (
        <section aria-labelledby="preview-h">
          <h2 id="preview-h">{t('sellImportPreview', { n: previewTotal })}</h2>
          <TableWrap labelledBy="preview-h">
            <table className="data">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('sellProduct')}</th>
                  <th>{t('sellPriceShort')}</th>
                  <th>{t('sellStockShort')}</th>
                  <th>OCOP</th>
                </tr>
              </thead>
              <tbody>
                {preview.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>{r.name}</td>
                    <td>
                      {formatVnd(r.priceVnd)} / {r.unit}
                    </td>
                    <td>{r.stock}</td>
                    <td>{r.stars ? `${r.stars}★` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {more(previewTotal, preview.length)}
          <Form method="post">
            <input type="hidden" name="intent" value="import" />
            <input type="hidden" name="csv" value={checkedCsv} />
            <button type="submit">{t('sellImportAll')}</button>
          </Form>
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="form">
        <input type="hidden" name="intent" value="preview" />
        <div className="field">
          <label htmlFor="file">{t('sellCsvFile')}</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" required />
        </div>
        <button type="submit">{t('sellCheckAndPreview')}</button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
