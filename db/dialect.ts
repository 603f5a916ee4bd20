import { sql, type Kysely, type RawBuilder } from 'kysely';
import { isPostgresAdapter, lockDatabaseFor } from './postgres.server';

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

/**
 * Runs `work` only in the one instance that holds the named job lock right now, and returns null
 * elsewhere. On PostgreSQL the lock is a transaction-scoped advisory lock held by a transaction kept
 * open while `work` runs (on a separate small pool, so `work`'s own connections are never short): it is released when the work ends, or when the
 * instance dies and its connection goes, so an abandoned batch is taken up by the next tick of any
 * instance. On SQLite (one file, one machine) `work` just runs: the database serialises writers.
 * `work` must still mark what it did in the same rows (sent_at, processed_at…): the lock keeps two
 * instances from doing the same batch at the same time, the marks keep a batch from being done twice.
 */
export async function withJobLock<T>(
  db: AnyDb,
  name: string,
  work: () => Promise<T>,
): Promise<T | null> {
  if (!isPostgres(db)) return work();
  return (lockDatabaseFor(db) ?? db).transaction().execute(async (trx) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_xact_lock(hashtext(${name})) as locked`.execute(trx);
    if (!rows[0]?.locked) return null;
    return work();
  });
}

/**
 * On PostgreSQL, lock the selected rows and skip rows another instance has locked (a claim that never
 * waits); SQLite has no row locks (nor FOR UPDATE) and serialises writers instead.
 */
export function skipLocked<QB extends { forUpdate(): QB; skipLocked(): QB }>(db: AnyDb) {
  return (qb: QB): QB => (isPostgres(db) ? qb.forUpdate().skipLocked() : qb);
}

async function rebuildWithCheck(
  db: AnyDb,
  label: string,
  table: string,
  from: string,
  to: string,
): Promise<void> {
  const definition = (
    await sql<{
      sql: string;
    }>`select sql from sqlite_schema where type = 'table' and name = ${table}`.execute(db)
  ).rows[0]?.sql;
  if (!definition?.includes(from))
    throw new Error(`${label}: ${table} does not have the expected check (${from})`);
  const indexes = (
    await sql<{
      sql: string;
    }>`select sql from sqlite_schema where type in ('index', 'trigger') and tbl_name = ${table} and sql is not null`.execute(
      db,
    )
  ).rows;
  const sequence = (
    await sql<{ seq: number }>`select seq from sqlite_sequence where name = ${table}`.execute(db)
  ).rows[0]?.seq;
  const staging = `${table}__rebuild`;
  const header = `CREATE TABLE "${table}" (`;
  if (!definition.startsWith(header))
    throw new Error(`${label}: unexpected definition of ${table}`);
  await sql
    .raw(`CREATE TABLE "${staging}" (${definition.slice(header.length)}`.replace(from, to))
    .execute(db);
  await sql.raw(`insert into "${staging}" select * from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${staging}" rename to "${table}"`).execute(db);
  for (const index of indexes) await sql.raw(index.sql).execute(db);
  // Keep AUTOINCREMENT's memory of the highest id ever used, so deleted ids are never handed out again.
  if (sequence !== undefined)
    await sql`update sqlite_sequence set seq = max(seq, ${sequence}) where name = ${table}`.execute(
      db,
    );
}

/**
 * SQLite cannot alter a CHECK: each table is rebuilt from its stored definition with only the CHECK
 * text `from` replaced by `to` (copy, drop, rename, indexes and triggers back, AUTOINCREMENT's sequence
 * kept), all in one transaction with foreign keys off and a foreign_key_check before commit. `before`
 * runs first inside that transaction (e.g. to move rows out of a value being narrowed away). `label`
 * names the migration in errors. PostgreSQL uses replaceColumnCheck instead.
 */
export async function rebuildSqliteChecks(
  db: AnyDb,
  label: string,
  steps: Array<{ table: string; from: string; to: string }>,
  before?: () => Promise<void>,
) {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      if (before) await before();
      for (const step of steps) await rebuildWithCheck(db, label, step.table, step.from, step.to);
      const broken = (await sql`pragma foreign_key_check`.execute(db)).rows;
      if (broken.length)
        throw new Error(
          `${label}: foreign key check failed: ${JSON.stringify(broken.slice(0, 5))}`,
        );
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
