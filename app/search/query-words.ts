import { foldedTokens } from '~/lib/text';

/**
 * Words buyers add that every product on Chợ Phiên satisfies ("đặc sản Điện Biên" means "Điện Biên"):
 * dropped from the query by both engines, so they do not drown the words that matter.
 */
const FILLER_PHRASES = [['dac', 'san']];

/** The folded words of a query, without filler phrases (unless the query is nothing but filler). */
export function meaningfulTokens(q: string): string[] {
  const tokens = foldedTokens(q);
  const kept: string[] = [];
  let skip = 0;
  for (const [i, token] of tokens.entries()) {
    if (skip > 0) {
      skip--;
      continue;
    }
    const phrase = FILLER_PHRASES.find((p) => p.every((word, j) => tokens[i + j] === word));
    if (phrase) {
      skip = phrase.length - 1;
      continue;
    }
    kept.push(token);
  }
  return kept.length ? kept : tokens;
}

/** "ocop 4 sao": searchable text for a product's OCOP rating, the way buyers type it. */
export function ocopLabel(stars: number | null): string {
  return stars ? `ocop ${stars} sao` : '';
}
