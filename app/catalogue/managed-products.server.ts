import type { DB } from '~db/connection.server';
import type { ProductRow } from '~db/schema';
import type { Actor } from '~/accounts';
import { notFound } from '~/lib/errors';

/** A product the actor may manage: 404 (not 403) for other organizations' products, so ids reveal nothing. */
export async function getManagedProduct(
  db: DB,
  actor: Actor,
  productId: number,
): Promise<ProductRow & { province_code: string }> {
  const row = await db
    .selectFrom('products as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .selectAll('p')
    .select('o.province_code')
    .where('p.id', '=', productId)
    .executeTakeFirst();
  if (!row || !actor.memberships.some((m) => m.organizationId === row.organization_id))
    throw notFound();
  return row;
}
