/**
 * Typo tolerance shared by both engines: Meilisearch gets these sizes in its settings, the embedded
 * engine corrects words against its own vocabulary with them. Vietnamese syllables are short, so one
 * typo is allowed from 4 letters (Meilisearch's default is 5) and two from 8 (default 9).
 */
export const TYPO_SIZES = { oneTypo: 4, twoTypos: 8 } as const;

export function allowedTypos(word: string): 0 | 1 | 2 {
  if (/^\d+$/.test(word)) return 0;
  if (word.length >= TYPO_SIZES.twoTypos) return 2;
  if (word.length >= TYPO_SIZES.oneTypo) return 1;
  return 0;
}

/**
 * Optimal-string-alignment distance (insertion, deletion, substitution, swap of neighbours), giving up
 * above `max`. As in Meilisearch, a different first letter costs an extra typo.
 */
export function typoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const firstPenalty = a[0] === b[0] ? 0 : 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]! + firstPenalty;
}

/**
 * Words of `vocabulary` within the typos allowed for `word` (none when the word itself is there).
 * `asPrefix`: the buyer may still be typing, so a vocabulary word that starts like it also counts.
 */
export interface Vocabulary {
  has(word: string): boolean;
  hasPrefix(prefix: string): boolean;
  byLength: Map<number, string[]>;
}

export function buildVocabulary(words: Iterable<string>): Vocabulary {
  const sorted = [...new Set(words)].sort();
  const set = new Set(sorted);
  const byLength = new Map<number, string[]>();
  for (const w of sorted) {
    // Codes and weights ("60064", "500g") are no word a typo could be aiming at; a catalogue of
    // 100,000 products holds about as many of them as products, and scanning them all is most of the
    // time a typo costs (decision 018).
    if (/\d/.test(w)) continue;
    const list = byLength.get(w.length);
    if (list) list.push(w);
    else byLength.set(w.length, [w]);
  }
  return {
    has: (word) => set.has(word),
    hasPrefix(prefix) {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]! < prefix) lo = mid + 1;
        else hi = mid;
      }
      return sorted[lo]?.startsWith(prefix) ?? false;
    },
    byLength,
  };
}

export function corrections(word: string, vocabulary: Vocabulary, asPrefix = false): string[] {
  const max = allowedTypos(word);
  if (max === 0 || vocabulary.has(word) || (asPrefix && vocabulary.hasPrefix(word))) return [];
  const found: string[] = [];
  for (let length = word.length - max; length <= word.length + max; length++) {
    for (const candidate of vocabulary.byLength.get(length) ?? []) {
      if (typoDistance(word, candidate, max) <= max) found.push(candidate);
    }
  }
  if (asPrefix && found.length === 0) {
    // "arabicc" while typing "arabica…": compare with the start of longer words.
    for (const [length, words] of vocabulary.byLength) {
      // Prefixes of much longer words are rare typing states; bounding the scan bounds its cost.
      if (length <= word.length || length > word.length + 8) continue;
      for (const candidate of words) {
        const close = [0, -1, 1].some(
          (d) =>
            Math.abs(d) <= max &&
            typoDistance(word, candidate.slice(0, word.length + d), max) <= max,
        );
        if (close) found.push(candidate);
      }
      if (found.length > 20) break;
    }
  }
  return found.slice(0, 20);
}
