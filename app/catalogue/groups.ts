/** The six OCOP product groups (Decision 148/QĐ-TTg). Codes are stable API values. */
export const OCOP_GROUPS = [
  'food',
  'beverage',
  'herbal',
  'textile',
  'souvenir',
  'tourism',
] as const;
export type OcopGroup = (typeof OCOP_GROUPS)[number];

export const OCOP_GROUP_NAMES_VI: Record<OcopGroup, string> = {
  food: 'Thực phẩm',
  beverage: 'Đồ uống',
  herbal: 'Thảo dược',
  textile: 'Vải và may mặc',
  souvenir: 'Lưu niệm – nội thất – trang trí',
  tourism: 'Dịch vụ du lịch cộng đồng, du lịch nông thôn',
};

export const OCOP_GROUP_NAMES_EN: Record<OcopGroup, string> = {
  food: 'Food',
  beverage: 'Beverages',
  herbal: 'Herbal products',
  textile: 'Textiles & garments',
  souvenir: 'Souvenirs, furniture & decoration',
  tourism: 'Community & rural tourism',
};

export function isOcopGroup(value: string): value is OcopGroup {
  return (OCOP_GROUPS as readonly string[]).includes(value);
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
