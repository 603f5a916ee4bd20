import type { ProductStatus } from '~db/schema';
import { formatMessage } from '~/i18n/messages';
import { catalogueMessages as m, listingStatusNames } from '~/i18n/messages/catalogue';
import { UserError } from '~/lib/errors';

export type ListingEvent =
  'submit' | 'approve' | 'reject' | 'request_changes' | 'archive' | 'restore';
export type ListingActor = 'member' | 'officer';

interface Transition {
  from: ProductStatus[];
  to: ProductStatus;
  by: ListingActor;
}

/**
 * The one table of legal listing transitions. A member writes a draft and submits it; an officer of
 * the province publishes it, rejects it (with a reason) or sends it back asking for changes (with a
 * note); a rejected listing or one with changes requested can be fixed and submitted again; the member
 * archives what no longer sells and can restore it as a draft.
 */
export const LISTING_TRANSITIONS: Record<ListingEvent, Transition> = {
  submit: { from: ['draft', 'rejected', 'changes_requested'], to: 'submitted', by: 'member' },
  approve: { from: ['submitted'], to: 'published', by: 'officer' },
  reject: { from: ['submitted'], to: 'rejected', by: 'officer' },
  request_changes: { from: ['submitted'], to: 'changes_requested', by: 'officer' },
  archive: {
    from: ['draft', 'submitted', 'published', 'rejected', 'changes_requested'],
    to: 'archived',
    by: 'member',
  },
  restore: { from: ['archived'], to: 'draft', by: 'member' },
};

export function listingStatusName(status: ProductStatus) {
  return listingStatusNames[status];
}

/** The next status, or a 409 UserError explaining why this step is not allowed now. */
export function nextListingStatus(
  current: ProductStatus,
  event: ListingEvent,
  actor: ListingActor,
): ProductStatus {
  const transition = LISTING_TRANSITIONS[event];
  if (transition.by !== actor) {
    throw new UserError('forbidden', 403, m.listingStepForbidden);
  }
  if (!transition.from.includes(current)) {
    const name = listingStatusNames[current];
    throw new UserError('illegal_transition', 409, {
      vi: formatMessage(m.listingStepIllegal, { status: name.vi }).vi,
      en: formatMessage(m.listingStepIllegal, { status: name.en }).en,
    });
  }
  return transition.to;
}
