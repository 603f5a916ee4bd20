import { describe, expect, it } from 'vitest';
import {
  canReadAuditLog,
  canViewOrgPrivate,
  isMember,
  isOfficerFor,
  isOrgOwner,
  landingPath,
  requireAdmin,
  requireAuditReader,
  requireOfficer,
  requireOfficerFor,
  requireOrgMember,
  requireOrgOwner,
  requireOrgPrivate,
  roleIn,
  type Actor,
} from '~/accounts/permissions';
import { isUserError } from '~/lib/errors';

const actor = (userId: number, extra: Partial<Actor> = {}): Actor => ({
  userId,
  isAdmin: false,
  memberships: [],
  officerProvinceCodes: [],
  ...extra,
});

const owner = actor(1, { memberships: [{ organizationId: 10, role: 'owner' }] });
const staff = actor(2, { memberships: [{ organizationId: 10, role: 'staff' }] });
const ownerOfOther = actor(3, { memberships: [{ organizationId: 11, role: 'owner' }] });
const staffHereOwnerThere = actor(7, {
  memberships: [
    { organizationId: 10, role: 'staff' },
    { organizationId: 11, role: 'owner' },
  ],
});
const officerLaiChau = actor(4, { officerProvinceCodes: ['12'] });
const officerLaoCai = actor(5, { officerProvinceCodes: ['15'] });
const officerOfTwo = actor(8, { officerProvinceCodes: ['15', '12'] });
const admin = actor(6, { isAdmin: true });
const buyer = actor(9);
/** Cooperative 10 is in Lai Châu (12). */
const org = { id: 10, provinceCode: '12' };

/** The HTTP status a check ends in: 200 when it passes, else the UserError's status. */
function status(check: () => void): number {
  try {
    check();
    return 200;
  } catch (error) {
    if (!isUserError(error)) throw error;
    return error.status;
  }
}

describe('membership', () => {
  it('knows each actor’s role in each organization', () => {
    expect(roleIn(owner, 10)).toBe('owner');
    expect(roleIn(staff, 10)).toBe('staff');
    expect(roleIn(staffHereOwnerThere, 10)).toBe('staff');
    expect(roleIn(staffHereOwnerThere, 11)).toBe('owner');
    expect(roleIn(ownerOfOther, 10)).toBeNull();
    expect([owner, staff, ownerOfOther, admin].map((a) => isMember(a, 10))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([owner, staff, staffHereOwnerThere].map((a) => isOrgOwner(a, 10))).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('requireOrgMember lets owner and staff in; everyone else gets 404 (guessed ids reveal nothing)', () => {
    expect(status(() => requireOrgMember(owner, 10))).toBe(200);
    expect(status(() => requireOrgMember(staff, 10))).toBe(200);
    expect(status(() => requireOrgMember(ownerOfOther, 10))).toBe(404);
    expect(status(() => requireOrgMember(officerLaiChau, 10))).toBe(404);
    expect(status(() => requireOrgMember(admin, 10))).toBe(404);
    expect(status(() => requireOrgMember(buyer, 10))).toBe(404);
    expect(status(() => requireOrgMember(owner, 999))).toBe(404);
  });

  it('requireOrgOwner: owner passes, a staff member trying an owner-only action gets 403, strangers 404', () => {
    expect(status(() => requireOrgOwner(owner, 10))).toBe(200);
    expect(status(() => requireOrgOwner(staff, 10))).toBe(403);
    expect(status(() => requireOrgOwner(staffHereOwnerThere, 10))).toBe(403);
    expect(status(() => requireOrgOwner(staffHereOwnerThere, 11))).toBe(200);
    expect(status(() => requireOrgOwner(ownerOfOther, 10))).toBe(404);
    expect(status(() => requireOrgOwner(officerLaiChau, 10))).toBe(404);
    expect(status(() => requireOrgOwner(buyer, 10))).toBe(404);
  });
});

describe('officers and admins', () => {
  it('scopes officers to their provinces; admins pass everywhere', () => {
    expect(
      [officerLaiChau, officerLaoCai, officerOfTwo, admin, owner].map((a) => isOfficerFor(a, '12')),
    ).toEqual([true, false, true, true, false]);
    expect(status(() => requireOfficerFor(officerLaiChau, '12'))).toBe(200);
    expect(status(() => requireOfficerFor(officerOfTwo, '12'))).toBe(200);
    expect(status(() => requireOfficerFor(admin, '12'))).toBe(200);
  });

  it('answers an officer of another province, a member and a buyer with 403 (province codes are public)', () => {
    expect(status(() => requireOfficerFor(officerLaoCai, '12'))).toBe(403);
    expect(status(() => requireOfficerFor(owner, '12'))).toBe(403);
    expect(status(() => requireOfficerFor(buyer, '12'))).toBe(403);
    expect(status(() => requireOfficerFor(officerLaiChau, ''))).toBe(403);
  });

  it('requireOfficer opens the officer pages to officers of any province and admins', () => {
    expect(
      [officerLaiChau, officerLaoCai, admin, owner, buyer].map((a) =>
        status(() => requireOfficer(a)),
      ),
    ).toEqual([200, 200, 200, 403, 403]);
  });

  it('requireAdmin passes admins only', () => {
    expect([admin, officerLaiChau, owner, buyer].map((a) => status(() => requireAdmin(a)))).toEqual(
      [200, 403, 403, 403],
    );
  });
});

describe('landing after sign-in', () => {
  it('sends each person to their own work', () => {
    expect(landingPath(admin)).toBe('/quan-tri/thanh-toan');
    expect(landingPath(officerLaiChau)).toBe('/so-cong-thuong');
    expect(landingPath(officerOfTwo)).toBe('/so-cong-thuong');
    expect(landingPath(owner)).toBe('/kenh-nguoi-ban');
    expect(landingPath(staff)).toBe('/kenh-nguoi-ban');
    expect(landingPath(buyer)).toBe('/');
  });
  it('puts the office before a membership the officer also holds', () => {
    const both = actor(10, {
      officerProvinceCodes: ['12'],
      memberships: [{ organizationId: 10, role: 'owner' }],
    });
    expect(landingPath(both)).toBe('/so-cong-thuong');
  });
});

describe('private organization data', () => {
  it('is visible to members, officers of the organization’s province and admins', () => {
    expect(
      [owner, staff, officerLaiChau, officerOfTwo, admin].map((a) => canViewOrgPrivate(a, org)),
    ).toEqual([true, true, true, true, true]);
    expect(
      [owner, staff, officerLaiChau, admin].map((a) => status(() => requireOrgPrivate(a, org))),
    ).toEqual([200, 200, 200, 200]);
  });

  it('answers another cooperative, an officer of another province and a buyer with 404', () => {
    expect([ownerOfOther, officerLaoCai, buyer].map((a) => canViewOrgPrivate(a, org))).toEqual([
      false,
      false,
      false,
    ]);
    expect(
      [ownerOfOther, officerLaoCai, buyer].map((a) => status(() => requireOrgPrivate(a, org))),
    ).toEqual([404, 404, 404]);
  });
});

describe('audit log', () => {
  it('is readable by the owner, officers of the province and admins', () => {
    expect([owner, officerLaiChau, admin].map((a) => canReadAuditLog(a, org))).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      [owner, officerLaiChau, admin].map((a) => status(() => requireAuditReader(a, org))),
    ).toEqual([200, 200, 200]);
  });

  it('refuses staff with 403 (they know the cooperative) and strangers with 404', () => {
    expect(
      [staff, staffHereOwnerThere, ownerOfOther, officerLaoCai, buyer].map((a) =>
        canReadAuditLog(a, org),
      ),
    ).toEqual([false, false, false, false, false]);
    expect(status(() => requireAuditReader(staff, org))).toBe(403);
    expect(status(() => requireAuditReader(staffHereOwnerThere, org))).toBe(403);
    expect(status(() => requireAuditReader(ownerOfOther, org))).toBe(404);
    expect(status(() => requireAuditReader(officerLaoCai, org))).toBe(404);
    expect(status(() => requireAuditReader(buyer, org))).toBe(404);
  });
});

describe('errors', () => {
  it('carry a bilingual message, Vietnamese first', () => {
    try {
      requireOrgOwner(staff, 10);
      expect.unreachable();
    } catch (error) {
      // Messages carry their key (app/i18n/messages.ts) besides the two texts.
      expect(isUserError(error) && error.userMessage).toMatchObject({
        vi: 'Bạn không có quyền thực hiện thao tác này.',
        en: 'You are not allowed to do this.',
      });
    }
  });
});
