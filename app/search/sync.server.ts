import { sql } from 'kysely';
import type { DB } from '~db/connection.server';
import { loadSearchDocuments } from './documents.server';
import { fold } from '~/lib/text';
import { ocopLabel } from './query-words';
import type { SearchDocument } from './types';

/**
 * Call inside the transaction that changed these products (or their organization or certificate).
 * It rewrites the embedded engine's rows at once, so the SQLite index can never disagree with the
 * catalogue, and queues the products for the external engine in the same transaction, so no update
 * is lost if Meilisearch is down or the process dies before the worker runs.
 */
export async function productsChanged(
  trx: DB,
  productIds: number[],
  now = new Date(),
): Promise<void> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return;
  await refreshEmbeddedIndex(trx, ids);
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
      oc.column('key').doUpdateSet({ value: sql`cast(cast(value as integer) + 1 as text)` }),
    )
    .execute();
}

export const SEARCH_VERSION_KEY = 'search_version';

export async function organizationChanged(trx: DB, organizationId: number): Promise<void> {
  const rows = await trx
    .selectFrom('products')
    .select('id')
    .where('organization_id', '=', organizationId)
    .execute();
  await productsChanged(
    trx,
    rows.map((r) => r.id),
  );
}

export async function refreshEmbeddedIndex(trx: DB, ids: number[]): Promise<void> {
  const documents = await loadSearchDocuments(trx, ids);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await trx.deleteFrom('product_search').where('product_id', 'in', chunk).execute();
    await sql`delete from product_fts where rowid in (${sql.join(chunk)})`.execute(trx);
  }
  for (const doc of documents.values()) {
    await trx.insertInto('product_search').values(searchRow(doc)).execute();
    const text = ftsColumns(doc);
    await sql`insert into product_fts (rowid, name, cooperative, place, category, description)
      values (${doc.id}, ${text.name}, ${text.cooperative}, ${text.place}, ${text.category}, ${text.description})`.execute(
      trx,
    );
  }
}

function searchRow(doc: SearchDocument) {
  return {
    product_id: doc.id,
    province_code: doc.provinceCode,
    commune_code: doc.communeCode,
    ocop_group: doc.group,
    ocop_stars: doc.ocopStars,
    stars_rank: doc.ocopStars ?? 0,
    price_vnd: doc.priceVnd,
    in_stock: doc.inStock ? 1 : 0,
    created_at: doc.createdAt,
    name_folded: fold(doc.name),
    document: JSON.stringify(doc),
  };
}

/** Folded text per FTS column; unicode61 would keep đ, so we fold before indexing. */
export function ftsColumns(doc: SearchDocument) {
  return {
    name: fold(doc.name),
    cooperative: fold(doc.cooperativeName),
    place: fold([doc.communeName ?? '', doc.provinceName, ...doc.formerPlaceNames].join(' ')),
    category: fold(`${doc.category} ${ocopLabel(doc.ocopStars)}`),
    description: fold(doc.description),
  };
}
