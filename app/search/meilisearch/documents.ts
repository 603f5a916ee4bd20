import { fold } from '~/lib/text';
import { ocopLabel } from '../query-words';
import { PRICE_BUCKETS, type SearchDocument } from '../types';

/**
 * What Meilisearch stores for a product: the SearchDocument plus folded copies of the text (so "duong"
 * finds "đường": Meilisearch's normaliser drops tone marks but keeps đ) and numeric sort keys.
 */
export interface MeiliDocument extends SearchDocument {
  nameFolded: string;
  cooperativeNameFolded: string;
  placeFolded: string;
  categoryFolded: string;
  descriptionFolded: string;
  /** Milliseconds since the epoch, for sorting by newest. */
  createdAtTs: number;
  /** ocopStars, or 0 when unrated, so "stars" sorts unrated products last. */
  ocopStarsRank: number;
  /** Key of the PRICE_BUCKETS range the price falls in, faceted directly. */
  priceBucket: string;
}

/** Every SearchDocument field; `satisfies` makes the compiler flag a field added to the type but not here. */
const FIELDS = {
  id: true,
  slug: true,
  name: true,
  description: true,
  category: true,
  group: true,
  unit: true,
  priceVnd: true,
  stock: true,
  inStock: true,
  ocopStars: true,
  certifications: true,
  cooperativeId: true,
  cooperativeSlug: true,
  cooperativeName: true,
  provinceCode: true,
  provinceSlug: true,
  provinceName: true,
  communeCode: true,
  communeName: true,
  formerPlaceNames: true,
  imageUrl: true,
  createdAt: true,
} satisfies Record<keyof SearchDocument, true>;
export const SEARCH_DOCUMENT_FIELDS = Object.keys(FIELDS) as Array<keyof SearchDocument>;

export function priceBucketOf(priceVnd: number): string {
  const bucket = PRICE_BUCKETS.find(
    (b) => priceVnd >= b.min && (b.max === null || priceVnd < b.max),
  );
  return (bucket ?? PRICE_BUCKETS[0]).key;
}

export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  const createdAtTs = Date.parse(doc.createdAt);
  if (Number.isNaN(createdAtTs))
    throw new Error(`Product ${doc.id} has an invalid createdAt: ${doc.createdAt}`);
  return {
    ...doc,
    nameFolded: fold(doc.name),
    cooperativeNameFolded: fold(doc.cooperativeName),
    placeFolded: fold(
      [doc.communeName ?? '', doc.provinceName, ...doc.formerPlaceNames]
        .filter(Boolean)
        .join(' · '),
    ),
    categoryFolded: fold(`${doc.category} ${ocopLabel(doc.ocopStars)}`.trim()),
    descriptionFolded: fold(doc.description),
    createdAtTs,
    ocopStarsRank: doc.ocopStars ?? 0,
    priceBucket: priceBucketOf(doc.priceVnd),
  };
}

/** Back to the port's shape: drops the engine-only fields whatever else the index returned. */
export function fromMeiliHit(hit: object): SearchDocument {
  const source = hit as Record<string, unknown>;
  const doc: Record<string, unknown> = {};
  for (const field of SEARCH_DOCUMENT_FIELDS) doc[field] = source[field] ?? null;
  return doc as unknown as SearchDocument;
}
