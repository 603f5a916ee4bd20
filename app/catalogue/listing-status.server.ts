import type { DB } from '~db/connection.server';
import { type Actor, requireOfficerFor } from '~/accounts';
import { recordAudit } from '~/audit/index.server';
import { catalogueMessages as m } from '~/i18n/messages/catalogue';
import { UserError, invalid, notFound } from '~/lib/errors';
import { productsChanged } from '~/search/index.server';
import { nextListingStatus, type ListingEvent } from './listing-state';
import { recordDecisionNotice } from './notices.server';

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
  if (event === 'approve' && product.verification_state !== 'approved')
    throw new UserError('org_not_approved', 409, m.organizationNotApproved);
  const note = reason?.trim() ?? '';
  if (event === 'reject' && !note) throw invalid('reason', m.rejectionReasonRequired);
  if (event === 'request_changes' && !note) throw invalid('reason', m.changesNoteRequired);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('products')
      .set({
        status: next,
        updated_at: at,
        ...(event === 'reject' || event === 'request_changes' ? { rejection_reason: note } : {}),
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
          ...(reason ? { reason: [null, note] } : {}),
        },
      },
      now,
    );
    await productsChanged(trx, [productId], now);
    if (byOfficer) {
      const decision =
        event === 'approve' ? 'approved' : event === 'reject' ? 'rejected' : 'changes_requested';
      await recordDecisionNotice(
        trx,
        {
          organizationId: product.organization_id,
          productId,
          subject: 'listing',
          decision,
          note: decision === 'approved' ? null : note,
        },
        now,
      );
    }
  });
}
