import { foldKey } from './parse-helpers';

/**
 * Suggesting which listing is which register entry. The officer confirms every match; these scores
 * only order the suggestions, so they favour being explainable over being clever.
 */

/** Legal-form words of a producer's name, folded, longest first: they say what it is, not who. */
const PRODUCER_FORMS = [
  'doanh nghiep tu nhan',
  'trach nhiem huu han',
  'ho kinh doanh',
  'hop tac xa',
  'to hop tac',
  'cong ty',
  'co phan',
  'thuong mai',
  'dich vu',
  'san xuat',
  'co so',
  'chi nhanh',
  'tnhh',
  'htx',
  'tht',
  'hkd',
  'dntn',
  'cp',
  'tm',
  'dv',
  'sx',
  'va',
];
/** Phrases and words any product name may carry (the OCOP label, packaging, units), not its identity. */
const NAME_PHRASES = [
  'san pham',
  'dac san',
  'ocop 3 sao',
  'ocop 4 sao',
  'ocop 5 sao',
  '3 sao',
  '4 sao',
  '5 sao',
  'ocop',
];
const NAME_FILLER = new Set([
  'loai',
  'goi',
  'hop',
  'tui',
  'chai',
  'hu',
  'g',
  'gr',
  'kg',
  'ml',
  'l',
]);
/** Same thing, two words: buyers and registers say "chè" or "trà" for tea. */
const SYNONYMS: Record<string, string> = { tra: 'che' };

const removePhrases = (key: string, phrases: string[]) =>
  phrases.reduce((text, phrase) => ` ${text} `.replaceAll(` ${phrase} `, ' ').trim(), key);

/** Distinguishing words of a product name: folded, synonyms unified, filler, numbers and weights ("500g") dropped. */
export function productWords(name: string): Set<string> {
  const words = removePhrases(foldKey(name), NAME_PHRASES)
    .split(' ')
    .filter((w) => w && !NAME_FILLER.has(w) && !/^\d+([.,]\d+)?(g|gr|kg|ml|l)?$/.test(w));
  return new Set(words.map((w) => SYNONYMS[w] ?? w));
}

/** Distinguishing words of a producer's name: "HTX Chè Tam Đường" and "Hợp tác xã chè Tam Đường" both give che, tam, duong. */
export function producerWords(name: string): Set<string> {
  // Twice, so "Công ty TNHH Thương mại và Dịch vụ" loses every form word wherever it sits.
  const key = removePhrases(removePhrases(foldKey(name), PRODUCER_FORMS), PRODUCER_FORMS);
  return new Set(
    key
      .split(' ')
      .filter(Boolean)
      .map((w) => SYNONYMS[w] ?? w),
  );
}

/** Dice similarity of two word sets, 0–1. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export interface MatchableEntry {
  productName: string;
  producer: string;
  communeCode: string | null;
}

export interface MatchableListing {
  name: string;
  organizationName: string;
  communeCode: string | null;
}

export const NAME_WEIGHT = 0.65;
export const PRODUCER_WEIGHT = 0.3;
export const SAME_COMMUNE_BONUS = 0.05;
/** An identical product name alone (0.65) passes; a same producer and commune with a different product (0.35) does not. */
export const SUGGESTION_THRESHOLD = 0.45;

export interface MatchScore {
  score: number;
  name: number;
  producer: number;
  sameCommune: boolean;
}

/** How the listing compares with the register entry, each part 0–1; `score` is their weighted sum. */
export function scoreMatch(entry: MatchableEntry, listing: MatchableListing): MatchScore {
  const name = dice(productWords(entry.productName), productWords(listing.name));
  const producer = dice(producerWords(entry.producer), producerWords(listing.organizationName));
  const sameCommune = entry.communeCode !== null && entry.communeCode === listing.communeCode;
  const score =
    NAME_WEIGHT * name + PRODUCER_WEIGHT * producer + (sameCommune ? SAME_COMMUNE_BONUS : 0);
  return { score: Math.round(score * 1000) / 1000, name, producer, sameCommune };
}

/** The weighted score alone, 0–1. */
export function matchScore(entry: MatchableEntry, listing: MatchableListing): number {
  return scoreMatch(entry, listing).score;
}

/** Listings that look like the entry, best first, only those at or above the threshold. */
export function suggestListings<L extends MatchableListing & { id: number }>(
  entry: MatchableEntry,
  listings: readonly L[],
  options: { threshold?: number; limit?: number } = {},
): Array<{ listing: L } & MatchScore> {
  const { threshold = SUGGESTION_THRESHOLD, limit = 3 } = options;
  return listings
    .map((listing) => ({ listing, ...scoreMatch(entry, listing) }))
    .filter((s) => s.score >= threshold)
    .sort((a, b) => b.score - a.score || b.name - a.name || a.listing.id - b.listing.id)
    .slice(0, limit);
}
