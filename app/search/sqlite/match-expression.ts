import { foldedTokens } from '../fold';

/**
 * Turns what a buyer typed into an FTS5 MATCH expression over folded text. Every word must match
 * (AND); the last one as a prefix because the buyer may still be typing; a word with synonyms
 * matches any of them (a multi-word synonym as a phrase). Words are quoted, so nothing typed can
 * become FTS5 syntax.
 */
export function buildMatchExpression(query: string, synonyms: Map<string, string[]>, mode: 'all' | 'any' = 'all'): string | null {
  const tokens = foldedTokens(query).slice(0, 12);
  if (tokens.length === 0) return null;
  const parts = tokens.map((token, index) => {
    const isLast = index === tokens.length - 1;
    const alternatives = [quote(token) + (isLast ? '*' : ''), ...(synonyms.get(token) ?? []).map(quote)];
    return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`;
  });
  return parts.join(mode === 'all' ? ' AND ' : ' OR ');
}

const quote = (word: string) => `"${word.replace(/"/g, '""')}"`;
