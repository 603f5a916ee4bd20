import type { DB } from '~db/connection.server';
import { type Actor, requireOfficerFor } from '~/accounts';
import { todayInVietnam } from '~/lib/dates';
import { computeKpi, type KpiEntry, type KpiListing } from './kpi';

/** A listing as the drill-down pages show it, beside the fields the KPI arithmetic needs. */
export interface ProvinceListing extends KpiListing {
  slug: string;
  organizationId: number;
  organizationName: string;
}

/** The register and the listings of one province, as the KPI arithmetic takes them. No access check: callers do it. */
export async function loadKpiInputs(db: DB, provinceCode: string) {
  const [entries, listings, communes] = await Promise.all([
    db
      .selectFrom('ocop_register_entries')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('products as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .leftJoin('ocop_certificates as c', 'c.product_id', 'p.id')
      .select([
        'p.id',
        'p.name',
        'p.slug',
        'p.status',
        'p.published_at',
        'o.id as organization_id',
        'o.name as organization_name',
        'c.id as certificate_id',
      ])
      .where('o.province_code', '=', provinceCode)
      .orderBy('p.id')
      .execute(),
    db
      .selectFrom('communes')
      .select(['code', 'full_name'])
      .where('province_code', '=', provinceCode)
      .execute(),
  ]);
  return {
    entries: entries.map((e): KpiEntry => ({
      id: e.id,
      productName: e.product_name,
      producer: e.producer,
      stars: e.stars,
      group: e.ocop_group,
      communeCode: e.commune_code,
      decisionDate: e.decision_date,
      expiresOn: e.expires_on,
      matchedProductId: e.matched_product_id,
      certificateNo: e.certificate_no,
    })),
    listings: listings.map((l): ProvinceListing => ({
      id: l.id,
      name: l.name,
      slug: l.slug,
      status: l.status,
      publishedAt: l.published_at,
      claimsOcop: l.certificate_id !== null,
      organizationId: l.organization_id,
      organizationName: l.organization_name,
    })),
    communeNames: Object.fromEntries(communes.map((c) => [c.code, c.full_name])) as Record<
      string,
      string
    >,
  };
}

/** The province's KPI from the register and its listings; officers of the province and admins only. */
export async function provinceKpi(
  db: DB,
  actor: Actor,
  provinceCode: string,
  today = todayInVietnam(),
  months = 12,
) {
  requireOfficerFor(actor, provinceCode);
  const { entries, listings, communeNames } = await loadKpiInputs(db, provinceCode);
  const kpi = computeKpi(entries, listings, today, months);
  return { kpi, communeNames, registerSize: entries.length };
}
