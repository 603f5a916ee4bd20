import type { DB } from '~db/connection.server';
import type { Actor } from '~/accounts';
import { getManagedProduct } from '~/catalogue/index.server';
import { notFound } from '~/lib/errors';
import { loadJourney } from './journey.server';

/** Reads of batches: the producer's (members of the product's organization only) and the public ones. */

export interface ManagedBatch {
  id: number;
  productId: number;
  organizationId: number;
  provinceCode: string;
  lotCode: string;
  gtin: string | null;
}

/** The batch if the actor is a member of its organization; 404 otherwise (as for a missing id). */
export async function getManagedBatch(
  db: DB,
  actor: Actor,
  batchId: number,
): Promise<ManagedBatch> {
  if (!Number.isSafeInteger(batchId)) throw notFound();
  const row = await db
    .selectFrom('batches as b')
    .innerJoin('organizations as o', 'o.id', 'b.organization_id')
    .select([
      'b.id',
      'b.product_id',
      'b.organization_id',
      'o.province_code',
      'b.lot_code',
      'b.gtin',
    ])
    .where('b.id', '=', batchId)
    .executeTakeFirst();
  if (!row || !actor.memberships.some((m) => m.organizationId === row.organization_id))
    throw notFound();
  return {
    id: row.id,
    productId: row.product_id,
    organizationId: row.organization_id,
    provinceCode: row.province_code,
    lotCode: row.lot_code,
    gtin: row.gtin,
  };
}

/** A product's batches, newest first, with the stamps issued for each (members only, else 404). */
export async function listProductBatches(db: DB, actor: Actor, productId: number) {
  const product = await getManagedProduct(db, actor, productId);
  const batches = await db
    .selectFrom('batches')
    .select([
      'id',
      'lot_code',
      'produced_on',
      'expires_on',
      'quantity',
      'quantity_unit',
      'created_at',
    ])
    .select((eb) => [
      eb
        .selectFrom('stamp_issues')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('count'), e.val(0)).as('n'))
        .whereRef('stamp_issues.batch_id', '=', 'batches.id')
        .where('status', '!=', 'failed')
        .as('stamps'),
    ])
    .where('product_id', '=', productId)
    .orderBy('id', 'desc')
    .execute();
  return {
    product: { id: product.id, name: product.name, gtin: product.gtin, status: product.status },
    batches,
    provinceCode: product.province_code,
    originCommuneCode: product.origin_commune_code,
  };
}

export interface BatchSummary {
  id: number;
  productId: number;
  productName: string;
  productSlug: string;
  productStatus: string;
  organizationId: number;
  organizationName: string;
  organizationSlug: string;
  provinceCode: string;
  lotCode: string;
  gtin: string | null;
  producedOn: string;
  expiresOn: string | null;
  quantity: number;
  quantityUnit: string;
  communeCode: string;
  communeName: string;
  latitude: number | null;
  longitude: number | null;
  areaName: string;
  notes: string;
  createdAt: string;
}

export async function loadBatchSummary(db: DB, batchId: number): Promise<BatchSummary | null> {
  const r = await db
    .selectFrom('batches as b')
    .innerJoin('products as p', 'p.id', 'b.product_id')
    .innerJoin('organizations as o', 'o.id', 'b.organization_id')
    .innerJoin('communes as c', 'c.code', 'b.commune_code')
    .select([
      'b.id',
      'b.product_id',
      'p.name as product_name',
      'p.slug as product_slug',
      'p.status as product_status',
      'b.organization_id',
      'o.name as org_name',
      'o.slug as org_slug',
      'o.province_code',
      'b.lot_code',
      'b.gtin',
      'b.produced_on',
      'b.expires_on',
      'b.quantity',
      'b.quantity_unit',
      'b.commune_code',
      'c.full_name as commune_name',
      'b.latitude',
      'b.longitude',
      'b.area_name',
      'b.notes',
      'b.created_at',
    ])
    .where('b.id', '=', batchId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    productId: r.product_id,
    productName: r.product_name,
    productSlug: r.product_slug,
    productStatus: r.product_status,
    organizationId: r.organization_id,
    organizationName: r.org_name,
    organizationSlug: r.org_slug,
    provinceCode: r.province_code,
    lotCode: r.lot_code,
    gtin: r.gtin,
    producedOn: r.produced_on,
    expiresOn: r.expires_on,
    quantity: r.quantity,
    quantityUnit: r.quantity_unit,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    latitude: r.latitude,
    longitude: r.longitude,
    areaName: r.area_name,
    notes: r.notes,
    createdAt: r.created_at,
  };
}

/** A batch buyers may see: its product is published. Null otherwise (the public pages answer 404). */
export async function getPublicBatch(db: DB, batchId: number) {
  if (!Number.isSafeInteger(batchId)) return null;
  const batch = await loadBatchSummary(db, batchId);
  if (!batch || batch.productStatus !== 'published') return null;
  return { batch, journey: await loadJourney(db, batchId) };
}

/** Published batches of a published product, newest first, for the product page's traceability links. */
export async function listPublicBatchesOfProduct(db: DB, productId: number, limit = 10) {
  return db
    .selectFrom('batches as b')
    .innerJoin('products as p', 'p.id', 'b.product_id')
    .select(['b.id', 'b.lot_code', 'b.produced_on', 'b.expires_on'])
    .where('b.product_id', '=', productId)
    .where('p.status', '=', 'published')
    .orderBy('b.id', 'desc')
    .limit(limit)
    .execute();
}
