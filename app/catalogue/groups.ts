import type { Lang } from '~/i18n';
import type { Message } from '~/i18n/messages';
import { ocopGroupNames } from '~/i18n/messages/catalogue';
import { OCOP_GROUPS, type OcopGroup } from '~/lib/ocop';

export { isOcopGroup, OCOP_GROUPS, type OcopGroup } from '~/lib/ocop';

export const OCOP_GROUP_NAMES: Record<OcopGroup, Message> = ocopGroupNames;

export const OCOP_GROUP_NAMES_VI = Object.fromEntries(
  OCOP_GROUPS.map((g) => [g, OCOP_GROUP_NAMES[g].vi]),
) as Record<OcopGroup, string>;

export const OCOP_GROUP_NAMES_EN = Object.fromEntries(
  OCOP_GROUPS.map((g) => [g, OCOP_GROUP_NAMES[g].en]),
) as Record<OcopGroup, string>;

export function groupName(lang: Lang, group: OcopGroup): string {
  return OCOP_GROUP_NAMES[group][lang];
}

export const ORGANIZATION_KINDS = [
  'cooperative',
  'cooperative_group',
  'household',
  'enterprise',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const CERTIFICATION_KINDS = ['vietgap', 'organic', 'geographical_indication'] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];
