import { useI18n } from '~/i18n';
import { formatRating } from '~/reviews';

/** Five inline SVG stars (no font glyph that a phone may lack), filled to the nearest half. */
export function RatingStars({ value, size = 16 }: { value: number; size?: number }) {
  const { lang, t } = useI18n();
  const halves = Math.round(value * 2);
  return (
    <span
      className="rating-stars"
      role="img"
      aria-label={t('rvRatingLabel', { average: formatRating(value, lang) })}
    >
      {[0, 1, 2, 3, 4].map((i) => {
        const fill = halves >= (i + 1) * 2 ? 'full' : halves === i * 2 + 1 ? 'half' : 'empty';
        return (
          <svg key={i} width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
            {fill === 'half' ? (
              <defs>
                <linearGradient id={`rating-half-${size}`}>
                  <stop offset="50%" stopColor="currentColor" />
                  <stop offset="50%" stopColor="transparent" />
                </linearGradient>
              </defs>
            ) : null}
            <path
              d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z"
              fill={
                fill === 'full'
                  ? 'currentColor'
                  : fill === 'half'
                    ? `url(#rating-half-${size})`
                    : 'none'
              }
              stroke="currentColor"
              strokeWidth="1.5"
            />
          </svg>
        );
      })}
    </span>
  );
}
