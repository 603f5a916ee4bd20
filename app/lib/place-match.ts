import { fold } from './text';

/**
 * One way to match a typed place name against official ones, for every place a person types: the
 * product import, the OCOP register, the checkout address and search. Exact (diacritics kept, case and
 * spacing ignored) first; the folded name only when it names one place. Thái Nguyên has both “Xã Văn
 * Lang” and “Xã Văn Lăng”: “Văn Lăng” is the second, “van lang” is ambiguous and answered with both.
 */
export interface NamedPlace {
  code: string;
  /** Official name, with or without its prefix ("Xã Văn Lăng" or "Văn Lăng"). */
  name: string;
}

export type PlaceNameMatch<P extends NamedPlace> =
  | { ok: true; place: P }
  | { ok: false; reason: 'empty' | 'not_found' | 'ambiguous'; candidates: P[] };

/** Administrative prefixes, with and without diacritics, longest first. */
const PREFIXES: Array<[string, string]> = [
  ['thành phố', 'thanh pho'],
  ['thanh pho', 'thanh pho'],
  ['thị trấn', 'thi tran'],
  ['thi tran', 'thi tran'],
  ['đặc khu', 'dac khu'],
  ['dac khu', 'dac khu'],
  ['phường', 'phuong'],
  ['phuong', 'phuong'],
  ['tỉnh', 'tinh'],
  ['tinh', 'tinh'],
  ['xã', 'xa'],
  ['xa', 'xa'],
];

/** Lower case, NFC, words separated by one space; marks kept. */
export function exactKey(text: string): string {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.join(' ') ?? ''
  );
}

/** `Xã Văn Lăng` → `{ prefix: 'xa', exact: 'văn lăng', folded: 'van lang' }`. */
export function splitPlace(text: string): { prefix: string | null; exact: string; folded: string } {
  let exact = exactKey(text);
  let prefix: string | null = null;
  for (const [written, key] of PREFIXES) {
    if (exact.startsWith(`${written} `)) {
      prefix = key;
      exact = exact.slice(written.length + 1);
      break;
    }
  }
  return { prefix, exact, folded: fold(exact) };
}

const withoutLeadingZeros = (code: string) => code.replace(/^0+(?=\d)/, '');

export function matchPlaceName<P extends NamedPlace>(
  places: readonly P[],
  text: string,
): PlaceNameMatch<P> {
  const value = text.trim();
  if (!value) return { ok: false, reason: 'empty', candidates: [] };
  if (/^\d+$/.test(value)) {
    const place = places.find((p) => withoutLeadingZeros(p.code) === withoutLeadingZeros(value));
    return place ? { ok: true, place } : { ok: false, reason: 'not_found', candidates: [] };
  }
  const typed = splitPlace(value);
  const official = places.map((p) => ({ place: p, key: splitPlace(p.name) }));
  const kindAgrees = (prefix: string | null) =>
    typed.prefix === null || prefix === null || prefix === typed.prefix;
  const pick = (same: (key: ReturnType<typeof splitPlace>) => boolean): P[] =>
    official.filter((o) => kindAgrees(o.key.prefix) && same(o.key)).map((o) => o.place);
  const exact = pick((key) => key.exact === typed.exact);
  const candidates = exact.length ? exact : pick((key) => key.folded === typed.folded);
  const [only, ...others] = candidates;
  if (only && others.length === 0) return { ok: true, place: only };
  return { ok: false, reason: candidates.length ? 'ambiguous' : 'not_found', candidates };
}
