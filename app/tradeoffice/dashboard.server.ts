import type { DB } from '~db/connection.server';
import { type Actor, requireOfficerFor } from '~/accounts';
import { listCommunes, reviewQueue } from '~/catalogue/index.server';
import { todayInVietnam } from '~/lib/dates';
import { computeKpi, type KpiEntry, type KpiListing } from './kpi';
import { provinceSearchDemand } from './demand.server';
import { provinceName } from './province.server';
import { suggestMatches } from './register.server';
import { provinceSales } from './sales.server';
import { provinceStamps } from './stamps.server';

/** A listing as the drill-down pages show it, beside the fields the KPI arithmetic needs. */
export interface ProvinceListing extends KpiListing {
  slug: string;
  organizationId: number;
  organizationName: string;
}

/**
 * The register and the listings of one province, as the KPI arithmetic takes them. No access check:
 * callers do it. Reads the catalogue's products, organizations and OCOP claims directly (it only counts).
 */
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
    listCommunes(db, provinceCode),
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
    communeNames: Object.fromEntries(communes.map((c) => [c.code, c.fullName])) as Record<
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

/** Whole days since the oldest of the dates (null when there is none): how long the queue has waited. */
function oldestDays(dates: Array<string | null>, now: number): number | null {
  const first = dates.filter((d): d is string => d !== null).sort()[0];
  return first ? Math.max(0, Math.floor((now - Date.parse(first)) / 86_400_000)) : null;
}

/**
 * Everything the trade office dashboard shows for a province: the KPI, register matches to confirm,
 * the review queue's counts and ages, sales and stamps. Officers of the province and admins only.
 */
export async function tradeOfficeDashboard(
  db: DB,
  actor: Actor,
  provinceCode: string,
  now = new Date(),
) {
  requireOfficerFor(actor, provinceCode);
  const [dashboard, suggestions, province, queue, sales, stamps, demand] = await Promise.all([
    provinceKpi(db, actor, provinceCode),
    suggestMatches(db, actor, provinceCode),
    provinceName(db, provinceCode),
    reviewQueue(db, actor, provinceCode),
    provinceSales(db, actor, provinceCode),
    provinceStamps(db, actor, provinceCode),
    provinceSearchDemand(db, actor, provinceCode, now),
  ]);
  const at = now.getTime();
  const waiting = {
    organizations: {
      count: queue.organizations.length,
      oldestDays: oldestDays(
        queue.organizations.map((o) => o.created_at),
        at,
      ),
    },
    listings: {
      count: queue.listings.length,
      oldestDays: oldestDays(
        queue.listings.map((l) => l.submitted_at),
        at,
      ),
    },
    claims: {
      count: queue.claims.length,
      oldestDays: oldestDays(
        queue.claims.map((c) => c.updated_at),
        at,
      ),
    },
  };
  return { province, ...dashboard, suggestions, waiting, sales, stamps, demand };
}
