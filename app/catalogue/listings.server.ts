import type { DB } from '~db/connection.server';
import type { ProductRow } from '~db/schema';
import { type Actor, requireOfficerFor, requireOrgMember } from '~/accounts';
import { diff, recordAudit } from '~/audit/index.server';
import { addMonths } from '~/lib/dates';
import { UserError, notFound } from '~/lib/errors';
import { fold, slugify } from '~/lib/text';
import { productsChanged } from '~/search/index.server';
import type { CertificationKind, OcopGroup } from './groups';
import { saveRenderedImage, type RenderedImage } from './image-files.server';
import { nextListingStatus, type ListingEvent } from './listing-state';

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

export interface OcopClaimInput {
  stars: 3 | 4 | 5;
  certificateNo: string;
  issuer: string;
  issuedOn: string;
  expiresOn: string | null;
  scanKey: string | null;
  scanContentType: string | null;
}

const nameKey = (name: string) => fold(name).replace(/\s+/g, ' ').trim();

/** A product the actor may manage: 404 (not 403) for other organizations' products, so ids reveal nothing. */
export async function getManagedProduct(
  db: DB,
  actor: Actor,
  productId: number,
): Promise<ProductRow & { province_code: string }> {
  const row = await db
    .selectFrom('products as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .selectAll('p')
    .select('o.province_code')
    .where('p.id', '=', productId)
    .executeTakeFirst();
  if (!row || !actor.memberships.some((m) => m.organizationId === row.organization_id))
    throw notFound();
  return row;
}

async function assertUnique(
  db: DB,
  organizationId: number,
  input: ListingInput,
  exceptId: number | null,
) {
  const sameName = await db
    .selectFrom('products')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('name_key', '=', nameKey(input.name))
    .executeTakeFirst();
  if (sameName && sameName.id !== exceptId) {
    throw new UserError(
      'conflict',
      409,
      {
        vi: 'Hợp tác xã đã có sản phẩm cùng tên.',
        en: 'Your organization already has a product with this name.',
      },
      'name',
    );
  }
  if (input.gtin) {
    const sameGtin = await db
      .selectFrom('products')
      .select('id')
      .where('gtin', '=', input.gtin)
      .executeTakeFirst();
    if (sameGtin && sameGtin.id !== exceptId) {
      throw new UserError(
        'conflict',
        409,
        {
          vi: 'Mã GTIN này đã được dùng cho sản phẩm khác.',
          en: 'This GTIN is already used by another product.',
        },
        'gtin',
      );
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
        name_key: nameKey(input.name),
        description: input.description,
        ocop_group: input.group,
        category: input.category,
        unit: input.unit,
        net_quantity: input.netQuantity,
        weight_g: input.weightG,
        price_vnd: input.priceVnd,
        stock: 0,
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

export async function updateListing(
  db: DB,
  actor: Actor,
  productId: number,
  input: ListingInput,
  now = new Date(),
): Promise<void> {
  const product = await getManagedProduct(db, actor, productId);
  await assertUnique(db, product.organization_id, input, productId);
  const fields = {
    name: input.name,
    name_key: nameKey(input.name),
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
  const changes = diff(product as unknown as Record<string, unknown>, fields);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('products')
      .set({ ...fields, updated_at: now.toISOString() })
      .where('id', '=', productId)
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

/**
 * Submit, archive or restore (members); approve, reject or request changes (officers of the province; a
 * rejection needs a reason and a request for changes a note, which the cooperative sees on the listing).
 */
export async function changeListingStatus(
  db: DB,
  actor: Actor,
  productId: number,
  event: ListingEvent,
  reason: string | null = null,
  now = new Date(),
): Promise<void> {
  const product = await db
    .selectFrom('products as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.id', 'p.status', 'p.organization_id', 'o.province_code', 'o.verification_state'])
    .where('p.id', '=', productId)
    .executeTakeFirst();
  if (!product) throw notFound();
  const byOfficer = event === 'approve' || event === 'reject' || event === 'request_changes';
  if (byOfficer) requireOfficerFor(actor, product.province_code);
  else if (!actor.memberships.some((m) => m.organizationId === product.organization_id))
    throw notFound();
  const next = nextListingStatus(product.status, event, byOfficer ? 'officer' : 'member');
  if (event === 'approve' && product.verification_state !== 'approved') {
    throw new UserError('org_not_approved', 409, {
      vi: 'Chỉ sản phẩm của tổ chức đã được duyệt mới được đăng bán. Hãy duyệt hợp tác xã trước.',
      en: 'Only products of an approved organization can be published. Approve the organization first.',
    });
  }
  if (event === 'reject' && !reason?.trim()) {
    throw new UserError(
      'invalid',
      400,
      { vi: 'Hãy ghi lý do từ chối.', en: 'Give a reason for rejecting.' },
      'reason',
    );
  }
  if (event === 'request_changes' && !reason?.trim()) {
    throw new UserError(
      'invalid',
      400,
      {
        vi: 'Hãy ghi cần bổ sung gì để hợp tác xã biết cách sửa.',
        en: 'Say what needs changing so the cooperative knows what to fix.',
      },
      'reason',
    );
  }
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('products')
      .set({
        status: next,
        updated_at: at,
        ...(event === 'reject' || event === 'request_changes'
          ? { rejection_reason: reason!.trim() }
          : {}),
        ...(event === 'submit' ? { submitted_at: at, rejection_reason: null } : {}),
        ...(event === 'approve' ? { published_at: at, rejection_reason: null } : {}),
      })
      .where('id', '=', productId)
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: product.organization_id,
        provinceCode: product.province_code,
        entityType: 'product',
        entityId: productId,
        action: event,
        changes: {
          status: [product.status, next],
          ...(reason ? { reason: [null, reason.trim()] } : {}),
        },
      },
      now,
    );
    await productsChanged(trx, [productId], now);
  });
}

/** Stock changes keep a history: who, when, why. Stock never goes below zero. */
export async function adjustStock(
  db: DB,
  actor: Actor,
  productId: number,
  delta: number,
  reason: string,
  now = new Date(),
): Promise<number> {
  const product = await getManagedProduct(db, actor, productId);
  if (!Number.isSafeInteger(delta) || delta === 0)
    throw new UserError(
      'invalid',
      400,
      {
        vi: 'Số lượng thay đổi phải là số nguyên khác 0.',
        en: 'The change must be a whole number other than 0.',
      },
      'delta',
    );
  if (!reason.trim())
    throw new UserError(
      'invalid',
      400,
      {
        vi: 'Hãy ghi lý do (ví dụ: nhập hàng mới, hàng hỏng).',
        en: 'Give a reason (e.g. new harvest, damaged goods).',
      },
      'reason',
    );
  const after = product.stock + delta;
  if (after < 0)
    throw new UserError(
      'invalid',
      400,
      {
        vi: `Tồn kho không thể âm (hiện có ${product.stock}).`,
        en: `Stock cannot go below zero (now ${product.stock}).`,
      },
      'delta',
    );
  await db.transaction().execute(async (trx) => {
    // Guard against a concurrent change: only apply if the stock is still what we read.
    const result = await trx
      .updateTable('products')
      .set({ stock: after, updated_at: now.toISOString() })
      .where('id', '=', productId)
      .where('stock', '=', product.stock)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new UserError('conflict', 409, {
        vi: 'Tồn kho vừa thay đổi, hãy tải lại trang và thử lại.',
        en: 'Stock just changed; reload and try again.',
      });
    await trx
      .insertInto('stock_adjustments')
      .values({
        product_id: productId,
        delta,
        stock_after: after,
        reason: reason.trim(),
        user_id: actor.userId,
        created_at: now.toISOString(),
      })
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: product.organization_id,
        provinceCode: product.province_code,
        entityType: 'stock',
        entityId: productId,
        action: 'adjusted',
        changes: { stock: [product.stock, after], reason: [null, reason.trim()] },
      },
      now,
    );
    await productsChanged(trx, [productId], now);
  });
  return after;
}

/**
 * Sets or changes the OCOP claim. A new or changed claim waits for review: the product stays visible,
 * without the badge, until an officer approves the certificate.
 */
export async function setOcopClaim(
  db: DB,
  actor: Actor,
  productId: number,
  claim: OcopClaimInput | null,
  now = new Date(),
): Promise<void> {
  const product = await getManagedProduct(db, actor, productId);
  const existing = await db
    .selectFrom('ocop_certificates')
    .selectAll()
    .where('product_id', '=', productId)
    .executeTakeFirst();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    if (!claim) {
      if (existing)
        await trx.deleteFrom('ocop_certificates').where('id', '=', existing.id).execute();
    } else {
      const row = {
        stars: claim.stars,
        certificate_no: claim.certificateNo,
        issuer: claim.issuer,
        issued_on: claim.issuedOn,
        expires_on: claim.expiresOn ?? addMonths(claim.issuedOn, 36),
        scan_key: claim.scanKey ?? existing?.scan_key ?? null,
        scan_content_type: claim.scanContentType ?? existing?.scan_content_type ?? null,
      };
      // Sending the same claim again is a resubmission only when the officer asked for changes.
      const unchanged =
        existing &&
        existing.review_state !== 'changes_requested' &&
        (['stars', 'certificate_no', 'issuer', 'issued_on', 'expires_on'] as const).every(
          (k) => existing[k] === row[k],
        ) &&
        !claim.scanKey;
      if (unchanged) return;
      if (existing) {
        await trx
          .updateTable('ocop_certificates')
          .set({ ...row, review_state: 'pending', review_note: null, updated_at: at })
          .where('id', '=', existing.id)
          .execute();
      } else {
        await trx
          .insertInto('ocop_certificates')
          .values({
            ...row,
            product_id: productId,
            review_state: 'pending',
            created_at: at,
            updated_at: at,
          })
          .execute();
      }
    }
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: product.organization_id,
        provinceCode: product.province_code,
        entityType: 'certificate',
        entityId: productId,
        action: claim ? 'claimed' : 'removed',
        changes: claim
          ? {
              stars: [existing?.stars ?? null, claim.stars],
              certificate_no: [existing?.certificate_no ?? null, claim.certificateNo],
            }
          : { stars: [existing?.stars ?? null, null] },
      },
      now,
    );
    await productsChanged(trx, [productId], now);
  });
}

/**
 * An officer of the province approves an OCOP claim, rejects it or sends it back asking for changes (the
 * last two with a note the cooperative sees); only an approved claim shows the badge.
 */
export async function reviewOcopClaim(
  db: DB,
  actor: Actor,
  productId: number,
  decision: boolean | 'request_changes',
  note: string | null,
  now = new Date(),
): Promise<void> {
  const approve = decision === true;
  const row = await db
    .selectFrom('ocop_certificates as c')
    .innerJoin('products as p', 'p.id', 'c.product_id')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['c.id', 'c.review_state', 'p.organization_id', 'o.province_code'])
    .where('c.product_id', '=', productId)
    .executeTakeFirst();
  if (!row) throw notFound();
  requireOfficerFor(actor, row.province_code);
  if (decision === 'request_changes' && !note?.trim()) {
    throw new UserError(
      'invalid',
      400,
      {
        vi: 'Hãy ghi cần bổ sung gì để hợp tác xã biết cách sửa.',
        en: 'Say what needs changing so the cooperative knows what to fix.',
      },
      'note',
    );
  }
  if (!approve && !note?.trim())
    throw new UserError(
      'invalid',
      400,
      { vi: 'Hãy ghi lý do từ chối.', en: 'Give a reason for rejecting.' },
      'note',
    );
  const state = approve
    ? 'approved'
    : decision === 'request_changes'
      ? 'changes_requested'
      : 'rejected';
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('ocop_certificates')
      .set({
        review_state: state,
        review_note: approve ? null : note!.trim(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: row.organization_id,
        provinceCode: row.province_code,
        entityType: 'certificate',
        entityId: productId,
        action: state,
        changes: {
          review_state: [row.review_state, state],
          ...(approve ? {} : { note: [null, note!.trim()] }),
        },
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

/** Everything the edit page shows; 404 for anyone who is not a member of the product's organization. */
export async function getListingDetail(db: DB, actor: Actor, productId: number) {
  const product = await getManagedProduct(db, actor, productId);
  const [images, certificate, certifications, stockHistory, org] = await Promise.all([
    db
      .selectFrom('product_images')
      .select(['storage_key', 'position'])
      .where('product_id', '=', productId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('ocop_certificates')
      .selectAll()
      .where('product_id', '=', productId)
      .executeTakeFirst(),
    db
      .selectFrom('certifications')
      .select(['kind', 'reference'])
      .where('product_id', '=', productId)
      .execute(),
    db
      .selectFrom('stock_adjustments as s')
      .leftJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id', 's.delta', 's.stock_after', 's.reason', 's.created_at', 'u.display_name'])
      .where('s.product_id', '=', productId)
      .orderBy('s.id', 'desc')
      .limit(50)
      .execute(),
    db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', product.organization_id)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    product,
    images,
    certificate: certificate ?? null,
    certifications,
    stockHistory,
    organizationName: org.name,
    provinceCode: product.province_code,
  };
}
