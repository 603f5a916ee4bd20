import type { DB } from '~db/connection.server';
import type { ProductStatus } from '~db/schema';
import { addMonths } from '~/lib/dates';
import { slugify } from '~/lib/text';
import { productsChanged } from '~/search/index.server';
import type { CertificationKind, OcopGroup } from './groups';
import type { RenderedImage } from './image-files.server';
import { productNameKey } from './listings.server';
import { setStockLevel } from './stock.server';

export interface CatalogueProductInput {
  organizationId: number;
  slug?: string;
  name: string;
  description: string;
  group: OcopGroup;
  category: string;
  unit: string;
  /** Left as it is when undefined (the CSV has no such column). */
  netQuantity?: string;
  weightG: number | null;
  priceVnd: number;
  stock: number;
  gtin: string | null;
  originCommuneCode: string | null;
  /** New products default to draft; undefined leaves an existing product's status alone. */
  status?: ProductStatus;
  ocop: {
    stars: 3 | 4 | 5;
    certificateNo: string;
    issuer: string;
    issuedOn: string;
    expiresOn?: string;
  } | null;
  /** Left as they are when undefined. */
  certifications?: Array<{ kind: CertificationKind; reference: string }>;
  image: RenderedImage | null;
  createdAt?: string;
}

export type SaveOutcome = 'created' | 'updated' | 'unchanged';

/** Where a saved product comes from: its stock movement says so. */
export interface SaveOrigin {
  reason: 'seed' | 'import';
  userId?: number | null;
}

/**
 * Creates a product, or updates the organization's product with the same (folded) name. Writing the
 * same input twice changes nothing, which is what makes seeding and re-importing safe. Run inside a
 * transaction: the search index is updated with it.
 */
export async function saveCatalogueProduct(
  trx: DB,
  input: CatalogueProductInput,
  origin: SaveOrigin,
  now = new Date(),
): Promise<{ id: number; outcome: SaveOutcome }> {
  const at = now.toISOString();
  const nameKey = productNameKey(input.name);
  const fields = {
    name: input.name,
    name_key: nameKey,
    description: input.description,
    ocop_group: input.group,
    category: input.category,
    unit: input.unit,
    weight_g: input.weightG,
    price_vnd: input.priceVnd,
    gtin: input.gtin,
    origin_commune_code: input.originCommuneCode,
  };
  if (input.status !== undefined) Object.assign(fields, { status: input.status });
  if (input.netQuantity !== undefined) Object.assign(fields, { net_quantity: input.netQuantity });
  const existing = await trx
    .selectFrom('products')
    .selectAll()
    .where('organization_id', '=', input.organizationId)
    .where('name_key', '=', nameKey)
    .executeTakeFirst();

  let id: number;
  let outcome: SaveOutcome;
  if (!existing) {
    const inserted = await trx
      .insertInto('products')
      .values({
        net_quantity: '',
        status: input.status ?? 'draft',
        ...fields,
        organization_id: input.organizationId,
        slug: await uniqueSlug(trx, input.slug ?? slugify(input.name)),
        created_at: input.createdAt ?? at,
        updated_at: at,
        published_at: input.status === 'published' ? (input.createdAt ?? at) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = inserted.id;
    outcome = 'created';
  } else {
    id = existing.id;
    const changed = Object.entries(fields).some(
      ([key, value]) => existing[key as keyof typeof existing] !== value,
    );
    if (changed) {
      await trx
        .updateTable('products')
        .set({ ...fields, updated_at: at })
        .where('id', '=', id)
        .execute();
    }
    outcome = changed ? 'updated' : 'unchanged';
  }

  const stockChanged = await setStockLevel(trx, id, input.stock, origin.reason, {
    userId: origin.userId ?? null,
    now,
  });
  const related = await Promise.all([
    saveCertificate(trx, id, input.ocop, at),
    input.certifications
      ? saveCertifications(trx, id, input.certifications)
      : Promise.resolve(false),
    input.image ? saveImage(trx, id, input.image, input.name) : Promise.resolve(false),
  ]);
  if (outcome === 'unchanged' && (stockChanged || related.some(Boolean))) {
    await trx.updateTable('products').set({ updated_at: at }).where('id', '=', id).execute();
    outcome = 'updated';
  }
  if (outcome !== 'unchanged') await productsChanged(trx, [id], now);
  return { id, outcome };
}

async function uniqueSlug(trx: DB, base: string): Promise<string> {
  const root = base || 'san-pham';
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? root : `${root}-${n}`;
    const taken = await trx
      .selectFrom('products')
      .select('id')
      .where('slug', '=', candidate)
      .executeTakeFirst();
    if (!taken) return candidate;
  }
}

async function saveCertificate(
  trx: DB,
  productId: number,
  ocop: CatalogueProductInput['ocop'],
  at: string,
): Promise<boolean> {
  const existing = await trx
    .selectFrom('ocop_certificates')
    .selectAll()
    .where('product_id', '=', productId)
    .executeTakeFirst();
  if (!ocop) {
    if (!existing) return false;
    await trx.deleteFrom('ocop_certificates').where('product_id', '=', productId).execute();
    return true;
  }
  const row = {
    stars: ocop.stars,
    certificate_no: ocop.certificateNo,
    issuer: ocop.issuer,
    issued_on: ocop.issuedOn,
    expires_on: ocop.expiresOn ?? addMonths(ocop.issuedOn, 36),
    review_state: 'approved' as const,
  };
  if (existing && Object.entries(row).every(([k, v]) => existing[k as keyof typeof existing] === v))
    return false;
  if (existing) {
    await trx
      .updateTable('ocop_certificates')
      .set({ ...row, updated_at: at })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await trx
      .insertInto('ocop_certificates')
      .values({ ...row, product_id: productId, created_at: at, updated_at: at })
      .execute();
  }
  return true;
}

async function saveCertifications(
  trx: DB,
  productId: number,
  list: NonNullable<CatalogueProductInput['certifications']>,
): Promise<boolean> {
  const existing = await trx
    .selectFrom('certifications')
    .select(['kind', 'reference'])
    .where('product_id', '=', productId)
    .orderBy('id')
    .execute();
  const same =
    existing.length === list.length &&
    existing.every((e, i) => e.kind === list[i]?.kind && e.reference === list[i]?.reference);
  if (same) return false;
  await trx.deleteFrom('certifications').where('product_id', '=', productId).execute();
  if (list.length) {
    await trx
      .insertInto('certifications')
      .values(list.map((c) => ({ product_id: productId, kind: c.kind, reference: c.reference })))
      .execute();
  }
  return true;
}

async function saveImage(
  trx: DB,
  productId: number,
  image: RenderedImage,
  alt: string,
): Promise<boolean> {
  const first = await trx
    .selectFrom('product_images')
    .select(['id', 'storage_key'])
    .where('product_id', '=', productId)
    .orderBy('position')
    .executeTakeFirst();
  if (first?.storage_key === image.storageKey) return false;
  if (first) await trx.deleteFrom('product_images').where('id', '=', first.id).execute();
  await trx
    .insertInto('product_images')
    .values({
      product_id: productId,
      storage_key: image.storageKey,
      width: image.width,
      height: image.height,
      position: 0,
      alt,
    })
    .execute();
  return true;
}
