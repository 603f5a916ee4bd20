import type { RatingSummary } from '~/reviews';
import type { ProductCardData } from '~/search';
import { ProductCard } from './ProductCard';

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
      {products.map((p) => (
        <ProductCard key={p.id} product={p} rating={ratings?.[p.id]} />
      ))}
    </ul>
  );
}
