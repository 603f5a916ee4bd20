import { Link } from '@remix-run/react';
import { useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { imageUrl } from '~/lib/image-urls';
import type { RatingSummary } from '~/reviews';
import { RatingStars } from './RatingStars';
import { RatingSummaryLine } from './RatingSummaryLine';

export interface ReviewItem {
  id: number;
  rating: number;
  body: string;
  authorName: string;
  createdAt: string;
  photos: Array<{ storageKey: string; width: number; height: number }>;
  reply: { body: string; at: string } | null;
}

/** The product page's reviews: the summary, then each verified purchase with photos and the answer. */
export function ReviewList({
  reviews,
  summary,
}: {
  reviews: ReviewItem[];
  summary: RatingSummary | undefined;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="reviews-heading" className="reviews" id="danh-gia">
      <h2 id="reviews-heading" className="h3">
        {t('rvHeading')}
      </h2>
      <RatingSummaryLine summary={summary} />
      {reviews.length === 0 ? <p className="muted">{t('rvNoReviews')}</p> : null}
      <ul className="review-list">
        {reviews.map((r) => (
          <li key={r.id} className="review" data-testid="review">
            <p className="review__head">
              <RatingStars value={r.rating} /> <strong>{r.authorName}</strong>{' '}
              <span className="tag tag--ok">{t('rvVerified')}</span>{' '}
              <span className="muted">{formatDateTime(r.createdAt)}</span>
            </p>
            {r.body ? <p className="review__body">{r.body}</p> : null}
            {r.photos.length ? (
              <ul className="review__photos">
                {r.photos.map((p) => (
                  <li key={p.storageKey}>
                    <a href={imageUrl(p.storageKey, 1280)}>
                      <img
                        src={imageUrl(p.storageKey, 320)}
                        alt={t('rvPhotos')}
                        width={96}
                        height={Math.round((96 * p.height) / p.width)}
                        loading="lazy"
                        decoding="async"
                      />
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            {r.reply ? (
              <div className="review__reply">
                <strong>{t('rvReply')}:</strong> {r.reply.body}
              </div>
            ) : null}
            <Link className="review__report muted" to={`/danh-gia/${r.id}/bao-cao`} rel="nofollow">
              {t('rvReport')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
