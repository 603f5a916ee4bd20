import { describe, expect, it } from 'vitest';
import {
  canReadAuditLog,
  canViewOrgPrivate,
  isHelperIn,
  isOrgTrader,
  landingPath,
  requireAuditReader,
  requireOrgMember,
  requireOrgOwner,
  requireOrgTrader,
  type Actor,
} from '~/accounts/permissions';
import { organizationPageSchema } from '~/catalogue';
import { parseSubmission } from '~/lib/form';
import { isUserError } from '~/lib/errors';

// Decision 017: a community digital technology team member (`helper`) lists and edits for the
// cooperatives that invited them, and nothing else.
const actor = (userId: number, memberships: Actor['memberships']): Actor => ({
  userId,
  isAdmin: false,
  memberships,
  officerProvinceCodes: [],
});
const owner = actor(1, [{ organizationId: 10, role: 'owner' }]);
const staff = actor(2, [{ organizationId: 10, role: 'staff' }]);
const helper = actor(3, [{ organizationId: 10, role: 'helper' }]);
const helperHereOwnerThere = actor(4, [
  { organizationId: 10, role: 'helper' },
  { organizationId: 11, role: 'owner' },
]);
const stranger = actor(5, [{ organizationId: 11, role: 'owner' }]);
const org = { id: 10, provinceCode: '12' };

function status(check: () => void): number {
  try {
    check();
    return 200;
  } catch (error) {
    if (!isUserError(error)) throw error;
    return error.status;
  }
}

describe('the helper role', () => {
  it('creates and edits listings and stock like any member', () => {
    expect(status(() => requireOrgMember(helper, 10))).toBe(200);
    expect(canViewOrgPrivate(helper, org)).toBe(true);
    expect(isHelperIn(helper, 10)).toBe(true);
    expect([owner, staff, stranger].map((a) => isHelperIn(a, 10))).toEqual([false, false, false]);
  });

  it('gets 403 for members, the organization’s settings and its audit log', () => {
    expect(status(() => requireOrgOwner(helper, 10))).toBe(403);
    expect(canReadAuditLog(helper, org)).toBe(false);
    expect(status(() => requireAuditReader(helper, org))).toBe(403);
  });

  it('handles no orders or money: requireOrgTrader passes owner and staff only', () => {
    expect(
      [owner, staff, helper, stranger].map((a) => status(() => requireOrgTrader(a, 10))),
    ).toEqual([200, 200, 403, 404]);
    expect([owner, staff, helper, stranger].map((a) => isOrgTrader(a, 10))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('is judged per organization: a helper here may own another cooperative', () => {
    expect(status(() => requireOrgTrader(helperHereOwnerThere, 10))).toBe(403);
    expect(status(() => requireOrgTrader(helperHereOwnerThere, 11))).toBe(200);
    expect(status(() => requireOrgOwner(helperHereOwnerThere, 11))).toBe(200);
    expect(status(() => requireOrgMember(helper, 11))).toBe(404);
  });

  it('lands in the seller area after sign-in', () => {
    expect(landingPath(helper)).toBe('/kenh-nguoi-ban');
  });
});

describe('the invitation form', () => {
  const parse = (role: string) =>
    parseSubmission(organizationPageSchema, { intent: 'invite', identifier: '0933222111', role });
  it('accepts the helper role and keeps staff as the default for anything unknown', () => {
    const roles = ['helper', 'owner', 'staff', 'admin', ''].map((role) => {
      const parsed = parse(role);
      return parsed.ok && parsed.value.intent === 'invite' ? parsed.value.role : null;
    });
    expect(roles).toEqual(['helper', 'owner', 'staff', 'staff', 'staff']);
  });
});
