import { imageUrl } from '~/lib/image-urls';
import { OcopStars } from '~/components/OcopStars';
import { useI18n } from '~/i18n';
import { formatCalendarDate, formatDateTime } from '~/lib/dates';
import type { Message } from '~/lib/errors';
import { BatchFacts, type BatchFactsProps } from './BatchFacts';
import { JourneyTimeline, type TimelineEvent } from './JourneyTimeline';
import { ReportForm } from './ReportForm';

export interface ScanViewProps {
  check: {
    verdict: 'genuine' | 'possibly_copied' | 'revoked' | 'expired' | 'not_genuine';
    reason: Message | null;
    serial: number | null;
    revocationReason: string | null;
    history: { total: number; firstAt: string } | null;
  };
  batch: (BatchFactsProps['batch'] & { id: number }) | null;
  product: {
    name: string;
    slug: string;
    ocop: { stars: 3 | 4 | 5; certificateNo: string } | null;
    certifications: Array<{ kind: string; reference: string }>;
    organization: { name: string; slug: string; verified: boolean };
    image: string | null;
  } | null;
  journey: TimelineEvent[];
}

/**
 * Verdict first (it is what the buyer came for), then the product and its journey; no script needed.
 * Plain links and forms only: the page is also rendered outside Remix (server/scan-page.tsx).
 */
export function StampScanView({ check, batch, product, journey }: ScanViewProps) {
  const { lang, t } = useI18n();
  const ok = check.verdict === 'genuine';
  const verdictText = t(`traceVerdictText_${check.verdict}` as 'traceVerdictText_genuine', {
    reason: check.revocationReason ?? '',
    date: batch?.expiresOn ? formatCalendarDate(batch.expiresOn) : '',
  });
  return (
    <article className="scan-page">
      <section
        className={`verdict verdict--${check.verdict}`}
        aria-labelledby="verdict-h"
        role="status"
      >
        <h1 id="verdict-h">
          {ok ? '✓ ' : '⚠ '}
          {t(`traceVerdict_${check.verdict}` as 'traceVerdict_genuine')}
        </h1>
        <p>{verdictText}</p>
        {check.reason ? <p className="muted">{check.reason[lang]}</p> : null}
        {check.history ? (
          <p>
            {t('traceScans', {
              n: check.history.total,
              since: formatDateTime(check.history.firstAt),
            })}
          </p>
        ) : null}
        {check.serial !== null ? (
          <p className="muted">{t('traceStampNumber', { serial: check.serial })}</p>
        ) : null}
      </section>
      {batch ? (
        <>
          <section aria-labelledby="product-h">
            <h2 id="product-h">
              {product ? (
                <a href={`/san-pham/${product.slug}`}>{product.name}</a>
              ) : (
                batch.productName
              )}
            </h2>
            {product?.image ? (
              <img
                src={imageUrl(product.image, 320)}
                width={160}
                height={160}
                loading="lazy"
                decoding="async"
                alt=""
                className="scan-page__thumb"
              />
            ) : null}
            {product ? (
              <p>
                {t('traceProducer')}:{' '}
                <a href={`/hop-tac-xa/${product.organization.slug}`}>{product.organization.name}</a>{' '}
                {product.organization.verified ? (
                  <span className="tag tag--ok">{t('verified')}</span>
                ) : null}
              </p>
            ) : null}
            {product?.ocop ? (
              <p>
                <OcopStars stars={product.ocop.stars} />{' '}
                <span className="muted">{product.ocop.certificateNo}</span>
              </p>
            ) : null}
            {product?.certifications.length ? (
              <ul className="chip-list">
                {product.certifications.map((c) => (
                  <li key={`${c.kind}-${c.reference}`} className="chip">
                    {t(`cert_${c.kind}` as 'cert_vietgap')}
                    {c.reference ? `: ${c.reference}` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
            <BatchFacts batch={batch} />
          </section>
          <section aria-labelledby="journey-h">
            <h2 id="journey-h">{t('traceJourney')}</h2>
            <JourneyTimeline
              events={journey}
              batchId={batch.id}
              batchLink={(id) => `/lo-hang/${id}`}
            />
            <p>
              <a href={`/lo-hang/${batch.id}`}>{t('traceTitle')} →</a>
            </p>
          </section>
        </>
      ) : null}
      <ReportForm batchId={batch?.id ?? null} serial={check.serial} />
    </article>
  );
}
