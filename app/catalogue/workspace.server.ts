import type { DB } from '~db/connection.server';
import { type Actor, isOfficerFor, requireOrgMember, requireOrgPrivate } from '~/accounts';
import { listAuditForOrganization } from '~/audit/index.server';
import { todayInVietnam } from '~/lib/dates';
import { notFound } from '~/lib/errors';
import { listMembersForViewer } from './members.server';
import { sellerSearchDemand } from './seller-demand.server';

export const LOW_STOCK = 5;

/** The seller home: the actor's organizations and their listings, with what needs attention. */
export async function sellerOverview(db: DB, actor: Actor, today = todayInVietnam()) {
  const orgIds = actor.memberships.map((m) => m.organizationId);
  if (orgIds.length === 0)
    return { organizations: [], products: [], lowStock: [], expiring: [], demand: [] };
  const organizations = await db
    .selectFrom('organizations as o')
    .innerJoin('provinces as p', 'p.code', 'o.province_code')
    .select([
      'o.id',
      'o.slug',
      'o.name',
      'o.verification_state',
      'o.rejection_reason',
      'p.name as province_name',
    ])
    .where('o.id', 'in', orgIds)
    .orderBy('o.name')
    .execute();
  const products = await db
    .selectFrom('products as p')
    .leftJoin('ocop_certificates as c', 'c.product_id', 'p.id')
    .select([
      'p.id',
      'p.slug',
      'p.name',
      'p.organization_id',
      'p.status',
      'p.stock',
      'p.price_vnd',
      'p.unit',
      'p.rejection_reason',
      'c.stars',
      'c.review_state as ocop_review',
      'c.review_note as ocop_note',
      'c.expires_on',
    ])
    .where('p.organization_id', 'in', orgIds)
    .orderBy('p.updated_at', 'desc')
    .execute();
  const roles = new Map(actor.memberships.map((m) => [m.organizationId, m.role]));
  const horizon = new Date(Date.parse(today) + 90 * 86_400_000).toISOString().slice(0, 10);
  return {
    organizations: organizations.flatMap((o) => {
      const role = roles.get(o.id);
      return role ? [{ ...o, role }] : [];
    }),
    products,
    lowStock: products.filter((p) => p.status === 'published' && p.stock < LOW_STOCK),
    expiring: products.filter((p) => p.expires_on && p.expires_on <= horizon),
    demand: await sellerSearchDemand(db, actor),
  };
}

/** An organization the actor belongs to (the new-listing and import pages); 404 for anyone else. */
export async function getMemberOrganization(db: DB, actor: Actor, organizationId: number) {
  requireOrgMember(actor, organizationId);
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'province_code'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!org) throw notFound();
  return org;
}

/**
 * An organization's own page: members see it; officers of its province see it too, read-only. Owners
 * and officers also get the audit log.
 */
export async function getOrganizationWorkspace(db: DB, actor: Actor, organizationId: number) {
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'province_code', 'verification_state', 'rejection_reason'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!org) throw notFound();
  requireOrgPrivate(actor, { id: organizationId, provinceCode: org.province_code });
  const isOwner = actor.memberships.some(
    (m) => m.organizationId === organizationId && m.role === 'owner',
  );
  const canReadAudit = isOwner || isOfficerFor(actor, org.province_code);
  const [people, audit] = await Promise.all([
    listMembersForViewer(db, organizationId),
    canReadAudit ? listAuditForOrganization(db, organizationId, 100) : Promise.resolve([]),
  ]);
  return { org, isOwner, canReadAudit, ...people, audit };
}
