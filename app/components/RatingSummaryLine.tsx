import { useI18n } from '~/i18n';
import { formatRating, type RatingSummary } from '~/reviews';
import { RatingStars } from './RatingStars';

/** "★★★★☆ 4,3 · 12 đánh giá · Đã bán 40": what a card and a product page show about a product. */
export function RatingSummaryLine({ summary }: { summary: RatingSummary | undefined }) {
  const { lang, t } = useI18n();
  if (!summary || (!summary.count && !summary.sold)) return null;
  return (
    <span className="rating-line" data-testid="rating-line">
      {summary.average !== null ? (
        <>
          <RatingStars value={summary.average} />{' '}
          <span aria-hidden="true">{formatRating(summary.average, lang)}</span>
          <span className="muted"> · {t('rvCount', { n: summary.count })}</span>
        </>
      ) : null}
      {summary.sold ? (
        <span className="muted">
          {summary.average !== null ? ' · ' : ''}
          {t('rvSold', { n: summary.sold })}
        </span>
      ) : null}
    </span>
  );
}
