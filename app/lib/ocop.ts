/**
 * The six OCOP product groups (Decision 148/QĐ-TTg). Codes are stable API values. The vocabulary sits
 * below the domains: the catalogue stores it, search filters and facets on it (app/catalogue re-exports it).
 */
export const OCOP_GROUPS = [
  'food',
  'beverage',
  'herbal',
  'textile',
  'souvenir',
  'tourism',
] as const;
export type OcopGroup = (typeof OCOP_GROUPS)[number];

export function isOcopGroup(value: string): value is OcopGroup {
  return (OCOP_GROUPS as readonly string[]).includes(value);
}
