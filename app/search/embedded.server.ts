import type { DB } from '~db/connection.server';
import { isPostgres } from '~db/dialect';
import { createPostgresSearchIndex } from './postgres/engine.server';
import { createSqliteSearchIndex } from './sqlite/engine.server';
import type { SearchIndex } from './types';

/**
 * The embedded engine (the fallback when Meilisearch is down, or SEARCH_ENGINE=sqlite) of the
 * database in use: FTS5 on SQLite, full text + pg_trgm on PostgreSQL. Both answer as engine 'sqlite'.
 */
export function createEmbeddedSearchIndex(
  db: DB,
  synonyms: Map<string, string[]>,
  options: { facetCacheSize?: number } = {},
): SearchIndex {
  return isPostgres(db)
    ? createPostgresSearchIndex(db, synonyms, options)
    : createSqliteSearchIndex(db, synonyms, options);
}
