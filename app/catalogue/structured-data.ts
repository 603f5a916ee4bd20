import type { ProductView } from './products.server';

/**
 * schema.org Product JSON-LD, serialised so it is safe inside a <script> element:
 * "<" is escaped, so a product name can never close the script tag.
 */
export function productJsonLd(
  product: ProductView,
  canonicalUrl: string,
  imageUrl: string | null,
  rating: { average: number | null; count: number } | null = null,
): string {
  const document = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    description: product.description,
    sku: String(product.id),
    ...(product.gtin ? { gtin: product.gtin } : {}),
    ...(imageUrl ? { image: [imageUrl] } : {}),
    category: product.category,
    brand: { '@type': 'Brand', name: product.organization.name },
    countryOfOrigin: { '@type': 'Country', name: 'VN' },
    ...(rating && rating.count > 0 && rating.average !== null
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: rating.average,
            reviewCount: rating.count,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
    offers: {
      '@type': 'Offer',
      url: canonicalUrl,
      price: product.priceVnd,
      priceCurrency: 'VND',
      availability:
        product.stock > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      seller: { '@type': 'Organization', name: product.organization.name },
    },
  };
  return JSON.stringify(document)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
