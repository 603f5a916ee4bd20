import { sql, type Kysely } from 'kysely';
import { isPostgres, replaceColumnCheck } from '../dialect';

/**
 * "Request changes", the officer's third decision besides approve and reject: organizations, listings and
 * OCOP claims gain the state `changes_requested` (back with the cooperative, with the officer's note in the
 * existing rejection_reason / review_note column, not public, resubmittable).
 *
 * SQLite cannot alter a CHECK constraint, so each table is rebuilt the documented way
 * (sqlite.org/lang_altertable.html#otheralter): foreign keys off, new table from the stored definition
 * with only the CHECK widened, copy, drop, rename, indexes back, foreign_key_check, all in one transaction.
 */
const WIDENED = [
  {
    table: 'organizations',
    column: 'verification_state',
    before: "verification_state in ('pending', 'approved', 'rejected')",
    after: "verification_state in ('pending', 'approved', 'rejected', 'changes_requested')",
  },
  {
    table: 'products',
    column: 'status',
    before: "status in ('draft', 'submitted', 'published', 'rejected', 'archived')",
    after:
      "status in ('draft', 'submitted', 'published', 'rejected', 'archived', 'changes_requested')",
  },
  {
    table: 'ocop_certificates',
    column: 'review_state',
    before: "review_state in ('pending', 'approved', 'rejected')",
    after: "review_state in ('pending', 'approved', 'rejected', 'changes_requested')",
  },
];

async function rebuildWithCheck(
  db: Kysely<any>,
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
    throw new Error(`0006_moderation: ${table} does not have the expected check (${from})`);
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
  const staging = `${table}__0006`;
  const header = `CREATE TABLE "${table}" (`;
  if (!definition.startsWith(header))
    throw new Error(`0006_moderation: unexpected definition of ${table}`);
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

async function rebuildAll(
  db: Kysely<any>,
  steps: Array<{ table: string; from: string; to: string }>,
  before?: () => Promise<void>,
) {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      if (before) await before();
      for (const step of steps) await rebuildWithCheck(db, step.table, step.from, step.to);
      const broken = (await sql`pragma foreign_key_check`.execute(db)).rows;
      if (broken.length)
        throw new Error(
          `0006_moderation: foreign key check failed: ${JSON.stringify(broken.slice(0, 5))}`,
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

export async function up(db: Kysely<any>): Promise<void> {
  // PostgreSQL alters a CHECK in place (in the migration's transaction).
  if (isPostgres(db)) {
    for (const w of WIDENED) await replaceColumnCheck(db, w.table, w.column, w.after);
    return;
  }
  await rebuildAll(
    db,
    WIDENED.map((w) => ({ table: w.table, from: w.before, to: w.after })),
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await narrowBack(db);
    for (const w of WIDENED) await replaceColumnCheck(db, w.table, w.column, w.before);
    return;
  }
  await rebuildAll(
    db,
    WIDENED.map((w) => ({ table: w.table, from: w.after, to: w.before })),
    () => narrowBack(db),
  );
}

/** Back to the nearest older state: the item stays with the cooperative, the note stays readable. */
async function narrowBack(db: Kysely<any>): Promise<void> {
  await sql`update organizations set verification_state = 'rejected' where verification_state = 'changes_requested'`.execute(
    db,
  );
  await sql`update products set status = 'rejected' where status = 'changes_requested'`.execute(db);
  await sql`update ocop_certificates set review_state = 'rejected' where review_state = 'changes_requested'`.execute(
    db,
  );
}
