import { sql, type Kysely } from 'kysely';
import { isPostgres, replaceColumnCheck } from '../dialect';

/**
 * Community digital technology teams (issue 17, decision 017): a third membership role `helper`, for
 * members and invitations. PostgreSQL alters the CHECK in place; SQLite rebuilds both tables the way
 * 0006_moderation does (new table from the stored definition with only the CHECK widened, copy, drop,
 * rename, indexes back, foreign_key_check, in one transaction with foreign keys off).
 */
const TABLES = ['organization_members', 'organization_invitations'];
const NARROW = "role in ('owner', 'staff')";
const WIDE = "role in ('owner', 'staff', 'helper')";

async function rebuild(db: Kysely<any>, table: string, from: string, to: string): Promise<void> {
  const definition = (
    await sql<{
      sql: string;
    }>`select sql from sqlite_schema where type = 'table' and name = ${table}`.execute(db)
  ).rows[0]?.sql;
  const header = `CREATE TABLE "${table}" (`;
  if (!definition?.includes(from) || !definition.startsWith(header))
    throw new Error(`0016_community_helpers: ${table} does not have the expected check (${from})`);
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
  const staging = `${table}__0016`;
  await sql
    .raw(`CREATE TABLE "${staging}" (${definition.slice(header.length)}`.replace(from, to))
    .execute(db);
  await sql.raw(`insert into "${staging}" select * from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${staging}" rename to "${table}"`).execute(db);
  for (const index of indexes) await sql.raw(index.sql).execute(db);
  if (sequence !== undefined)
    await sql`update sqlite_sequence set seq = max(seq, ${sequence}) where name = ${table}`.execute(
      db,
    );
}

async function rebuildAll(db: Kysely<any>, from: string, to: string): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      for (const table of TABLES) await rebuild(db, table, from, to);
      const broken = (await sql`pragma foreign_key_check`.execute(db)).rows;
      if (broken.length)
        throw new Error(`0016_community_helpers: foreign key check failed (${broken.length})`);
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of TABLES) await replaceColumnCheck(db, table, 'role', WIDE);
    return;
  }
  await rebuildAll(db, NARROW, WIDE);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Helpers have no narrower role to fall back to: they lose their access.
  for (const table of TABLES) await db.deleteFrom(table).where('role', '=', 'helper').execute();
  if (isPostgres(db)) {
    for (const table of TABLES) await replaceColumnCheck(db, table, 'role', NARROW);
    return;
  }
  await rebuildAll(db, WIDE, NARROW);
}
