import { sql } from 'kysely';
import type { DB } from '~db/connection.server';
import { isPostgres } from '~db/dialect';
import { fold } from '~/lib/text';
import { ocopLabel } from '../query-words';
import type { SearchDocument, SearchDocumentSource } from '../types';

/**
 * Rewrites the embedded engine's rows of these products from their current documents (a product the
 * source no longer returns is removed). Run it in a transaction: readers see the old rows or the new.
 */
export async function refreshEmbeddedIndex(
  trx: DB,
  source: SearchDocumentSource,
  ids: number[],
): Promise<void> {
  const documents = await source.load(trx, ids);
  const postgres = isPostgres(trx);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await trx.deleteFrom('product_search').where('product_id', 'in', chunk).execute();
    if (!postgres)
      await sql`delete from product_fts where rowid in (${sql.join(chunk)})`.execute(trx);
  }
  if (postgres) {
    // PostgreSQL keeps the folded text in product_search; its tsvector column is generated from it.
    const rows = [...documents.values()].map((doc) => {
      const text = ftsColumns(doc);
      return {
        ...searchRow(doc),
        fts_name: text.name,
        fts_cooperative: text.cooperative,
        fts_place: text.place,
        fts_category: text.category,
        fts_description: text.description,
      };
    });
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('product_search')
        .values(rows.slice(i, i + 200))
        .execute();
    return;
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

/** Products the embedded index shows with an OCOP badge (the catalogue checks which have lapsed). */
export async function listBadgedProductIds(db: DB): Promise<number[]> {
  const rows = await db
    .selectFrom('product_search')
    .select('product_id')
    .where('ocop_stars', 'is not', null)
    .execute();
  return rows.map((r) => r.product_id);
}
