import { Form } from '@remix-run/react';
import { Field } from '~/components/Field';
import { useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { EVENT_KIND_NAMES, JOURNEY_STEPS } from '~/traceability';

function FieldError({ error }: { error: string | null }) {
  return error ? (
    <p className="field__error" role="alert">
      {error}
    </p>
  ) : null;
}

/**
 * "Add an event or a correction": one form for every kind; only the fields of the chosen kind are
 * kept. Multipart, for the photos and the lab report.
 */
export function JourneyEventForm({
  formKey,
  journey,
  communes,
  defaultCommune,
  fieldError,
}: {
  /** A new key after each recorded event empties the form (with JavaScript the page is not reloaded). */
  formKey: string | number;
  journey: Array<{ id: number; step: keyof typeof EVENT_KIND_NAMES; occurredAt: string }>;
  communes: Array<{ code: string; fullName: string }>;
  defaultCommune: string;
  fieldError: (name: string) => string | null;
}) {
  const { lang, t } = useI18n();
  return (
    <Form key={formKey} method="post" encType="multipart/form-data" className="form">
      <input type="hidden" name="intent" value="event" />
      <div className="field">
        <label htmlFor="kind">{t('traceEventKind')}</label>
        <select id="kind" name="kind" required defaultValue="">
          <option value="">—</option>
          {JOURNEY_STEPS.map((k) => (
            <option key={k} value={k}>
              {EVENT_KIND_NAMES[k][lang]}
            </option>
          ))}
        </select>
        <FieldError error={fieldError('kind')} />
      </div>
      <div className="field">
        <label htmlFor="correctsEventId">{t('traceCorrectsLabel')}</label>
        <select id="correctsEventId" name="correctsEventId" defaultValue="">
          <option value="">{t('traceNewEvent')}</option>
          {journey.map((e) => (
            <option key={e.id} value={e.id}>
              #{e.id} {EVENT_KIND_NAMES[e.step][lang]} {formatDateTime(e.occurredAt)}
            </option>
          ))}
        </select>
        <FieldError error={fieldError('correctsEventId')} />
      </div>
      <Field label={t('traceEventDate')} name="date" required error={fieldError('date')} />
      <Field label={t('traceEventTime')} name="time" error={fieldError('time')} />
      <div className="field">
        <label htmlFor="event-commune">{t('traceCommune')}</label>
        <select id="event-commune" name="communeCode" defaultValue={defaultCommune}>
          <option value="">—</option>
          {communes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.fullName}
            </option>
          ))}
        </select>
        <FieldError error={fieldError('communeCode')} />
      </div>
      <Field label={t('tracePlace')} name="place" error={fieldError('place')} />
      <div className="field">
        <label htmlFor="description">{t('traceDescription')}</label>
        <textarea id="description" name="description" rows={2} maxLength={2000} />
      </div>
      <fieldset>
        <legend>{t('traceCareLegend')}</legend>
        <Field
          label={t('traceInputProduct')}
          name="inputProduct"
          error={fieldError('inputProduct')}
        />
        <Field label={t('traceDose')} name="dose" error={fieldError('dose')} />
        <Field
          label={t('tracePreHarvestDays')}
          name="preHarvestDays"
          inputMode="numeric"
          error={fieldError('preHarvestDays')}
        />
      </fieldset>
      <Field
        label={t('traceInputBatches')}
        name="inputBatchIds"
        error={fieldError('inputBatchIds')}
      />
      <Field label={t('traceInspectionResult')} name="result" error={fieldError('result')} />
      <div className="field">
        <label htmlFor="document">{t('traceLabReportLabel')}</label>
        <input id="document" name="document" type="file" accept="application/pdf" />
        <FieldError error={fieldError('document')} />
      </div>
      <Field label={t('traceCarrierLabel')} name="carrier" error={fieldError('carrier')} />
      <div className="field">
        <label htmlFor="photo">{t('tracePhotosLabel')}</label>
        <input
          id="photo"
          name="photo"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
        />
        <FieldError error={fieldError('photo')} />
      </div>
      <button type="submit">{t('traceRecordEvent')}</button>
    </Form>
  );
}
