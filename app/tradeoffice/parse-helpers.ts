/**
 * Pieces shared by every spreadsheet import (the OCOP register, the product import): calendar dates
 * as officers type them, OCOP groups by code or Vietnamese name, and communes by code or by name
 * typed with or without diacritics and with or without "Xã", "Phường", "Thị trấn", "Đặc khu".
 */
import { OCOP_GROUP_NAMES_EN, OCOP_GROUP_NAMES_VI, OCOP_GROUPS, type OcopGroup } from '~/catalogue';
import { matchPlaceName, type PlaceNameMatch } from '~/lib/place-match';
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

export type PlaceMatch<P extends Place> = PlaceNameMatch<P>;

/**
 * Finds a place in `places` by official code (leading zeros optional: `3478` = `03478`) or by name:
 * the name as typed with its diacritics first, the folded name only when it names one place (the
 * shared rule of ~/lib/place-match). A typed prefix must agree with the official one ("Phường Sìn Hồ"
 * does not match "Xã Sìn Hồ"); a name shared by two places is ambiguous until a prefix, the exact
 * diacritics or the code tells them apart.
 */
export function matchPlace<P extends Place>(places: readonly P[], text: string): PlaceMatch<P> {
  return matchPlaceName(places, text);
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
