import type { DB } from '~db/connection.server';
import type { Actor } from '~/accounts';
import { todayInVietnam } from '~/lib/dates';

export const LOW_STOCK = 5;

/** The seller home: the actor's organizations and their listings, with what needs attention. */
export async function sellerOverview(db: DB, actor: Actor, today = todayInVietnam()) {
  const orgIds = actor.memberships.map((m) => m.organizationId);
  if (orgIds.length === 0) return { organizations: [], products: [], lowStock: [], expiring: [] };
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
  const horizon = new Date(Date.parse(today) + 90 * 86_400_000).toISOString().slice(0, 10);
  return {
    organizations: organizations.map((o) => ({
      ...o,
      role: actor.memberships.find((m) => m.organizationId === o.id)!.role,
    })),
    products,
    lowStock: products.filter((p) => p.status === 'published' && p.stock < LOW_STOCK),
    expiring: products.filter((p) => p.expires_on && p.expires_on <= horizon),
  };
}
