import type { SearchDocument } from './types';

/** What a product card shows: loaders send only this (not the description, synonyms, places…). */
export type ProductCardData = Pick<
  SearchDocument,
  | 'id'
  | 'slug'
  | 'name'
  | 'imageUrl'
  | 'priceVnd'
  | 'unit'
  | 'ocopStars'
  | 'cooperativeName'
  | 'provinceName'
  | 'inStock'
>;

export function productCard(doc: ProductCardData): ProductCardData {
  return {
    id: doc.id,
    slug: doc.slug,
    name: doc.name,
    imageUrl: doc.imageUrl,
    priceVnd: doc.priceVnd,
    unit: doc.unit,
    ocopStars: doc.ocopStars,
    cooperativeName: doc.cooperativeName,
    provinceName: doc.provinceName,
    inStock: doc.inStock,
  };
}
