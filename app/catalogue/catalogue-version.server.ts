import type { DB } from '~db/connection.server';

/**
 * The catalogue version the database holds (migration 0014): triggers bump it in the same transaction
 * as every write to what public pages show, so every app instance sharing the database agrees on it.
 */
export async function readCatalogueVersion(db: DB): Promise<number> {
  const row = await db
    .selectFrom('catalogue_version')
    .select('version')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row?.version ?? 0;
}

/**
 * `compute` memoized for as long as the catalogue version stays the same: shared data every page asks
 * for (the province list, the home page's facets). Each call costs one primary-key read; a write by
 * any instance shows on the next call after it commits.
 */
export function memoizeOnCatalogueVersion<T>(compute: (db: DB) => Promise<T>) {
  const memo = new WeakMap<DB, { version: number; value: Promise<T> }>();
  return async (db: DB): Promise<T> => {
    const version = await readCatalogueVersion(db);
    const hit = memo.get(db);
    if (hit && hit.version === version) return hit.value;
    const value = compute(db);
    memo.set(db, { version, value });
    // A failure is not remembered: the next call computes again.
    value.catch(() => memo.get(db)?.value === value && memo.delete(db));
    return value;
  };
}
