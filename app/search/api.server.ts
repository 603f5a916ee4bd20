import type { SearchDocument, SearchResult } from './types';

/** The public JSON shape of `GET /api/search` (snake_case, stable). */
export function toApiResponse(result: SearchResult, page: number, perPage: number) {
  return {
    total: result.total,
    page,
    per_page: perPage,
    engine: result.engine,
    hits: result.hits.map(toApiHit),
    facets: {
      province: result.facets.province,
      group: result.facets.group,
      stars: result.facets.stars,
      price: result.facets.price,
      in_stock: result.facets.inStock,
    },
  };
}

export function toApiHit(doc: SearchDocument) {
  return {
    id: doc.id,
    slug: doc.slug,
    name: doc.name,
    price_vnd: doc.priceVnd,
    unit: doc.unit,
    ocop_stars: doc.ocopStars,
    in_stock: doc.inStock,
    province: doc.provinceName,
    province_code: doc.provinceCode,
    cooperative: doc.cooperativeName,
    cooperative_slug: doc.cooperativeSlug,
    image_url: doc.imageUrl,
    url: `/san-pham/${doc.slug}`,
  };
}
