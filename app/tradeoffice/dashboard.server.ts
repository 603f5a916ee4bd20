import type { DB } from '~db/connection.server';
import type { Actor } from '~/accounts/permissions';
import { requireOfficerFor } from '~/accounts/permissions';
import { todayInVietnam } from '~/lib/dates';
import { computeKpi } from './kpi';

/** The province's KPI from the register and its listings; officers of the province and admins only. */
export async function provinceKpi(db: DB, actor: Actor, provinceCode: string, today = todayInVietnam(), months = 12) {
  requireOfficerFor(actor, provinceCode);
  const [entries, listings, communes] = await Promise.all([
    db.selectFrom('ocop_register_entries').selectAll().where('province_code', '=', provinceCode).execute(),
    db.selectFrom('products as p').innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .leftJoin('ocop_certificates as c', 'c.product_id', 'p.id')
      .select(['p.id', 'p.name', 'p.status', 'p.published_at', 'c.id as certificate_id']).where('o.province_code', '=', provinceCode).execute(),
    db.selectFrom('communes').select(['code', 'full_name']).where('province_code', '=', provinceCode).execute(),
  ]);
  const kpi = computeKpi(
    entries.map((e) => ({ id: e.id, productName: e.product_name, producer: e.producer, stars: e.stars, group: e.ocop_group, communeCode: e.commune_code, decisionDate: e.decision_date, expiresOn: e.expires_on, matchedProductId: e.matched_product_id })),
    listings.map((l) => ({ id: l.id, name: l.name, status: l.status, publishedAt: l.published_at, claimsOcop: l.certificate_id !== null })),
    today,
    months,
  );
  return { kpi, communeNames: Object.fromEntries(communes.map((c) => [c.code, c.full_name])), registerSize: entries.length };
}
