/**
 * Vietnamese phone numbers as people type them — `0912 345 678`, `0912.345.678`, `+84 912 345 678`,
 * `84912345678`, `(+84) 912-345-678` — normalised to E.164 (`+84912345678`). Mobiles are 0 + 9 digits
 * with the post-2018 prefixes 3, 5, 7, 8, 9; landlines are 0 + 2 + 9 digits.
 */
export function normalizeVietnamesePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  let national: string;
  if (compact.startsWith('+84')) national = `0${compact.slice(3)}`;
  else if (compact.startsWith('84') && compact.length === 11) national = `0${compact.slice(2)}`;
  else national = compact;
  if (national.startsWith('00')) return null;
  const isMobile = /^0[35789]\d{8}$/.test(national);
  const isLandline = /^02\d{9}$/.test(national);
  return isMobile || isLandline ? `+84${national.slice(1)}` : null;
}

/** `+84912345678` → `0912 345 678` (landlines: `0214 388 3456`). */
export function formatPhoneForDisplay(e164: string): string {
  const national = `0${e164.replace(/^\+84/, '')}`;
  return national.length === 10
    ? `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`
    : `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
}

export type LoginIdentifier = { kind: 'phone'; value: string } | { kind: 'email'; value: string };

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

/** A sign-in name is a phone number or an e-mail address; null when it is neither. */
export function parseLoginIdentifier(input: string): LoginIdentifier | null {
  const value = input.trim();
  if (value.includes('@')) return EMAIL.test(value) ? { kind: 'email', value: value.toLowerCase() } : null;
  const phone = normalizeVietnamesePhone(value);
  return phone ? { kind: 'phone', value: phone } : null;
}
