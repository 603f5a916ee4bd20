import type { DB } from '~db/connection.server';
import { recordDecisionNotice } from './notices.server';
import { type Actor, requireOfficerFor } from '~/accounts';
import { recordAudit } from '~/audit/index.server';
import { catalogueMessages as m } from '~/i18n/messages/catalogue';
import { addMonths } from '~/lib/dates';
import { invalid, notFound } from '~/lib/errors';
import { productsChanged } from '~/search/index.server';
import { getManagedProduct } from './managed-products.server';

export interface OcopClaimInput {
  stars: 3 | 4 | 5;
  certificateNo: string;
  issuer: string;
  issuedOn: string;
  expiresOn: string | null;
  scanKey: string | null;
  scanContentType: string | null;
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
  const trimmedNote = note?.trim() ?? '';
  if (decision === 'request_changes' && !trimmedNote) throw invalid('note', m.changesNoteRequired);
  if (!approve && !trimmedNote) throw invalid('note', m.rejectionReasonRequired);
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
        review_note: approve ? null : trimmedNote,
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
          ...(approve ? {} : { note: [null, trimmedNote] }),
        },
      },
      now,
    );
    await productsChanged(trx, [productId], now);
    await recordDecisionNotice(
      trx,
      {
        organizationId: row.organization_id,
        productId,
        subject: 'ocop',
        decision: state,
        note: approve ? null : trimmedNote,
      },
      now,
    );
  });
}
