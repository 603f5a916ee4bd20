import { imageUrl } from '~/lib/image-urls';
import { useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { EVENT_KIND_NAMES } from '~/traceability';

export interface TimelineEvent {
  id: number;
  kind: string;
  step: keyof typeof EVENT_KIND_NAMES;
  occurredAt: string;
  communeName: string | null;
  place: string;
  description: string;
  details: {
    inputProduct?: string;
    dose?: string;
    preHarvestDays?: number;
    inputBatchIds?: number[];
    result?: string;
    documentKey?: string;
    carrier?: string;
  };
  correctsEventId: number | null;
  correctedBy: number[];
  photos: Array<{ storageKey: string; width: number; height: number }>;
}

/** The journey as an ordered list; corrections appear as their own entries and are named on the originals. */
export function JourneyTimeline({
  events,
  batchId,
  batchLink,
}: {
  events: TimelineEvent[];
  batchId: number;
  batchLink?: (id: number) => string;
}) {
  const { lang, t } = useI18n();
  if (!events.length) return <p className="muted">{t('traceNoEvents')}</p>;
  return (
    <ol className="journey">
      {events.map((e) => (
        <li
          key={e.id}
          id={`su-kien-${e.id}`}
          className={`journey__event${e.correctedBy.length ? ' journey__event--corrected' : ''}${e.kind === 'correction' ? ' journey__event--correction' : ''}`}
        >
          <p className="journey__head">
            <strong>{EVENT_KIND_NAMES[e.step][lang]}</strong>{' '}
            <span className="muted">
              #{e.id} · <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
            </span>
          </p>
          {e.kind === 'correction' && e.correctsEventId ? (
            <p className="tag tag--warn">{t('traceCorrects', { id: e.correctsEventId })}</p>
          ) : null}
          {e.correctedBy.length ? (
            <p className="tag tag--warn">
              {t('traceCorrectedBy', { ids: e.correctedBy.join(', #') })}
            </p>
          ) : null}
          {e.place || e.communeName ? (
            <p>{[e.place, e.communeName].filter(Boolean).join(', ')}</p>
          ) : null}
          {e.description ? <p>{e.description}</p> : null}
          <dl className="facts">
            {e.details.inputProduct ? (
              <>
                <dt>{t('traceInput')}</dt>
                <dd>{e.details.inputProduct}</dd>
              </>
            ) : null}
            {e.details.dose ? (
              <>
                <dt>{t('traceDose')}</dt>
                <dd>{e.details.dose}</dd>
              </>
            ) : null}
            {e.details.preHarvestDays !== undefined ? (
              <>
                <dt>{t('tracePreHarvest')}</dt>
                <dd>{t('traceDays', { n: e.details.preHarvestDays })}</dd>
              </>
            ) : null}
            {e.details.result ? (
              <>
                <dt>{t('traceResult')}</dt>
                <dd>{e.details.result}</dd>
              </>
            ) : null}
            {e.details.documentKey ? (
              <>
                <dt>{t('traceLabReport')}</dt>
                <dd>
                  <a href={`/lo-hang/${batchId}/tai-lieu/${e.id}`}>PDF</a>
                </dd>
              </>
            ) : null}
            {e.details.carrier ? (
              <>
                <dt>{t('traceCarrier')}</dt>
                <dd>{e.details.carrier}</dd>
              </>
            ) : null}
            {e.details.inputBatchIds?.length ? (
              <>
                <dt>{t('traceInputBatchesShort')}</dt>
                <dd>
                  {e.details.inputBatchIds.map((id, i) => (
                    <span key={id}>
                      {i ? ', ' : ''}
                      {batchLink ? <a href={batchLink(id)}>#{id}</a> : `#${id}`}
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
          </dl>
          {e.photos.length ? (
            <ul className="journey__photos">
              {e.photos.map((p) => (
                <li key={p.storageKey}>
                  <a href={imageUrl(p.storageKey, 1280)}>
                    <img
                      src={imageUrl(p.storageKey, 320)}
                      width={160}
                      height={Math.max(1, Math.round((160 * p.height) / p.width))}
                      loading="lazy"
                      decoding="async"
                      alt=""
                    />
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
