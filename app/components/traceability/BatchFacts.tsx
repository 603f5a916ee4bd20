import { useI18n } from '~/i18n';
import { formatCalendarDate } from '~/lib/dates';
import { formatCount } from './format';

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
      <dt>{t('traceColLot')}</dt>
      <dd>{batch.lotCode}</dd>
      <dt>{t('traceProduced')}</dt>
      <dd>{formatCalendarDate(batch.producedOn)}</dd>
      {batch.expiresOn ? (
        <>
          <dt>{t('traceExpires')}</dt>
          <dd>{formatCalendarDate(batch.expiresOn)}</dd>
        </>
      ) : null}
      <dt>{t('traceQuantity')}</dt>
      <dd>
        {formatCount(batch.quantity, lang)} {batch.quantityUnit}
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
