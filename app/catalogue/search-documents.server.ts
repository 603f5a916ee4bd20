import { sql } from 'kysely';
import type { DB } from '~db/connection.server';
import { groupConcat } from '~db/dialect';
import { todayInVietnam } from '~/lib/dates';
import { imageUrl } from '~/lib/image-urls';
import { loadSearchPlaces } from './places.server';
import {
  productsChanged,
  type SearchDocument,
  type SearchDocumentSource,
} from '~/search/index.server';

/**
 * Builds search documents from the database for the given products. Only products that buyers may see
 * (published, organization neither rejected nor sent back for changes) come back: a missing id means "remove it from every index".
 * Reads through `db` or a transaction, so callers can build documents inside the write that changed them.
 */
export async function loadSearchDocuments(
  db: DB,
  productIds: number[],
  today = todayInVietnam(),
): Promise<Map<number, SearchDocument>> {
  const documents = new Map<number, SearchDocument>();
  if (productIds.length === 0) return documents;
  for (let i = 0; i < productIds.length; i += 500) {
    const chunk = productIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('products as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .innerJoin('provinces as pv', 'pv.code', 'o.province_code')
      .leftJoin('communes as c', (join) =>
        join.on(sql`c.code = coalesce(p.origin_commune_code, o.commune_code)`),
      )
      .leftJoin('ocop_certificates as oc', (join) =>
        join
          .onRef('oc.product_id', '=', 'p.id')
          .on('oc.review_state', '=', 'approved')
          .on('oc.expires_on', '>=', today),
      )
      .select([
        'p.id',
        'p.slug',
        'p.name',
        'p.description',
        'p.category',
        'p.ocop_group',
        'p.unit',
        'p.price_vnd',
        'p.stock',
        'p.created_at',
        'o.id as org_id',
        'o.slug as org_slug',
        'o.name as org_name',
        'pv.code as province_code',
        'pv.slug as province_slug',
        'pv.name as province_name',
        'pv.former_names as province_former',
        'c.code as commune_code',
        'c.name as commune_name',
        'c.former_names as commune_former',
        'oc.stars',
      ])
      .select((eb) => [
        eb
          .selectFrom('product_images as i')
          .select('i.storage_key')
          .whereRef('i.product_id', '=', 'p.id')
          .orderBy('i.position')
          .limit(1)
          .as('image_key'),
        eb
          .selectFrom('certifications as ce')
          .select(groupConcat(db, sql.ref('ce.kind')).as('kinds'))
          .whereRef('ce.product_id', '=', 'p.id')
          .as('certification_kinds'),
      ])
      .where('p.id', 'in', chunk)
      .where('p.status', '=', 'published')
      .where('o.verification_state', 'not in', ['rejected', 'changes_requested'])
      .execute();
    for (const r of rows) {
      documents.set(r.id, {
        id: r.id,
        slug: r.slug,
        name: r.name,
        description: r.description,
        category: r.category,
        group: r.ocop_group,
        unit: r.unit,
        priceVnd: r.price_vnd,
        stock: r.stock,
        inStock: r.stock > 0,
        ocopStars: r.stars ?? null,
        certifications: r.certification_kinds
          ? [...new Set(String(r.certification_kinds).split(','))].sort()
          : [],
        cooperativeId: r.org_id,
        cooperativeSlug: r.org_slug,
        cooperativeName: r.org_name,
        provinceCode: r.province_code,
        provinceSlug: r.province_slug,
        provinceName: r.province_name,
        communeCode: r.commune_code ?? null,
        communeName: r.commune_name ?? null,
        // The commune's own former names, including the province it was in before 2025.
        formerPlaceNames: r.commune_former
          ? (JSON.parse(r.commune_former) as string[])
          : (JSON.parse(r.province_former) as string[]),
        imageUrl: r.image_key ? imageUrl(r.image_key, 640) : null,
        createdAt: r.created_at,
      });
    }
  }
  return documents;
}

export async function listIndexableProductIds(db: DB): Promise<number[]> {
  const rows = await db
    .selectFrom('products as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select('p.id')
    .where('p.status', '=', 'published')
    .where('o.verification_state', 'not in', ['rejected', 'changes_requested'])
    .execute();
  return rows.map((r) => r.id);
}

/**
 * What the search engines index, read from the catalogue's tables. Search is given this port when it
 * starts (server/index.ts, scripts/worker.ts) and knows nothing of the tables behind it.
 */
export const catalogueSearchDocuments: SearchDocumentSource = {
  load: loadSearchDocuments,
  listVisibleIds: listIndexableProductIds,
  loadPlaces: loadSearchPlaces,
};

/** Every product of an organization changes in the indexes (its name, place or state changed). */
export async function organizationProductsChanged(
  trx: DB,
  organizationId: number,
  now = new Date(),
): Promise<void> {
  const rows = await trx
    .selectFrom('products')
    .select('id')
    .where('organization_id', '=', organizationId)
    .execute();
  await productsChanged(
    trx,
    rows.map((r) => r.id),
    now,
  );
}

/** The cards of an organization's published products, newest first (its public page). */
export async function listOrganizationProductCards(
  db: DB,
  organizationId: number,
): Promise<SearchDocument[]> {
  const rows = await db
    .selectFrom('products')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'published')
    .orderBy('created_at', 'desc')
    .execute();
  const ids = rows.map((r) => r.id);
  const documents = await loadSearchDocuments(db, ids);
  return ids.map((id) => documents.get(id)).filter((d) => d !== undefined);
}
