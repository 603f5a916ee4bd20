import { describe, expect, it } from 'vitest';
import { allowedTypos, buildVocabulary, corrections, typoDistance } from '~/search/typo';

describe('typo tolerance', () => {
  it('allows one typo from 4 letters and two from 8, none on numbers', () => {
    expect(['mat', 'ongg', 'arabica', 'arabicaa', '12345'].map(allowedTypos)).toEqual([
      0, 1, 1, 2, 0,
    ]);
  });
  it('counts insertions, deletions, substitutions and swaps, and a first letter twice', () => {
    expect(typoDistance('dongg', 'dong', 2)).toBe(1);
    expect(typoDistance('tuyte', 'tuyet', 2)).toBe(1);
    expect(typoDistance('shen', 'shan', 2)).toBe(1);
    expect(typoDistance('xhan', 'shan', 2)).toBe(2);
    expect(typoDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
  const vocabulary = buildVocabulary(['mien', 'dong', 'arabica', 'shan', 'tuyet', 'rieng']);
  it('corrects only words that are not in the index', () => {
    expect(corrections('dongg', vocabulary)).toEqual(['dong']);
    expect(corrections('dong', vocabulary)).toEqual([]);
    expect(corrections('arabca', vocabulary)).toEqual(['arabica']);
    expect(corrections('xyzw', vocabulary)).toEqual([]);
  });
  it('treats the last word as a prefix being typed', () => {
    expect(corrections('arab', vocabulary, true)).toEqual([]);
    expect(corrections('arbic', vocabulary, true)).toEqual(['arabica']);
  });
  it('never offers a word with digits as a correction', () => {
    const withCodes = buildVocabulary(['dong', '60064', 'dong1', '500g']);
    expect(corrections('dongg', withCodes)).toEqual(['dong']);
    expect(corrections('600g', withCodes)).toEqual([]);
    expect(withCodes.has('60064')).toBe(true);
  });
});
