import { meaningfulTokens } from '../query-words';

const MAX_PHRASE = 3;

/**
 * The PostgreSQL twin of buildMatchExpression: what a buyer typed as a `to_tsquery('simple', …)` text
 * over folded words. Every word must match (&), the last one as a prefix (:*); a word or run of words
 * with synonyms matches any of them (|, phrases with <->). Each word is quoted, so nothing typed can
 * become tsquery syntax.
 */
export function buildTsQuery(
  tokens: string[],
  synonyms: Map<string, string[]>,
  mode: 'all' | 'any' = 'all',
): string | null {
  const words = tokens.slice(0, 12);
  if (words.length === 0) return null;
  const parts: string[] = [];
  for (let i = 0; i < words.length;) {
    const phrase = longestSynonymPhrase(words, i, synonyms);
    if (phrase) {
      const text = words.slice(i, i + phrase).join(' ');
      parts.push(`(${[text, ...(synonyms.get(text) ?? [])].map(phraseQuery).join(' | ')})`);
      i += phrase;
      continue;
    }
    const token = words[i] ?? '';
    const isLast = i === words.length - 1;
    const alternatives = [
      quote(token) + (isLast ? ':*' : ''),
      ...(synonyms.get(token) ?? []).map(phraseQuery),
    ];
    parts.push(alternatives.length === 1 ? alternatives.join('') : `(${alternatives.join(' | ')})`);
    i++;
  }
  return parts.join(mode === 'all' ? ' & ' : ' | ');
}

export const queryTokens = (q: string) => meaningfulTokens(q);

function longestSynonymPhrase(tokens: string[], start: number, synonyms: Map<string, string[]>) {
  for (let length = Math.min(MAX_PHRASE, tokens.length - start); length >= 2; length--) {
    if (synonyms.has(tokens.slice(start, start + length).join(' '))) return length;
  }
  return 0;
}

const quote = (word: string) => `'${word.replace(/[\\']/g, '')}'`;
const phraseQuery = (words: string) => {
  const parts = words.split(' ').filter(Boolean).map(quote);
  return parts.length === 1 ? (parts[0] ?? "''") : `(${parts.join(' <-> ')})`;
};

/** Trigrams as pg_trgm counts them (a word padded with two spaces before and one after). */
function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const set = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  return set;
}

/** pg_trgm's similarity of two words: shared trigrams over all trigrams. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}
