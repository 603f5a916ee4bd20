import { OCOP_GROUPS, groupName } from '~/catalogue';
import { useI18n } from '~/i18n';
import { Field, type formFeedback } from './Field';

export interface ListingValues {
  name: string;
  description: string;
  group: string;
  category: string;
  unit: string;
  netQuantity: string;
  weightG: number | null;
  priceVnd: number;
  gtin: string | null;
  originCommuneCode: string | null;
  certifications: Array<{ kind: string; reference: string }>;
}

const CERTIFICATIONS = [
  ['vietgap', 'cert_vietgap'],
  ['organic', 'cert_organic'],
  ['geographical_indication', 'cert_geographical_indication'],
] as const;

/**
 * The product fields, shared by the create and edit forms. Big inputs, numeric keyboards for numbers.
 * After a refused submission each field shows its message and what was typed.
 */
export function ListingFields({
  values,
  communes,
  feedback,
}: {
  values?: ListingValues;
  communes: Array<{ code: string; fullName: string }>;
  feedback: ReturnType<typeof formFeedback>;
}) {
  const { lang, t } = useI18n();
  const { fieldError, value } = feedback;
  const cert = (kind: string) => values?.certifications.find((c) => c.kind === kind);
  const initial = (name: string, fallback: string | number | null | undefined) =>
    value(name) ?? fallback ?? '';
  const descriptionError = fieldError('description');
  return (
    <>
      <Field
        label={t('sellProductName')}
        name="name"
        required
        defaultValue={initial('name', values?.name)}
        error={fieldError('name')}
      />
      <div className="field">
        <label htmlFor="group">{t('sellGroup')}</label>
        <select id="group" name="group" defaultValue={initial('group', values?.group ?? 'food')}>
          {OCOP_GROUPS.map((g) => (
            <option key={g} value={g}>
              {groupName(lang, g)}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={t('sellCategory')}
        name="category"
        defaultValue={initial('category', values?.category)}
        error={fieldError('category')}
      />
      <Field
        label={t('sellPrice')}
        name="priceVnd"
        inputMode="numeric"
        required
        defaultValue={initial('priceVnd', values?.priceVnd)}
        hint={t('sellPriceHint')}
        error={fieldError('priceVnd')}
      />
      <Field
        label={t('sellUnit')}
        name="unit"
        required
        defaultValue={initial('unit', values?.unit)}
        hint={t('sellUnitHint')}
        error={fieldError('unit')}
      />
      <Field
        label={t('sellNetQuantity')}
        name="netQuantity"
        defaultValue={initial('netQuantity', values?.netQuantity)}
        hint={t('sellNetQuantityHint')}
      />
      <Field
        label={t('sellWeight')}
        name="weightG"
        inputMode="numeric"
        defaultValue={initial('weightG', values?.weightG)}
        error={fieldError('weightG')}
      />
      <div className="field">
        <label htmlFor="originCommuneCode">{t('sellOrigin')}</label>
        <select
          id="originCommuneCode"
          name="originCommuneCode"
          defaultValue={initial('originCommuneCode', values?.originCommuneCode)}
        >
          <option value="">{t('sellOriginSame')}</option>
          {communes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.fullName}
            </option>
          ))}
        </select>
        {fieldError('originCommuneCode') ? (
          <p className="field__error" role="alert">
            {fieldError('originCommuneCode')}
          </p>
        ) : null}
      </div>
      <Field
        label={t('sellGtin')}
        name="gtin"
        inputMode="numeric"
        defaultValue={initial('gtin', values?.gtin)}
        error={fieldError('gtin')}
      />
      <div className="field">
        <label htmlFor="description">{t('sellDescription')}</label>
        <textarea
          id="description"
          name="description"
          rows={5}
          defaultValue={initial('description', values?.description)}
          aria-invalid={descriptionError ? true : undefined}
        />
        {descriptionError ? (
          <p className="field__error" role="alert">
            {descriptionError}
          </p>
        ) : null}
      </div>
      <fieldset>
        <legend>{t('certifications')}</legend>
        {CERTIFICATIONS.map(([kind, label]) => (
          <div key={kind} className="check-with-ref">
            <label className="check">
              <input type="checkbox" name={`cert_${kind}`} defaultChecked={Boolean(cert(kind))} />{' '}
              {t(label)}
            </label>
            <input
              aria-label={t('sellCertificationReference')}
              name={`cert_${kind}_ref`}
              defaultValue={initial(`cert_${kind}_ref`, cert(kind)?.reference)}
              placeholder={t('sellCertificationReference')}
            />
          </div>
        ))}
      </fieldset>
    </>
  );
}
