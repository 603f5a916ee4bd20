/** What a product card and page show about a product's reviews and sales. */
export interface RatingSummary {
  /** Mean of the visible ratings, one decimal (4.7), or null when there is none. */
  average: number | null;
  count: number;
  sold: number;
}

export const NO_RATING: RatingSummary = { average: null, count: 0, sold: 0 };

/** `4,7` in Vietnamese, `4.7` in English. */
export function formatRating(average: number, lang: 'vi' | 'en'): string {
  const text = average.toFixed(1);
  return lang === 'vi' ? text.replace('.', ',') : text;
}
