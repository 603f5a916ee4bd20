import type { DB } from '~db/connection.server';
import { type Actor, requireOrgMember } from '~/accounts';
import { diff, recordAudit } from '~/audit/index.server';
import { catalogueMessages as m } from '~/i18n/messages/catalogue';
import { listingOriginMessages } from '~/i18n/messages/listing-origin';
import { invalid, UserError } from '~/lib/errors';
import { fold, slugify } from '~/lib/text';
import { productsChanged } from '~/search/index.server';
import type { CertificationKind, OcopGroup } from './groups';
import { saveRenderedImage, type RenderedImage } from './image-files.server';
import { getManagedProduct } from './managed-products.server';

export interface ListingInput {
  name: string;
  description: string;
  group: OcopGroup;
  category: string;
  unit: string;
  netQuantity: string;
  weightG: number | null;
  priceVnd: number;
  gtin: string | null;
  originCommuneCode: string | null;
  certifications: Array<{ kind: CertificationKind; reference: string }>;
}

/** The folded name a product is unique by within its organization. */
export const productNameKey = (name: string) => fold(name).replace(/\s+/g, ' ').trim();

/** The origin commune, when given, is one of the selling organization's province. */
async function assertOriginInProvince(db: DB, organizationId: number, communeCode: string | null) {
  if (!communeCode) return;
  const found = await db
    .selectFrom('communes as c')
    .innerJoin('organizations as o', 'o.province_code', 'c.province_code')
    .select('c.code')
    .where('o.id', '=', organizationId)
    .where('c.code', '=', communeCode)
    .executeTakeFirst();
  if (!found) throw invalid('originCommuneCode', listingOriginMessages.communeOutsideProvince);
}

/** The checks of the fields given (an edit section gives only some). */
async function assertUnique(
  db: DB,
  organizationId: number,
  input: Partial<ListingInput>,
  exceptId: number | null,
) {
  await assertOriginInProvince(db, organizationId, input.originCommuneCode ?? null);
  const sameName =
    input.name === undefined
      ? undefined
      : await db
          .selectFrom('products')
          .select('id')
          .where('organization_id', '=', organizationId)
          .where('name_key', '=', productNameKey(input.name))
          .executeTakeFirst();
  if (sameName && sameName.id !== exceptId) {
    throw new UserError('conflict', 409, m.productNameTaken, 'name');
  }
  if (input.gtin) {
    const sameGtin = await db
      .selectFrom('products')
      .select('id')
      .where('gtin', '=', input.gtin)
      .executeTakeFirst();
    if (sameGtin && sameGtin.id !== exceptId) {
      throw new UserError('conflict', 409, m.gtinTaken, 'gtin');
    }
  }
}

export async function createListing(
  db: DB,
  actor: Actor,
  organizationId: number,
  input: ListingInput,
  now = new Date(),
): Promise<number> {
  requireOrgMember(actor, organizationId);
  await assertUnique(db, organizationId, input, null);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    let slug = slugify(input.name) || 'san-pham';
    for (
      let n = 2;
      await trx.selectFrom('products').select('id').where('slug', '=', slug).executeTakeFirst();
      n++
    )
      slug = `${slugify(input.name)}-${n}`;
    const row = await trx
      .insertInto('products')
      .values({
        organization_id: organizationId,
        slug,
        name: input.name,
        name_key: productNameKey(input.name),
        description: input.description,
        ocop_group: input.group,
        category: input.category,
        unit: input.unit,
        net_quantity: input.netQuantity,
        weight_g: input.weightG,
        price_vnd: input.priceVnd,
        gtin: input.gtin,
        status: 'draft',
        origin_commune_code: input.originCommuneCode,
        created_at: at,
        updated_at: at,
        published_at: null,
        rejection_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.certifications.length) {
      await trx
        .insertInto('certifications')
        .values(
          input.certifications.map((c) => ({
            product_id: row.id,
            kind: c.kind,
            reference: c.reference,
          })),
        )
        .execute();
    }
    const province = await trx
      .selectFrom('organizations')
      .select('province_code')
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId,
        provinceCode: province.province_code,
        entityType: 'product',
        entityId: row.id,
        action: 'created',
        changes: { name: [null, input.name], price_vnd: [null, input.priceVnd] },
      },
      now,
    );
    return row.id;
  });
}

/** The product columns of a listing's fields; a field left undefined is not in the result. */
function productColumns(input: Partial<ListingInput>) {
  const columns = {
    name: input.name,
    name_key: input.name === undefined ? undefined : productNameKey(input.name),
    description: input.description,
    ocop_group: input.group,
    category: input.category,
    unit: input.unit,
    net_quantity: input.netQuantity,
    weight_g: input.weightG,
    price_vnd: input.priceVnd,
    gtin: input.gtin,
    origin_commune_code: input.originCommuneCode,
  };
  return Object.fromEntries(
    Object.entries(columns).filter(([, value]) => value !== undefined),
  ) as Partial<{ [K in keyof typeof columns]: Exclude<(typeof columns)[K], undefined> }>;
}

/**
 * Saves the fields given and only those (an edit page section sends its own part; the certifications
 * are replaced only when given), audited as one change, in one transaction.
 */
export async function updateListing(
  db: DB,
  actor: Actor,
  productId: number,
  input: Partial<ListingInput>,
  now = new Date(),
): Promise<void> {
  const product = await getManagedProduct(db, actor, productId);
  await assertUnique(db, product.organization_id, input, productId);
  const fields = productColumns(input);
  const changes = diff(product as unknown as Record<string, unknown>, fields);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('products')
      .set({ ...fields, updated_at: now.toISOString() })
      .where('id', '=', productId)
      .execute();
    if (input.certifications) {
      const before = await trx
        .selectFrom('certifications')
        .select(['kind', 'reference'])
        .where('product_id', '=', productId)
        .orderBy('id')
        .execute();
      await trx.deleteFrom('certifications').where('product_id', '=', productId).execute();
      if (input.certifications.length) {
        await trx
          .insertInto('certifications')
          .values(
            input.certifications.map((c) => ({
              product_id: productId,
              kind: c.kind,
              reference: c.reference,
            })),
          )
          .execute();
      }
      const summary = (list: Array<{ kind: string; reference: string }>) =>
        list.map((c) => (c.reference ? `${c.kind} ${c.reference}` : c.kind)).join(', ');
      if (summary(before) !== summary(input.certifications))
        changes.certifications = [summary(before), summary(input.certifications)];
    }
    delete changes.name_key;
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: product.organization_id,
        provinceCode: product.province_code,
        entityType: 'product',
        entityId: productId,
        action: 'updated',
        changes,
      },
      now,
    );
    await productsChanged(trx, [productId], now);
  });
}

/** Adds a processed photo (WebP variants already rendered) at the end of the product's gallery. */
export async function addProductPhoto(
  db: DB,
  actor: Actor,
  productId: number,
  image: RenderedImage,
  uploadsDir: string,
  now = new Date(),
): Promise<void> {
  const product = await getManagedProduct(db, actor, productId);
  await saveRenderedImage(uploadsDir, image);
  await db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('product_images')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('product_id', '=', productId)
      .executeTakeFirst();
    await trx
      .insertInto('product_images')
      .values({
        product_id: productId,
        storage_key: image.storageKey,
        width: image.width,
        height: image.height,
        position: Number(last?.max ?? -1) + 1,
        alt: product.name,
      })
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: product.organization_id,
        provinceCode: product.province_code,
        entityType: 'product',
        entityId: productId,
        action: 'photo_added',
        changes: { photo: [null, image.storageKey] },
      },
      now,
    );
    await productsChanged(trx, [productId], now);
  });
}
