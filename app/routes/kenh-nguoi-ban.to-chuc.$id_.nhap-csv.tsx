import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireOrgMember } from '~/accounts';
import { requireActor } from '~/accounts/index.server';
import { FormMessage } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { IMPORT_COLUMNS } from '~/catalogue';
import { applyImport, checkImport, fileBuffer, readForm } from '~/catalogue/index.server';
import { langFromRequest, useI18n } from '~/i18n';
import { invalid } from '~/lib/errors';
import { orErrorPage, text, withUserErrors } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';

export const meta: MetaFunction = () => [{ title: 'Nhập sản phẩm từ CSV — Chợ Phiên' }];

const MAX_CSV_BYTES = 2 * 1024 * 1024;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const id = Number(params.id);
  await orErrorPage(langFromRequest(request), async () => requireOrgMember(actor, id));
  const org = await context.services.db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return data({ org }, { headers: { 'Cache-Control': 'private, no-store' } });
}

/**
 * Step 1 (preview): check the whole file and list every bad row; nothing is written. Step 2 (import):
 * the same text, checked again, written in one transaction as drafts for review.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const id = Number(params.id);
  const lang = langFromRequest(request);
  await orErrorPage(lang, async () => requireOrgMember(actor, id));
  return withUserErrors(lang, async () => {
    const form = await readForm(request);
    const intent = text(form, 'intent');
    const buffer =
      intent === 'preview'
        ? await fileBuffer(form, 'file')
        : Buffer.from(text(form, 'csv'), 'base64');
    if (!buffer || buffer.length === 0)
      throw invalid('file', { vi: 'Hãy chọn tệp CSV.', en: 'Choose a CSV file.' });
    if (buffer.length > MAX_CSV_BYTES)
      throw invalid('file', { vi: 'Tệp CSV tối đa 2 MB.', en: 'The CSV file is 2 MB at most.' });
    const csv = buffer.toString('utf8');
    const check = await checkImport(context.services.db, csv, {
      baseDir: null,
      onlyOrganizationId: id,
    });
    if (!check.ok)
      return {
        errors: check.errors.map((e) => ({
          line: e.line,
          column: e.column ?? null,
          message: e.message[lang],
        })),
      };
    if (intent === 'preview') {
      return {
        preview: check.plan.rows.map((r) => ({
          line: r.line,
          name: r.name,
          priceVnd: r.priceVnd,
          unit: r.unit,
          stock: r.stock,
          stars: r.ocop?.stars ?? null,
        })),
        csv: buffer.toString('base64'),
      };
    }
    const summary = await applyImport(context.services.db, check.plan, {
      uploadsDir: context.services.config.uploadsDir,
      status: 'draft',
      actorUserId: actor.userId,
    });
    return { imported: summary };
  });
}

export default function ImportCsv() {
  const { org } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { lang } = useI18n();
  const vi = lang === 'vi';
  return (
    <div className="workspace">
      <p>
        <Link to="/kenh-nguoi-ban">← {vi ? 'Kênh người bán' : 'Seller workspace'}</Link>
      </p>
      <h1>
        {vi
          ? `Nhập sản phẩm từ bảng tính — ${org.name}`
          : `Import products from a spreadsheet — ${org.name}`}
      </h1>
      <p className="muted">
        {vi
          ? 'Lưu bảng tính dạng CSV (UTF-8). Dòng đầu là tiêu đề:'
          : 'Save the spreadsheet as CSV (UTF-8). The first row is the header:'}{' '}
        <code>{IMPORT_COLUMNS.join(',')}</code>.{' '}
        {vi
          ? `Cột cooperative ghi đúng tên “${org.name}”; để trống cột image. Sản phẩm được tạo ở dạng bản nháp.`
          : `The cooperative column must be “${org.name}”; leave image empty. Products are created as drafts.`}
      </p>
      <FormMessage error={result && 'error' in result ? result.error : null} />
      {result && 'errors' in result ? (
        <section aria-labelledby="errors-h">
          <h2 id="errors-h">
            {vi
              ? `Chưa nhập gì: tệp có ${result.errors!.length} lỗi`
              : `Nothing imported: ${result.errors!.length} problem(s)`}
          </h2>
          <ul>
            {result.errors!.map((e, i) => (
              <li key={i}>
                {vi ? 'Dòng' : 'Line'} {e.line}
                {e.column ? ` (${e.column})` : ''}: {e.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {result && 'imported' in result ? (
        <p className="notice notice--ok" role="status">
          {vi
            ? `Đã nhập: ${result.imported!.created} mới, ${result.imported!.updated} cập nhật, ${result.imported!.unchanged} không đổi.`
            : `Imported: ${result.imported!.created} new, ${result.imported!.updated} updated, ${result.imported!.unchanged} unchanged.`}
        </p>
      ) : null}
      {result && 'preview' in result ? (
        <section aria-labelledby="preview-h">
          <h2 id="preview-h">
            {vi
              ? `Xem trước: ${result.preview!.length} sản phẩm hợp lệ`
              : `Preview: ${result.preview!.length} valid products`}
          </h2>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{vi ? 'Sản phẩm' : 'Product'}</th>
                  <th>{vi ? 'Giá' : 'Price'}</th>
                  <th>{vi ? 'Tồn' : 'Stock'}</th>
                  <th>OCOP</th>
                </tr>
              </thead>
              <tbody>
                {result.preview!.map((r) => (
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
          </div>
          <Form method="post">
            <input type="hidden" name="intent" value="import" />
            <input type="hidden" name="csv" value={result.csv} />
            <button type="submit">{vi ? 'Nhập tất cả' : 'Import all'}</button>
          </Form>
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="form">
        <input type="hidden" name="intent" value="preview" />
        <div className="field">
          <label htmlFor="file">{vi ? 'Tệp CSV' : 'CSV file'}</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" required />
        </div>
        <button type="submit">{vi ? 'Kiểm tra và xem trước' : 'Check and preview'}</button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
