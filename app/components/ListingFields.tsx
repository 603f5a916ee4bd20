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

type Feedback = ReturnType<typeof formFeedback>;

interface PartProps {
  values?: ListingValues;
  feedback: Feedback;
}

/** What was typed (after a refused submission), else the saved value. */
const initialOf =
  (feedback: Feedback) => (name: string, fallback: string | number | null | undefined) =>
    feedback.value(name) ?? fallback ?? '';

/**
 * The product fields, shared by the create form (all at once, here) and the edit page (one section
 * each: ListingBasicsFields, ListingPriceFields, ListingShippingFields, ListingCertificationFields).
 * Big inputs, numeric keyboards for numbers. After a refused submission each field shows its message
 * and what was typed.
 */
export function ListingFields({
  values,
  communes,
  feedback,
}: PartProps & { communes: Array<{ code: string; fullName: string }> }) {
  return (
    <>
      <ListingBasicsFields values={values} feedback={feedback} description={false} />
      <ListingPriceFields values={values} feedback={feedback} />
      <ListingShippingFields values={values} communes={communes} feedback={feedback} />
      <DescriptionField values={values} feedback={feedback} />
      <ListingCertificationFields values={values} feedback={feedback} />
    </>
  );
}

/** Name, OCOP group, category and (unless left to the caller) the description. */
export function ListingBasicsFields({
  values,
  feedback,
  description = true,
}: PartProps & { description?: boolean }) {
  const { lang, t } = useI18n();
  const initial = initialOf(feedback);
  return (
    <>
      <Field
        label={t('sellProductName')}
        name="name"
        required
        defaultValue={initial('name', values?.name)}
        error={feedback.fieldError('name')}
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
        error={feedback.fieldError('category')}
      />
      {description ? <DescriptionField values={values} feedback={feedback} /> : null}
    </>
  );
}

function DescriptionField({ values, feedback }: PartProps) {
  const { t } = useI18n();
  const error = feedback.fieldError('description');
  return (
    <div className="field">
      <label htmlFor="description">{t('sellDescription')}</label>
      <textarea
        id="description"
        name="description"
        rows={5}
        defaultValue={initialOf(feedback)('description', values?.description)}
        aria-invalid={error ? true : undefined}
      />
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Price, unit and net quantity. */
export function ListingPriceFields({ values, feedback }: PartProps) {
  const { t } = useI18n();
  const initial = initialOf(feedback);
  return (
    <>
      <Field
        label={t('sellPrice')}
        name="priceVnd"
        inputMode="numeric"
        required
        defaultValue={initial('priceVnd', values?.priceVnd)}
        hint={t('sellPriceHint')}
        error={feedback.fieldError('priceVnd')}
      />
      <Field
        label={t('sellUnit')}
        name="unit"
        required
        defaultValue={initial('unit', values?.unit)}
        hint={t('sellUnitHint')}
        error={feedback.fieldError('unit')}
      />
      <Field
        label={t('sellNetQuantity')}
        name="netQuantity"
        defaultValue={initial('netQuantity', values?.netQuantity)}
        hint={t('sellNetQuantityHint')}
      />
    </>
  );
}

/** Shipping weight, the commune of origin and the GTIN barcode. */
export function ListingShippingFields({
  values,
  communes,
  feedback,
}: PartProps & { communes: Array<{ code: string; fullName: string }> }) {
  const { t } = useI18n();
  const initial = initialOf(feedback);
  const originError = feedback.fieldError('originCommuneCode');
  return (
    <>
      <Field
        label={t('sellWeight')}
        name="weightG"
        inputMode="numeric"
        defaultValue={initial('weightG', values?.weightG)}
        error={feedback.fieldError('weightG')}
      />
      <div className="field">
        <label htmlFor="originCommuneCode">{t('sellOrigin')}</label>
        <select
          id="originCommuneCode"
          name="originCommuneCode"
          defaultValue={initial('originCommuneCode', values?.originCommuneCode)}
          aria-invalid={originError ? true : undefined}
        >
          <option value="">{t('sellOriginSame')}</option>
          {communes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.fullName}
            </option>
          ))}
        </select>
        {originError ? (
          <p className="field__error" role="alert">
            {originError}
          </p>
        ) : null}
      </div>
      <Field
        label={t('sellGtin')}
        name="gtin"
        inputMode="numeric"
        defaultValue={initial('gtin', values?.gtin)}
        error={feedback.fieldError('gtin')}
      />
    </>
  );
}

/** The other certifications (VietGAP, organic, geographical indication): a checkbox and a reference. */
export function ListingCertificationFields({ values, feedback }: PartProps) {
  const { t } = useI18n();
  const initial = initialOf(feedback);
  const cert = (kind: string) => values?.certifications.find((c) => c.kind === kind);
  return (
    <fieldset>
      <legend>{t('certifications')}</legend>
      {CERTIFICATIONS.map(([kind, label]) => (
        <div key={kind} className="check-with-ref">
          <label className="check">
            <input type="checkbox" name={`cert_${kind}`} defaultChecked={Boolean(cert(kind))} />{' '}
            {t(label)}
          </label>
          <input
            aria-label={`${t('sellCertificationReference')} (${t(label)})`}
            name={`cert_${kind}_ref`}
            defaultValue={initial(`cert_${kind}_ref`, cert(kind)?.reference)}
            placeholder={t('sellCertificationReference')}
          />
        </div>
      ))}
    </fieldset>
  );
}
