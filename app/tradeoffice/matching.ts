import { foldedTokens } from '~/search/fold';

const PRODUCER_FILLER = new Set(['htx', 'hop', 'tac', 'xa', 'to', 'cong', 'ty', 'tnhh', 'ho', 'kinh', 'doanh', 'co', 'so', 'san', 'xuat']);
const NAME_FILLER = new Set(['san', 'pham', 'ocop', 'loai', 'goi', 'hop', 'chai', 'g', 'kg', 'ml']);

const words = (text: string, filler: Set<string>) => new Set(foldedTokens(text).filter((w) => !filler.has(w) && !/^\d+$/.test(w)));

/** Dice similarity of two word sets, 0–1. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * How likely a listing is the register entry, 0–1: product names (folded, filler words dropped) count
 * most, the producer's name next ("HTX", "Công ty TNHH"… ignored), the same commune a little.
 */
export function matchScore(entry: { productName: string; producer: string; communeCode: string | null }, listing: { name: string; organizationName: string; communeCode: string | null }): number {
  const name = dice(words(entry.productName, NAME_FILLER), words(listing.name, NAME_FILLER));
  const producer = dice(words(entry.producer, PRODUCER_FILLER), words(listing.organizationName, PRODUCER_FILLER));
  const commune = entry.communeCode && entry.communeCode === listing.communeCode ? 1 : 0;
  return 0.65 * name + 0.3 * producer + 0.05 * commune;
}

export const SUGGESTION_THRESHOLD = 0.45;
