import { sql, type Kysely } from 'kysely';
import { isPostgres, rebuildSqliteChecks, replaceColumnCheck } from '../dialect';

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

export async function up(db: Kysely<any>): Promise<void> {
  // PostgreSQL alters a CHECK in place (in the migration's transaction).
  if (isPostgres(db)) {
    for (const w of WIDENED) await replaceColumnCheck(db, w.table, w.column, w.after);
    return;
  }
  await rebuildSqliteChecks(
    db,
    '0006_moderation',
    WIDENED.map((w) => ({ table: w.table, from: w.before, to: w.after })),
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await narrowBack(db);
    for (const w of WIDENED) await replaceColumnCheck(db, w.table, w.column, w.before);
    return;
  }
  await rebuildSqliteChecks(
    db,
    '0006_moderation',
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
