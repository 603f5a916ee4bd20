import type { DB } from '~db/connection.server';
import type { Actor } from '~/accounts';
import { foldedTokens } from '~/lib/text';
import { listDemand, weeksBefore, type DemandRow } from '~/search/index.server';

const WEEKS = 8;
/** Words too common to say a query is about a seller's products. */
const COMMON = new Set(['dac', 'san', 'ocop', 'sao', 'xa', 'tinh', 'hop', 'tac', 'htx', 'loai']);

/**
 * Unmet searches near the actor's products: in the provinces of their organizations (or naming none),
 * sharing a word of three letters or more with the name or category of one of their products.
 */
export async function sellerSearchDemand(
  db: DB,
  actor: Actor,
  now = new Date(),
): Promise<DemandRow[]> {
  const orgIds = actor.memberships.map((m) => m.organizationId);
  if (orgIds.length === 0) return [];
  const products = await db
    .selectFrom('products as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.name', 'p.category', 'o.province_code'])
    .where('p.organization_id', 'in', orgIds)
    .execute();
  if (products.length === 0) return [];
  const words = new Set(
    products.flatMap((p) => foldedTokens(`${p.name} ${p.category}`)).filter((w) => w.length >= 3),
  );
  const rows = await listDemand(db, {
    provinceCodes: [...new Set(products.map((p) => p.province_code)), ''],
    sinceWeek: weeksBefore(now, WEEKS),
    limit: 200,
  });
  return rows
    .filter((r) => foldedTokens(r.query).some((w) => !COMMON.has(w) && words.has(w)))
    .slice(0, 10);
}
