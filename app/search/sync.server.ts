import { sql } from 'kysely';
import type { DB } from '~db/connection.server';

/**
 * Call inside the transaction that changed these products (or their organization or certificate). It
 * only queues: one `search_outbox` row per product, written with the change, so no update is lost if
 * the process dies or Meilisearch is down. The outbox drain then refreshes both indexes — the embedded
 * one (`embedded_at`) and Meilisearch (`processed_at`) — independently, typically within a second.
 */
export async function productsChanged(
  trx: DB,
  productIds: number[],
  now = new Date(),
): Promise<void> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return;
  await bumpSearchVersion(trx);
  const at = now.toISOString();
  for (let i = 0; i < ids.length; i += 500) {
    await trx
      .insertInto('search_outbox')
      .values(
        ids
          .slice(i, i + 500)
          .map((id) => ({ product_id: id, created_at: at, next_attempt_at: at })),
      )
      .execute();
  }
}

/** Every change to indexed rows bumps this number, in the same transaction: caches key on it. */
export async function bumpSearchVersion(trx: DB): Promise<void> {
  await trx
    .insertInto('app_meta')
    .values({ key: SEARCH_VERSION_KEY, value: '1' })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ value: sql`cast(cast(app_meta.value as integer) + 1 as text)` }),
    )
    .execute();
}

export const SEARCH_VERSION_KEY = 'search_version';
