import { meaningfulTokens } from '../query-words';

const MAX_PHRASE = 3;

/**
 * Turns what a buyer typed into an FTS5 MATCH expression over folded text. Every word must match
 * (AND); the last one as a prefix because the buyer may still be typing; a word or a run of words
 * with synonyms matches any of them ("son tra" also matches the phrase "tao meo"). Words are quoted,
 * so nothing typed can become FTS5 syntax.
 */
export function buildMatchExpression(
  query: string,
  synonyms: Map<string, string[]>,
  mode: 'all' | 'any' = 'all',
  /** Words of the index within the typos allowed for a word that is not in it (see ../typo.ts). */
  correct: (word: string, isLast: boolean) => string[] = () => [],
): string | null {
  const tokens = meaningfulTokens(query).slice(0, 12);
  if (tokens.length === 0) return null;
  const parts: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const phrase = longestSynonymPhrase(tokens, i, synonyms);
    if (phrase) {
      const text = tokens.slice(i, i + phrase).join(' ');
      parts.push(`(${[text, ...(synonyms.get(text) ?? [])].map(quote).join(' OR ')})`);
      i += phrase;
      continue;
    }
    const token = tokens[i] ?? '';
    const isLast = i === tokens.length - 1;
    const alternatives = [
      quote(token) + (isLast ? '*' : ''),
      ...(synonyms.get(token) ?? []).map(quote),
      ...correct(token, isLast).map(quote),
    ];
    parts.push(
      alternatives.length === 1 ? alternatives.join('') : `(${alternatives.join(' OR ')})`,
    );
    i++;
  }
  return parts.join(mode === 'all' ? ' AND ' : ' OR ');
}

/** Length (≥ 2) of the longest run of words starting at `start` that has synonyms, or 0. */
function longestSynonymPhrase(
  tokens: string[],
  start: number,
  synonyms: Map<string, string[]>,
): number {
  for (let length = Math.min(MAX_PHRASE, tokens.length - start); length >= 2; length--) {
    if (synonyms.has(tokens.slice(start, start + length).join(' '))) return length;
  }
  return 0;
}

const quote = (words: string) => `"${words.replace(/"/g, '""')}"`;
