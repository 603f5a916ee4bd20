import type { DB } from '~db/connection.server';

/** Row 1 changes with every catalogue write; row 2 only with provinces and communes. */
const SCOPES = { catalogue: 1, places: 2 } as const;
export type VersionScope = keyof typeof SCOPES;

/**
 * The catalogue version the database holds (migration 0014): triggers bump it in the same transaction
 * as every write to what public pages show, so every app instance sharing the database agrees on it.
 */
export async function readCatalogueVersion(
  db: DB,
  scope: VersionScope = 'catalogue',
): Promise<number> {
  const row = await db
    .selectFrom('catalogue_version')
    .select('version')
    .where('id', '=', SCOPES[scope])
    .executeTakeFirst();
  return row?.version ?? 0;
}

/**
 * `compute` memoized for as long as the catalogue version stays the same: shared data every page asks
 * for (the province list, the home page's facets). Each call costs one primary-key read; a write by
 * any instance shows on the next call after it commits.
 */
export function memoizeOnCatalogueVersion<T>(
  compute: (db: DB) => Promise<T>,
  scope: VersionScope = 'catalogue',
) {
  const memo = new WeakMap<DB, { version: number; value: Promise<T> }>();
  return async (db: DB): Promise<T> => {
    const version = await readCatalogueVersion(db, scope);
    const hit = memo.get(db);
    if (hit && hit.version === version) return hit.value;
    const value = compute(db);
    memo.set(db, { version, value });
    // A failure is not remembered: the next call computes again.
    value.catch(() => memo.get(db)?.value === value && memo.delete(db));
    return value;
  };
}
