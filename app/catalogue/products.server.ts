import type { DB } from '~db/connection.server';
import type { OcopGroup } from './groups';
import { todayInVietnam } from '~/lib/dates';
import type { Actor } from '~/accounts';
import { notFound } from '~/lib/errors';
import { getManagedProduct } from './managed-products.server';

export interface OcopBadge {
  stars: 3 | 4 | 5;
  certificateNo: string;
  issuer: string;
  issuedOn: string;
  expiresOn: string;
}

export interface ProductView {
  id: number;
  slug: string;
  name: string;
  description: string;
  group: OcopGroup;
  category: string;
  unit: string;
  netQuantity: string;
  weightG: number | null;
  priceVnd: number;
  stock: number;
  gtin: string | null;
  createdAt: string;
  updatedAt: string;
  images: Array<{ storageKey: string; width: number; height: number; alt: string }>;
  /** Only an approved, unexpired certificate earns the badge. */
  ocop: OcopBadge | null;
  certifications: Array<{ kind: string; reference: string }>;
  organization: {
    id: number;
    slug: string;
    name: string;
    kind: string;
    verified: boolean;
    phone: string;
    description: string;
    addressLine: string;
  };
  origin: {
    communeName: string | null;
    communeFullName: string | null;
    provinceName: string;
    provinceSlug: string;
    provinceCode: string;
  };
}

/** A product a buyer may see (published, organization neither rejected nor sent back for changes), or null. */
export async function getPublicProduct(
  db: DB,
  slug: string,
  today = todayInVietnam(),
  /** The seller's preview (getProductPreview, access-checked) sees a listing before it is published. */
  anyStatus = false,
): Promise<ProductView | null> {
  const row = await db
    .selectFrom('products as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .innerJoin('provinces as pv', 'pv.code', 'o.province_code')
    .leftJoin('communes as c', 'c.code', 'p.origin_commune_code')
    .select([
      'p.id',
      'p.slug',
      'p.name',
      'p.description',
      'p.ocop_group',
      'p.category',
      'p.unit',
      'p.net_quantity',
      'p.weight_g',
      'p.price_vnd',
      'p.stock',
      'p.gtin',
      'p.created_at',
      'p.updated_at',
      'o.id as org_id',
      'o.slug as org_slug',
      'o.name as org_name',
      'o.kind as org_kind',
      'o.verification_state',
      'o.phone',
      'o.description as org_description',
      'o.address_line',
      'pv.name as province_name',
      'pv.slug as province_slug',
      'pv.code as province_code',
      'c.name as commune_name',
      'c.full_name as commune_full_name',
    ])
    .where('p.slug', '=', slug)
    .$if(!anyStatus, (q) =>
      q
        .where('p.status', '=', 'published')
        .where('o.verification_state', 'not in', ['rejected', 'changes_requested']),
    )
    .executeTakeFirst();
  if (!row) return null;

  const [images, certificate, certifications] = await Promise.all([
    db
      .selectFrom('product_images')
      .select(['storage_key', 'width', 'height', 'alt'])
      .where('product_id', '=', row.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('ocop_certificates')
      .selectAll()
      .where('product_id', '=', row.id)
      .where('review_state', '=', 'approved')
      .where('expires_on', '>=', today)
      .executeTakeFirst(),
    db
      .selectFrom('certifications')
      .select(['kind', 'reference'])
      .where('product_id', '=', row.id)
      .orderBy('kind')
      .execute(),
  ]);

  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    group: row.ocop_group,
    category: row.category,
    unit: row.unit,
    netQuantity: row.net_quantity,
    weightG: row.weight_g,
    priceVnd: row.price_vnd,
    stock: row.stock,
    gtin: row.gtin,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    images: images.map((i) => ({
      storageKey: i.storage_key,
      width: i.width,
      height: i.height,
      alt: i.alt,
    })),
    ocop: certificate
      ? {
          stars: certificate.stars,
          certificateNo: certificate.certificate_no,
          issuer: certificate.issuer,
          issuedOn: certificate.issued_on,
          expiresOn: certificate.expires_on,
        }
      : null,
    certifications,
    organization: {
      id: row.org_id,
      slug: row.org_slug,
      name: row.org_name,
      kind: row.org_kind,
      verified: row.verification_state === 'approved',
      phone: row.phone,
      description: row.org_description,
      addressLine: row.address_line,
    },
    origin: {
      communeName: row.commune_name ?? null,
      communeFullName: row.commune_full_name ?? null,
      provinceName: row.province_name,
      provinceSlug: row.province_slug,
      provinceCode: row.province_code,
    },
  };
}

/**
 * What buyers will see of a listing, whatever its status, for the cooperative's members only (404 for
 * anyone else, through getManagedProduct): the seller's preview before and after review.
 */
export async function getProductPreview(db: DB, actor: Actor, productId: number) {
  const managed = await getManagedProduct(db, actor, productId);
  const view = await getPublicProduct(db, managed.slug, todayInVietnam(), true);
  if (!view) throw notFound();
  return { product: view, status: managed.status };
}
