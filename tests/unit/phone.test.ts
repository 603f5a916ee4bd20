import { describe, expect, it } from 'vitest';
import {
  formatPhoneForDisplay,
  isMobilePhone,
  normalizeVietnamesePhone,
  parseLoginIdentifier,
} from '~/accounts/phone';

describe('normalizeVietnamesePhone', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['0912-345-678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['(+84) 912-345-678', '+84912345678'],
    ['+84 0912 345 678', '+84912345678'],
    ['0084 912 345 678', '+84912345678'],
    ['  0912345678  ', '+84912345678'],
    ['0387654321', '+84387654321'],
    ['0523456789', '+84523456789'],
    ['0701234567', '+84701234567'],
    ['0868533291', '+84868533291'],
    ['0999999999', '+84999999999'],
  ])('mobile %s → %s', (input, expected) => expect(normalizeVietnamesePhone(input)).toBe(expected));

  it.each([
    ['02143883456', '+842143883456'],
    ['024 3883 3456', '+842438833456'],
    ['+84 214 388 3456', '+842143883456'],
    ['842143883456', '+842143883456'],
  ])('landline %s → %s', (input, expected) =>
    expect(normalizeVietnamesePhone(input)).toBe(expected),
  );

  it.each([
    ['empty', ''],
    ['too short', '12345'],
    ['nine digits', '091234567'],
    ['eleven-digit mobile', '09123456789'],
    ['old 11-digit mobile prefix 01x', '01234567890'],
    ['prefix 011', '0112345678'],
    ['unassigned prefix 030', '0301234567'],
    ['unassigned prefix 071', '0711234567'],
    ['unassigned prefix 080', '0801234567'],
    ['no leading zero', '912345678'],
    ['another country', '+1 415 555 0100'],
    ['letters', 'abc'],
    ['a letter inside', '0912-34x-678'],
    ['double trunk zero', '00912345678'],
    ['plus in the middle', '09+12345678'],
    ['landline too short', '0214388345'],
  ])('rejects %s (%s)', (_why, input) => expect(normalizeVietnamesePhone(input)).toBeNull());
});

describe('isMobilePhone', () => {
  it('tells mobiles from landlines', () => {
    expect(isMobilePhone('+84912345678')).toBe(true);
    expect(isMobilePhone('+842143883456')).toBe(false);
    expect(isMobilePhone('0912345678')).toBe(false);
  });
});

describe('formatPhoneForDisplay', () => {
  it('groups numbers the way people read them', () => {
    expect(formatPhoneForDisplay('+84912345678')).toBe('0912 345 678');
    expect(formatPhoneForDisplay('+842143883456')).toBe('0214 3883 456');
    expect(formatPhoneForDisplay('+842133876543')).toBe('0213 3876 543');
    expect(formatPhoneForDisplay('+842438833456')).toBe('024 3883 3456');
  });
  it('returns anything else unchanged', () => {
    expect(formatPhoneForDisplay('')).toBe('');
    expect(formatPhoneForDisplay('+14155550100')).toBe('+14155550100');
  });
});

describe('parseLoginIdentifier', () => {
  it('reads e-mails trimmed and lower-cased', () => {
    expect(parseLoginIdentifier(' Mai@Example.VN ')).toEqual({
      kind: 'email',
      value: 'mai@example.vn',
    });
    expect(parseLoginIdentifier('htx.che@lai-chau.gov.vn')).toEqual({
      kind: 'email',
      value: 'htx.che@lai-chau.gov.vn',
    });
  });
  it('reads phone numbers in any typed form', () => {
    expect(parseLoginIdentifier('0912 345 678')).toEqual({ kind: 'phone', value: '+84912345678' });
    expect(parseLoginIdentifier('(+84) 912.345.678')).toEqual({
      kind: 'phone',
      value: '+84912345678',
    });
  });
  it.each([
    '',
    '   ',
    'mai@',
    '@example.vn',
    'mai@example',
    'mai@@example.vn',
    'mai @example.vn',
    'mai@example.v',
    'mai@.vn',
    'hello',
    '0912',
    `${'a'.repeat(250)}@example.vn`,
  ])('rejects %j', (input) => expect(parseLoginIdentifier(input)).toBeNull());
});
