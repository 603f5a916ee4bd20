import type { DB } from '~db/connection.server';

export interface OrganizationView {
  id: number;
  slug: string;
  name: string;
  kind: string;
  verified: boolean;
  description: string;
  phone: string;
  addressLine: string;
  communeFullName: string | null;
  provinceName: string;
  provinceSlug: string;
  provinceCode: string;
  logoKey: string | null;
}

/** A cooperative's public profile; rejected organizations and those sent back for changes are not shown. */
export async function getPublicOrganization(
  db: DB,
  slug: string,
): Promise<OrganizationView | null> {
  const row = await db
    .selectFrom('organizations as o')
    .innerJoin('provinces as pv', 'pv.code', 'o.province_code')
    .leftJoin('communes as c', 'c.code', 'o.commune_code')
    .select([
      'o.id',
      'o.slug',
      'o.name',
      'o.kind',
      'o.verification_state',
      'o.description',
      'o.phone',
      'o.address_line',
      'o.logo_key',
      'c.full_name as commune_full_name',
      'pv.name as province_name',
      'pv.slug as province_slug',
      'pv.code as province_code',
    ])
    .where('o.slug', '=', slug)
    .where('o.verification_state', 'not in', ['rejected', 'changes_requested'])
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    verified: row.verification_state === 'approved',
    description: row.description,
    phone: row.phone,
    addressLine: row.address_line,
    communeFullName: row.commune_full_name ?? null,
    provinceName: row.province_name,
    provinceSlug: row.province_slug,
    provinceCode: row.province_code,
    logoKey: row.logo_key,
  };
}
