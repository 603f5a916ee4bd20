/**
 * Pieces shared by every spreadsheet import (the OCOP register, the product import): calendar dates
 * as officers type them, OCOP groups by code or Vietnamese name, and communes by code or by name
 * typed with or without diacritics and with or without "Xã", "Phường", "Thị trấn", "Đặc khu".
 */
import { OCOP_GROUP_NAMES_EN, OCOP_GROUP_NAMES_VI, OCOP_GROUPS, type OcopGroup } from '~/catalogue';
import { foldedTokens } from '~/lib/text';

// One implementation of calendar dates for the whole app; re-exported so importers find it here.
export { addMonths, parseCalendarDate } from '~/lib/dates';

/** Folded words joined by one space: case, marks, đ, dashes and extra spaces no longer matter. */
export function foldKey(text: string): string {
  return foldedTokens(text).join(' ');
}

/** Folded administrative prefixes of a commune-level name, longest first so "thi tran" wins over nothing. */
const PLACE_PREFIXES = ['thi tran', 'dac khu', 'phuong', 'xa'] as const;
export type PlacePrefix = (typeof PLACE_PREFIXES)[number];

/** `Xã Sìn Hồ` → `{ prefix: 'xa', key: 'sin ho' }`; `sin ho` → `{ prefix: null, key: 'sin ho' }`. */
export function splitPlaceName(text: string): { prefix: PlacePrefix | null; key: string } {
  const key = foldKey(text);
  for (const prefix of PLACE_PREFIXES) {
    // A bare "Xã" is not a name with a prefix; it needs something after it.
    if (key.startsWith(`${prefix} `)) return { prefix, key: key.slice(prefix.length + 1) };
  }
  return { prefix: null, key };
}

export interface Place {
  code: string;
  name: string;
}

export type PlaceMatch<P extends Place> =
  | { ok: true; place: P }
  | { ok: false; reason: 'empty' | 'not_found' | 'ambiguous'; candidates: P[] };

const withoutLeadingZeros = (code: string) => code.replace(/^0+(?=\d)/, '');

/**
 * Finds a place in `places` by official code (leading zeros optional: `3478` = `03478`) or by name.
 * A typed prefix must agree with the official one ("Phường Sìn Hồ" does not match "Xã Sìn Hồ");
 * a name shared by two places (a "Xã X" and a "Phường X") is ambiguous until a prefix or code is given.
 */
export function matchPlace<P extends Place>(places: readonly P[], text: string): PlaceMatch<P> {
  const value = text.trim();
  if (!value) return { ok: false, reason: 'empty', candidates: [] };
  if (/^\d+$/.test(value)) {
    const place = places.find((p) => withoutLeadingZeros(p.code) === withoutLeadingZeros(value));
    return place ? { ok: true, place } : { ok: false, reason: 'not_found', candidates: [] };
  }
  const typed = splitPlaceName(value);
  const candidates = places.filter((p) => {
    const official = splitPlaceName(p.name);
    if (official.key !== typed.key) return false;
    return typed.prefix === null || official.prefix === null || official.prefix === typed.prefix;
  });
  const [only, ...others] = candidates;
  if (only && others.length === 0) return { ok: true, place: only };
  return { ok: false, reason: candidates.length ? 'ambiguous' : 'not_found', candidates };
}

/** An OCOP group by code (`beverage`), Vietnamese name (`Đồ uống`, `do uong`) or English name. */
export function matchOcopGroup(text: string): OcopGroup | null {
  const value = foldKey(text);
  if (!value) return null;
  return (
    OCOP_GROUPS.find(
      (g) =>
        g === value ||
        foldKey(OCOP_GROUP_NAMES_VI[g]) === value ||
        foldKey(OCOP_GROUP_NAMES_EN[g]) === value,
    ) ?? null
  );
}
