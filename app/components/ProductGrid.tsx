import type { ProductCardData } from '~/search';
import { ProductCard } from './ProductCard';

export function ProductGrid({ products, label }: { products: ProductCardData[]; label?: string }) {
  return (
    <ul className="product-grid" aria-label={label}>
      {products.map((p) => (
        <ProductCard key={p.id} product={p} />
      ))}
    </ul>
  );
}
