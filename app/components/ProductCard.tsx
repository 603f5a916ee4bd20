import { Link } from '@remix-run/react';
import { useI18n } from '~/i18n';
import { formatVnd } from '~/lib/money';
import type { RatingSummary } from '~/reviews';
import type { ProductCardData } from '~/search';
import { OcopStars } from './OcopStars';
import { RatingSummaryLine } from './RatingSummaryLine';

export function ProductCard({
  product,
  rating,
  eager = false,
}: {
  product: ProductCardData;
  rating?: RatingSummary;
  /** Load the photo at once (first cards of a grid); the others wait until they near the screen. */
  eager?: boolean;
}) {
  const { t } = useI18n();
  const srcSet = product.imageUrl
    ? `${product.imageUrl.replace('-640.webp', '-320.webp')} 320w, ${product.imageUrl} 640w`
    : undefined;
  return (
    <li className="product-card">
      <Link to={`/san-pham/${product.slug}`} className="product-card__link">
        {product.imageUrl ? (
          <img
            src={product.imageUrl}
            srcSet={srcSet}
            sizes="(min-width: 48rem) 14rem, 45vw"
            alt=""
            width={320}
            height={320}
            loading={eager ? 'eager' : 'lazy'}
            decoding="async"
          />
        ) : (
          <div className="product-card__noimage" aria-hidden="true" />
        )}
        <span className="product-card__name">{product.name}</span>
      </Link>
      <span className="product-card__price">
        {formatVnd(product.priceVnd)}{' '}
        <span className="muted">{t('perUnit', { unit: product.unit })}</span>
      </span>
      {product.ocopStars ? <OcopStars stars={product.ocopStars} /> : null}
      <RatingSummaryLine summary={rating} />
      <span className="product-card__meta muted">
        {product.cooperativeName} · {product.provinceName}
      </span>
      {!product.inStock ? <span className="tag tag--warn">{t('outOfStock')}</span> : null}
    </li>
  );
}
