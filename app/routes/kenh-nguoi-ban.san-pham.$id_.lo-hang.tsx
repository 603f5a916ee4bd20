import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { Field, FormMessage, formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { formatCount } from '~/components/traceability/format';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { formatCalendarDate } from '~/lib/dates';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { batchFormSchema } from '~/traceability';
import { createBatch, productBatchesPage } from '~/traceability/index.server';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const page = await orErrorPage(lang, () =>
    productBatchesPage(context.services.db, actor, Number(params.id)),
  );
  return data(
    { ...page, title: translator(lang)('traceBatchesTitle') },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const submission = parseSubmission(batchFormSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    const id = await createBatch(context.services.db, actor, Number(params.id), submission.value);
    return redirect(`/kenh-nguoi-ban/lo-hang/${id}`);
  });
}

export default function ProductBatches() {
  const { product, batches, communes, defaultCommune } = useLoaderData<typeof loader>();
  const { formError, fieldError, value } = formFeedback(useActionData<typeof action>());
  const { lang, t } = useI18n();
  const communeError = fieldError('communeCode');
  return (
    <article className="workspace">
      <p>
        <Link to={`/kenh-nguoi-ban/san-pham/${product.id}`}>← {product.name}</Link>
      </p>
      <h1>{t('traceBatchesHeading')}</h1>
      <p className="muted">
        {product.gtin ? t('traceGtinStamps', { gtin: product.gtin }) : t('traceNoGtin')}
      </p>
      {batches.length ? (
        <table className="data">
          <caption className="visually-hidden">{t('traceBatchList')}</caption>
          <thead>
            <tr>
              <th>{t('traceColLot')}</th>
              <th>{t('traceColProduced')}</th>
              <th>{t('traceColExpires')}</th>
              <th>{t('traceQuantity')}</th>
              <th>{t('traceColStamps')}</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.id}>
                <td>
                  <Link to={`/kenh-nguoi-ban/lo-hang/${b.id}`}>{b.lot_code}</Link>
                </td>
                <td>{formatCalendarDate(b.produced_on)}</td>
                <td>{b.expires_on ? formatCalendarDate(b.expires_on) : '—'}</td>
                <td>
                  {b.quantity} {b.quantity_unit}
                </td>
                <td>{formatCount(Number(b.stamps ?? 0), lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('traceNoBatches')}</p>
      )}

      <section aria-labelledby="new-batch-h">
        <h2 id="new-batch-h">{t('traceNewBatch')}</h2>
        <FormMessage error={formError} />
        <Form method="post" className="form">
          <Field
            label={t('traceLotCodeLabel')}
            name="lotCode"
            required
            maxLength={20}
            error={fieldError('lotCode')}
            defaultValue={value('lotCode')}
          />
          <Field
            label={t('traceProducedLabel')}
            name="producedOn"
            required
            error={fieldError('producedOn')}
            defaultValue={value('producedOn')}
          />
          <Field
            label={t('traceExpiresLabel')}
            name="expiresOn"
            error={fieldError('expiresOn')}
            defaultValue={value('expiresOn')}
          />
          <Field
            label={t('traceQuantity')}
            name="quantity"
            inputMode="numeric"
            required
            error={fieldError('quantity')}
            defaultValue={value('quantity')}
          />
          <Field
            label={t('traceUnitLabel')}
            name="quantityUnit"
            required
            defaultValue={value('quantityUnit') ?? 'kg'}
            error={fieldError('quantityUnit')}
          />
          <div className="field">
            <label htmlFor="communeCode">{t('traceAreaCommuneLabel')}</label>
            <select
              id="communeCode"
              name="communeCode"
              required
              defaultValue={value('communeCode') ?? defaultCommune ?? ''}
              aria-invalid={communeError ? true : undefined}
            >
              <option value="">—</option>
              {communes.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.fullName}
                </option>
              ))}
            </select>
            {communeError ? (
              <p className="field__error" role="alert">
                {communeError}
              </p>
            ) : null}
          </div>
          <Field
            label={t('traceAreaNameLabel')}
            name="areaName"
            error={fieldError('areaName')}
            defaultValue={value('areaName')}
          />
          <Field
            label={t('traceLatitudeLabel')}
            name="latitude"
            inputMode="decimal"
            error={fieldError('latitude')}
            defaultValue={value('latitude')}
          />
          <Field
            label={t('traceLongitudeLabel')}
            name="longitude"
            inputMode="decimal"
            error={fieldError('longitude')}
            defaultValue={value('longitude')}
          />
          <div className="field">
            <label htmlFor="notes">{t('traceNotesLabel')}</label>
            <textarea
              id="notes"
              name="notes"
              rows={3}
              maxLength={2000}
              defaultValue={value('notes')}
            />
          </div>
          <button type="submit">{t('traceCreateBatch')}</button>
        </Form>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
