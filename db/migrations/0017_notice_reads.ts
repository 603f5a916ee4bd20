import type { Kysely } from 'kysely';

/**
 * Read and unread notices (issue 17 leftovers): one row per user, the highest notice id that user has
 * read. Notice ids only grow (both engines' autoIncrement), so "unread" is every notice of the user's
 * organizations above it, and "mark all read" is one upsert. Portable Kysely: nothing differs between
 * SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notice_reads')
    .addColumn('user_id', 'integer', (c) =>
      c.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('last_read_id', 'integer', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notice_reads').execute();
}
