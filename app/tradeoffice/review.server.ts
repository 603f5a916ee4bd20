import type { DB } from '~db/connection.server';
import type { Actor } from '~/accounts';
import { changeListingStatus, reviewOcopClaim, reviewOrganization } from '~/catalogue/index.server';
import type { ReviewDecision } from './forms';

/**
 * The officer's review queue (/duyet). The catalogue owns the three reviews and checks each against
 * the officer's provinces; this turns one form's decision into the call of the right one.
 */
export async function recordReviewDecision(
  db: DB,
  actor: Actor,
  { intent, id, decision, reason }: ReviewDecision,
): Promise<void> {
  const approve = decision === 'approve';
  const requestChanges = decision === 'request_changes';
  switch (intent) {
    case 'organization':
      return reviewOrganization(
        db,
        actor,
        id,
        approve ? { approve: true } : { approve: false, reason, requestChanges },
      );
    case 'listing':
      return changeListingStatus(
        db,
        actor,
        id,
        approve ? 'approve' : requestChanges ? 'request_changes' : 'reject',
        approve ? null : reason,
      );
    case 'ocop':
      return reviewOcopClaim(
        db,
        actor,
        id,
        requestChanges ? 'request_changes' : approve,
        approve ? null : reason,
      );
  }
}
