import type { DB } from '~db/connection.server';
import { type Actor, requireOfficer, requireOfficerFor } from '~/accounts';

/**
 * What waits for an officer: organizations, listings and OCOP claims of their provinces (admins: all),
 * or of one province when `provinceCode` is given (the trade office dashboard's counts).
 */
export async function reviewQueue(db: DB, actor: Actor, provinceCode?: string) {
  requireOfficer(actor);
  if (provinceCode !== undefined) requireOfficerFor(actor, provinceCode);
  const provinces =
    provinceCode !== undefined ? [provinceCode] : actor.isAdmin ? null : actor.officerProvinceCodes;
  const [organizations, listings, claims] = await Promise.all([
    db
      .selectFrom('organizations as o')
      .innerJoin('provinces as p', 'p.code', 'o.province_code')
      .select([
        'o.id',
        'o.name',
        'o.kind',
        'o.address_line',
        'o.phone',
        'o.tax_code',
        'o.created_at',
        'o.slug',
        'p.name as province_name',
      ])
      .where('o.verification_state', '=', 'pending')
      .$if(provinces !== null, (qb) => qb.where('o.province_code', 'in', provinces!))
      .orderBy('o.created_at')
      .execute(),
    db
      .selectFrom('products as pr')
      .innerJoin('organizations as o', 'o.id', 'pr.organization_id')
      .select([
        'pr.id',
        'pr.name',
        'pr.price_vnd',
        'pr.unit',
        'pr.submitted_at',
        'pr.organization_id',
        'o.name as org_name',
        'o.verification_state',
      ])
      .where('pr.status', '=', 'submitted')
      .$if(provinces !== null, (qb) => qb.where('o.province_code', 'in', provinces!))
      .orderBy('pr.submitted_at')
      .execute(),
    db
      .selectFrom('ocop_certificates as c')
      .innerJoin('products as pr', 'pr.id', 'c.product_id')
      .innerJoin('organizations as o', 'o.id', 'pr.organization_id')
      .select([
        'pr.id as product_id',
        'pr.name',
        'pr.organization_id',
        'o.name as org_name',
        'c.stars',
        'c.certificate_no',
        'c.issuer',
        'c.issued_on',
        'c.expires_on',
        'c.scan_key',
        'c.updated_at',
      ])
      .where('c.review_state', '=', 'pending')
      .$if(provinces !== null, (qb) => qb.where('o.province_code', 'in', provinces!))
      .orderBy('c.updated_at')
      .execute(),
  ]);
  return { organizations, listings, claims };
}
