import type { Kysely } from 'kysely';
import { isPostgres, rebuildSqliteChecks, replaceColumnCheck } from '../dialect';

/**
 * Community digital technology teams (issue 17, decision 017): a third membership role `helper`, for
 * members and invitations. PostgreSQL alters the CHECK in place; SQLite rebuilds both tables the way
 * 0006_moderation does (new table from the stored definition with only the CHECK widened, copy, drop,
 * rename, indexes back, foreign_key_check, in one transaction with foreign keys off).
 */
const TABLES = ['organization_members', 'organization_invitations'];
const NARROW = "role in ('owner', 'staff')";
const WIDE = "role in ('owner', 'staff', 'helper')";

const rebuildAll = (db: Kysely<any>, from: string, to: string) =>
  rebuildSqliteChecks(
    db,
    '0016_community_helpers',
    TABLES.map((table) => ({ table, from, to })),
  );

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
