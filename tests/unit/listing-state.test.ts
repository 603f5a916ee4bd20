import { describe, expect, it } from 'vitest';
import {
  LISTING_TRANSITIONS,
  nextListingStatus,
  type ListingEvent,
} from '~/catalogue/listing-state';
import { isUserError } from '~/lib/errors';

const STATUSES = [
  'draft',
  'submitted',
  'published',
  'rejected',
  'archived',
  'changes_requested',
] as const;

describe('listing state machine', () => {
  it.each([
    ['draft', 'submit', 'member', 'submitted'],
    ['rejected', 'submit', 'member', 'submitted'],
    ['submitted', 'approve', 'officer', 'published'],
    ['submitted', 'reject', 'officer', 'rejected'],
    ['draft', 'archive', 'member', 'archived'],
    ['submitted', 'archive', 'member', 'archived'],
    ['published', 'archive', 'member', 'archived'],
    ['rejected', 'archive', 'member', 'archived'],
    ['archived', 'restore', 'member', 'draft'],
    ['submitted', 'request_changes', 'officer', 'changes_requested'],
    ['changes_requested', 'submit', 'member', 'submitted'],
    ['changes_requested', 'archive', 'member', 'archived'],
  ] as const)('%s --%s by %s--> %s', (from, event, actor, to) => {
    expect(nextListingStatus(from, event, actor)).toBe(to);
  });

  it('refuses every transition not in the table with 409 and a Vietnamese reason', () => {
    let refused = 0;
    for (const [event, transition] of Object.entries(LISTING_TRANSITIONS) as Array<
      [ListingEvent, (typeof LISTING_TRANSITIONS)[ListingEvent]]
    >) {
      for (const status of STATUSES.filter((s) => !transition.from.includes(s))) {
        try {
          nextListingStatus(status, event, transition.by);
          expect.unreachable(`${status} --${event}`);
        } catch (error) {
          expect(isUserError(error) && error.status).toBe(409);
          expect(isUserError(error) && error.userMessage.vi).toMatch(/Không thể thực hiện/);
          refused++;
        }
      }
    }
    // Six events by six statuses, minus the 12 legal steps above.
    expect(refused).toBe(6 * 6 - 12);
  });

  it('refuses a step taken by the wrong kind of actor with 403', () => {
    expect(() => nextListingStatus('submitted', 'approve', 'member')).toThrow(/not allowed/);
    expect(() => nextListingStatus('draft', 'submit', 'officer')).toThrow(/not allowed/);
    expect(() => nextListingStatus('submitted', 'request_changes', 'member')).toThrow(
      /not allowed/,
    );
    expect(() => nextListingStatus('changes_requested', 'submit', 'officer')).toThrow(
      /not allowed/,
    );
  });
});
