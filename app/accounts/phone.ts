/**
 * Vietnamese phone numbers as people type them — `0912 345 678`, `0912.345.678`, `+84 912 345 678`,
 * `84912345678`, `(+84) 912-345-678`, even `+84 0912…` or `0084…` — normalised to E.164 (`+84912345678`).
 */

/*
 * Mobile prefixes after the 2018 renumbering (0 + these two digits + 7 more digits):
 * Viettel 032–039, 086, 096–098; Vinaphone 081–085, 088, 091, 094; MobiFone 070, 076–079, 089, 090, 093;
 * Vietnamobile 052, 056, 058, 092; Gmobile 059, 099; Reddi 055; iTel 087; 095 (former S-Fone).
 * Unassigned prefixes (030, 031, 050, 051, 053, 054, 057, 071–075, 080) are almost always typos.
 */
const MOBILE = /^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)\d{7}$/;
/** Landlines: 0 + area code starting with 2 (024 Hà Nội, 0214 Lào Cai, …) = 11 digits in all. */
const LANDLINE = /^02\d{9}$/;
/** Hà Nội (024) and TP. Hồ Chí Minh (028) have 3-digit area codes and 8-digit subscriber numbers. */
const BIG_CITY_AREA = /^02[48]/;

/** The national form (`0912345678`) of whatever was typed, or null when it cannot be a number. */
function toNational(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  if (!/^\+?\d{9,15}$/.test(compact)) return null;
  let rest: string;
  if (compact.startsWith('+84')) rest = compact.slice(3);
  else if (compact.startsWith('0084')) rest = compact.slice(4);
  else if (compact.startsWith('+'))
    return null; // another country
  else if (compact.startsWith('84') && (compact.length === 11 || compact.length === 12))
    rest = compact.slice(2);
  else if (compact.startsWith('0')) return compact;
  else return null;
  // "+84 0912…" is a common way of writing it: the trunk 0 after the country code is dropped.
  return rest.startsWith('0') ? rest : `0${rest}`;
}

export function normalizeVietnamesePhone(input: string): string | null {
  const national = toNational(input);
  if (!national || !(MOBILE.test(national) || LANDLINE.test(national))) return null;
  return `+84${national.slice(1)}`;
}

export function isMobilePhone(e164: string): boolean {
  return e164.startsWith('+84') && MOBILE.test(`0${e164.slice(3)}`);
}

/**
 * `+84912345678` → `0912 345 678`; landlines `0213 3876 543`, Hà Nội/HCMC `024 3883 3456`.
 * Anything that is not a Vietnamese number comes back as it was given.
 */
export function formatPhoneForDisplay(e164: string): string {
  const national = normalizeVietnamesePhone(e164)?.replace(/^\+84/, '0');
  if (!national) return e164;
  if (national.length === 10)
    return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  if (BIG_CITY_AREA.test(national))
    return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  // A landline: the four-digit area code, then its seven digits as people say them (3876 543).
  return `${national.slice(0, 4)} ${national.slice(4, 8)} ${national.slice(8)}`;
}

export type LoginIdentifier = { kind: 'phone'; value: string } | { kind: 'email'; value: string };

const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)*\.[^\s@.]{2,}$/;

/** A sign-in name is a phone number or an e-mail address (trimmed, lower-cased); null when it is neither. */
export function parseLoginIdentifier(input: string): LoginIdentifier | null {
  const value = input.trim();
  if (value.length === 0 || value.length > 254) return null;
  if (value.includes('@'))
    return EMAIL.test(value) ? { kind: 'email', value: value.toLowerCase() } : null;
  const phone = normalizeVietnamesePhone(value);
  return phone ? { kind: 'phone', value: phone } : null;
}
