import type { DB } from '~db/connection.server';
import { todayInVietnam } from '~/lib/dates';
import { productsChanged } from './sync.server';

/**
 * A certificate expires without any write to the catalogue, so the indexes would keep showing its
 * badge. This finds indexed products whose badge has lapsed and re-indexes them; the server runs it
 * hourly. Returns how many products were refreshed.
 */
export async function refreshLapsedBadges(db: DB, today = todayInVietnam()): Promise<number> {
  const lapsed = await db
    .selectFrom('product_search as s')
    .leftJoin('ocop_certificates as c', (join) =>
      join
        .onRef('c.product_id', '=', 's.product_id')
        .on('c.review_state', '=', 'approved')
        .on('c.expires_on', '>=', today),
    )
    .select('s.product_id')
    .where('s.ocop_stars', 'is not', null)
    .where('c.id', 'is', null)
    .execute();
  if (lapsed.length === 0) return 0;
  await db.transaction().execute((trx) =>
    productsChanged(
      trx,
      lapsed.map((r) => r.product_id),
    ),
  );
  return lapsed.length;
}
