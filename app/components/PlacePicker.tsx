import { Form } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { translator } from '~/i18n';

interface Props {
  provinces: Array<{ code: string; name: string }>;
  communes: Array<{ code: string; fullName: string }>;
  provinceCode: string;
  communeCode?: string | null;
  lang: 'vi' | 'en';
}

/**
 * Province, then commune, from the 2025 reference data. Without JavaScript the buyer picks the
 * province and presses "Chọn" (a GET that reloads the commune list); with it the list reloads at once:
 * through `onPick` (the page fetches the communes, nothing is submitted) or else a GET navigation.
 */
export function ProvincePicker({
  provinces,
  provinceCode,
  lang,
  onPick,
}: Pick<Props, 'provinces' | 'provinceCode' | 'lang'> & { onPick?: (code: string) => void }) {
  const t = translator(lang);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <Form
      method="get"
      className="inline-form"
      onChange={(e) => {
        const select = e.target as HTMLSelectElement;
        if (onPick) onPick(select.value);
        else e.currentTarget.requestSubmit();
      }}
    >
      <label htmlFor="province-picker">{t('placeProvince')}</label>
      <select id="province-picker" name="tinh" defaultValue={provinceCode}>
        <option value="">{t('placeChooseProvince')}</option>
        {provinces.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </select>
      {hydrated && onPick ? null : (
        <button type="submit" className="button--secondary">
          {t('placeChoose')}
        </button>
      )}
    </Form>
  );
}

export function CommuneSelect({
  communes,
  communeCode,
  lang,
  name = 'communeCode',
}: Pick<Props, 'communes' | 'communeCode' | 'lang'> & { name?: string }) {
  const t = translator(lang);
  return (
    <div className="field">
      <label htmlFor={`commune-${name}`}>{t('placeCommune')}</label>
      <select id={`commune-${name}`} name={name} defaultValue={communeCode ?? ''} required>
        <option value="">{t('placeChooseCommune')}</option>
        {communes.map((c) => (
          <option key={c.code} value={c.code}>
            {c.fullName}
          </option>
        ))}
      </select>
    </div>
  );
}
