import type { DB } from '~db/connection.server';
import { todayInVietnam } from '~/lib/dates';
import { listBadgedProductIds, productsChanged } from '~/search/index.server';

/**
 * A certificate expires without any write to the catalogue, so the indexes would keep showing its
 * badge. This finds products the index shows with a badge but whose approved certificate has lapsed (or
 * is gone) and queues them for re-indexing; the server runs it hourly. Returns how many products.
 */
export async function refreshLapsedBadges(db: DB, today = todayInVietnam()): Promise<number> {
  const badged = await listBadgedProductIds(db);
  const lapsed: number[] = [];
  for (let i = 0; i < badged.length; i += 500) {
    const chunk = badged.slice(i, i + 500);
    const valid = await db
      .selectFrom('ocop_certificates')
      .select('product_id')
      .where('product_id', 'in', chunk)
      .where('review_state', '=', 'approved')
      .where('expires_on', '>=', today)
      .execute();
    const stillValid = new Set(valid.map((r) => r.product_id));
    lapsed.push(...chunk.filter((id) => !stillValid.has(id)));
  }
  if (lapsed.length === 0) return 0;
  await db.transaction().execute((trx) => productsChanged(trx, lapsed));
  return lapsed.length;
}
