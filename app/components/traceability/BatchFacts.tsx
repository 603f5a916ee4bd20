import { useI18n } from '~/i18n';
import { formatCalendarDate } from '~/lib/dates';

export interface BatchFactsProps {
  batch: {
    productName: string;
    lotCode: string;
    producedOn: string;
    expiresOn: string | null;
    quantity: number;
    quantityUnit: string;
    communeName: string;
    areaName: string;
    latitude: number | null;
    longitude: number | null;
  };
}

export function BatchFacts({ batch }: BatchFactsProps) {
  const { lang, t } = useI18n();
  return (
    <dl className="facts">
      <dt>{lang === 'vi' ? 'Mã lô' : 'Lot'}</dt>
      <dd>{batch.lotCode}</dd>
      <dt>{t('traceProduced')}</dt>
      <dd>{formatCalendarDate(batch.producedOn)}</dd>
      {batch.expiresOn ? (
        <>
          <dt>{t('traceExpires')}</dt>
          <dd>{formatCalendarDate(batch.expiresOn)}</dd>
        </>
      ) : null}
      <dt>{lang === 'vi' ? 'Số lượng' : 'Quantity'}</dt>
      <dd>
        {batch.quantity.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US')} {batch.quantityUnit}
      </dd>
      <dt>{t('traceArea')}</dt>
      <dd>
        {[batch.areaName, batch.communeName].filter(Boolean).join(', ')}
        {batch.latitude !== null && batch.longitude !== null ? (
          <>
            {' '}
            ·{' '}
            <a href={`geo:${batch.latitude},${batch.longitude}`}>
              {batch.latitude.toFixed(5)}, {batch.longitude.toFixed(5)}
            </a>
          </>
        ) : null}
      </dd>
    </dl>
  );
}
