import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '~/accounts/passwords.server';
import {
  canViewOrgPrivate,
  requireAuditReader,
  requireOfficerFor,
  requireOrgMember,
  requireOrgOwner,
  type Actor,
} from '~/accounts/permissions';
import {
  formatPhoneForDisplay,
  normalizeVietnamesePhone,
  parseLoginIdentifier,
} from '~/accounts/phone';
import { networkOf } from '~/accounts/rate-limit.server';
import { generateToken, hashToken, safeEqual } from '~/accounts/tokens.server';

describe('Vietnamese phone numbers', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['(+84) 912-345-678', '+84912345678'],
    ['0387654321', '+84387654321'],
    ['02143883456', '+842143883456'],
  ])('%s → %s', (input, expected) => expect(normalizeVietnamesePhone(input)).toBe(expected));

  it.each([
    '',
    '12345',
    '0112345678',
    '091234567',
    '09123456789',
    '+1 415 555 0100',
    'abc',
    '0912-34x-678',
  ])('rejects %s', (input) => {
    expect(normalizeVietnamesePhone(input)).toBeNull();
  });

  it('shows numbers the way people read them', () => {
    expect(formatPhoneForDisplay('+84912345678')).toBe('0912 345 678');
  });

  it('tells phones from e-mails at sign-in', () => {
    expect(parseLoginIdentifier(' Mai@Example.VN ')).toEqual({
      kind: 'email',
      value: 'mai@example.vn',
    });
    expect(parseLoginIdentifier('0912 345 678')).toEqual({ kind: 'phone', value: '+84912345678' });
    expect(parseLoginIdentifier('mai@')).toBeNull();
    expect(parseLoginIdentifier('hello')).toBeNull();
  });
});

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('mat-khau-rat-dai');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'mat-khau-rat-dai')).toBe(true);
    expect(await verifyPassword(hash, 'mat-khau-sai')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
  it('refuses short, repeated and common passwords', () => {
    expect(passwordProblem('short')?.vi).toMatch(/ít nhất 8/);
    expect(passwordProblem('aaaaaaaaaa')?.vi).toMatch(/dễ đoán/);
    expect(passwordProblem('12345678')?.vi).toMatch(/dễ đoán/);
    expect(passwordProblem('x'.repeat(201))?.vi).toMatch(/quá dài/);
    expect(passwordProblem('che-shan-tuyet-2026')).toBeNull();
  });
});

describe('tokens', () => {
  it('are 256-bit, URL-safe and stored only as a hash', () => {
    const token = generateToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
  it('groups rate-limit keys by network', () => {
    expect(networkOf('203.113.5.77')).toBe('203.113.5.0/24');
    expect(networkOf('::ffff:127.0.0.1')).toBe('127.0.0.0/24');
    expect(networkOf('2001:ee0:4a1b:1:2:3:4:5')).toBe('2001:ee0:4a1b::/48');
    expect(networkOf(undefined)).toBe('unknown');
  });
});

describe('permissions', () => {
  const owner: Actor = {
    userId: 1,
    isAdmin: false,
    memberships: [{ organizationId: 10, role: 'owner' }],
    officerProvinceCodes: [],
  };
  const staff: Actor = {
    userId: 2,
    isAdmin: false,
    memberships: [{ organizationId: 10, role: 'staff' }],
    officerProvinceCodes: [],
  };
  const other: Actor = {
    userId: 3,
    isAdmin: false,
    memberships: [{ organizationId: 11, role: 'owner' }],
    officerProvinceCodes: [],
  };
  const officerLaiChau: Actor = {
    userId: 4,
    isAdmin: false,
    memberships: [],
    officerProvinceCodes: ['12'],
  };
  const officerLaoCai: Actor = {
    userId: 5,
    isAdmin: false,
    memberships: [],
    officerProvinceCodes: ['15'],
  };
  const admin: Actor = { userId: 6, isAdmin: true, memberships: [], officerProvinceCodes: [] };
  const org = { id: 10, provinceCode: '12' };
  const status = (fn: () => void) => {
    try {
      fn();
      return 200;
    } catch (error) {
      return (error as { status: number }).status;
    }
  };

  it('lets members in and answers others with 404 (ids reveal nothing)', () => {
    expect(status(() => requireOrgMember(owner, 10))).toBe(200);
    expect(status(() => requireOrgMember(staff, 10))).toBe(200);
    expect(status(() => requireOrgMember(other, 10))).toBe(404);
  });
  it('keeps owner-only actions from staff with 403', () => {
    expect(status(() => requireOrgOwner(owner, 10))).toBe(200);
    expect(status(() => requireOrgOwner(staff, 10))).toBe(403);
    expect(status(() => requireOrgOwner(other, 10))).toBe(404);
  });
  it('scopes officers to their province; admins everywhere', () => {
    expect(status(() => requireOfficerFor(officerLaiChau, '12'))).toBe(200);
    expect(status(() => requireOfficerFor(officerLaoCai, '12'))).toBe(403);
    expect(status(() => requireOfficerFor(admin, '12'))).toBe(200);
    expect(status(() => requireOfficerFor(owner, '12'))).toBe(403);
  });
  it('shows private organization data to members, its province officers and admins only', () => {
    expect([owner, staff, officerLaiChau, admin].map((a) => canViewOrgPrivate(a, org))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([other, officerLaoCai].map((a) => canViewOrgPrivate(a, org))).toEqual([false, false]);
  });
  it('lets owners and officers read the audit log, not staff or strangers', () => {
    expect(status(() => requireAuditReader(owner, org))).toBe(200);
    expect(status(() => requireAuditReader(officerLaiChau, org))).toBe(200);
    expect(status(() => requireAuditReader(staff, org))).toBe(403);
    expect(status(() => requireAuditReader(officerLaoCai, org))).toBe(404);
  });
});
