import type { Lang } from '~/i18n';

const LOCALES = { vi: 'vi-VN', en: 'en-US' } as const;

/** A count as each language writes it: 201.000 in Vietnamese, 201,000 in English. */
export function formatCount(value: number, lang: Lang): string {
  return value.toLocaleString(LOCALES[lang]);
}
