import { sql, type Kysely, type RawBuilder } from 'kysely';
import { isPostgresAdapter } from './postgres.server';

/**
 * The few places where SQLite and PostgreSQL need different SQL, for migrations and queries alike.
 * Everything else is portable Kysely: write new SQL through these helpers (see decision 011).
 */
export type DialectName = 'sqlite' | 'postgres';

// Migrations hold a Kysely<any>, the app a Kysely<Database>: the helpers take either.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function dialectOf(db: AnyDb): DialectName {
  return isPostgresAdapter(db.getExecutor().adapter) ? 'postgres' : 'sqlite';
}

export const isPostgres = (db: AnyDb) => dialectOf(db) === 'postgres';

/** Forbids UPDATE (and DELETE unless allowed) on a table: evidence that is only ever appended to. */
export async function appendOnly(
  db: AnyDb,
  table: string,
  forbid: Array<'update' | 'delete'>,
): Promise<void> {
  for (const op of forbid) {
    const name = `${table}_no_${op}`;
    if (isPostgres(db)) {
      await sql
        .raw(
          `create or replace function ${name}() returns trigger language plpgsql as $$
          begin raise exception '${table} is append-only'; end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger ${name} before ${op} on ${table} for each row execute function ${name}()`,
        )
        .execute(db);
    } else {
      await sql
        .raw(
          `create trigger ${name} before ${op} on ${table}
          begin select raise(abort, '${table} is append-only'); end`,
        )
        .execute(db);
    }
  }
}

/**
 * Replaces a column's CHECK constraint on PostgreSQL (ALTER TABLE … DROP/ADD CONSTRAINT). SQLite needs
 * a table rebuild instead (see 0006_moderation), so this returns false there and the caller rebuilds.
 */
export async function replaceColumnCheck(
  db: AnyDb,
  table: string,
  column: string,
  check: string,
): Promise<boolean> {
  if (!isPostgres(db)) return false;
  // Unnamed column checks are named <table>_<column>_check by PostgreSQL.
  const name = `${table}_${column}_check`;
  await sql
    .raw(
      `alter table "${table}" drop constraint if exists "${name}", add constraint "${name}" check (${check})`,
    )
    .execute(db);
  return true;
}

/** The current time as the ISO text every timestamp column holds (computed in TypeScript). */
export const nowIso = () => new Date().toISOString();

/** Comma-joined values of a group: group_concat on SQLite, string_agg on PostgreSQL. */
export function groupConcat(db: AnyDb, column: RawBuilder<unknown>): RawBuilder<string> {
  return isPostgres(db)
    ? sql<string>`string_agg(${column}, ',')`
    : sql<string>`group_concat(${column})`;
}
