import type { RatingSummary } from '~/reviews';
import type { ProductCardData } from '~/search';
import { ProductCard } from './ProductCard';

/** The first row on a phone (two columns): above the fold, and the page's largest paint, so not lazy. */
const EAGER_CARDS = 2;

export function ProductGrid({
  products,
  label,
  ratings,
}: {
  products: ProductCardData[];
  label?: string;
  /** Product id → its reviews and units sold (absent: none yet). */
  ratings?: Record<number, RatingSummary>;
}) {
  return (
    <ul className="product-grid" aria-label={label}>
      {products.map((p, i) => (
        <ProductCard key={p.id} product={p} rating={ratings?.[p.id]} eager={i < EAGER_CARDS} />
      ))}
    </ul>
  );
}
