/**
 * Vietnamese folding for search: lower case, every tone and vowel mark removed, đ → d.
 * NFD splits "ế" into e + U+0302 + U+0301 so the marks can be dropped; đ has no decomposition
 * and is mapped by hand. Both search engines, every query, slugs and name keys go through this one function.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/** Folded words (letters and digits), for tokenising queries the same way the index was built. */
export function foldedTokens(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** URL slug from a Vietnamese name: `Chè Shan tuyết Tà Xùa` → `che-shan-tuyet-ta-xua`. */
export function slugify(text: string): string {
  return foldedTokens(text).join('-').slice(0, 80);
}
