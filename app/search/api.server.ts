import type { SearchDocument, SearchResult } from './types';

/** The public JSON shape of `GET /api/search` (snake_case, stable). */
export function toApiResponse(result: SearchResult, page: number, perPage: number) {
  return {
    total: result.total,
    page,
    per_page: perPage,
    engine: result.engine,
    hits: result.hits.map(toApiHit),
    // What query understanding read in `q`: each part is a filter or a boost the buyer can remove
    // by adding `ignore=<kind>` to the URL.
    understood: (result.understood ?? []).map((part) => ({
      kind: part.kind,
      text: part.text,
      effect: part.effect,
      value: part.value,
      label: part.label,
    })),
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
