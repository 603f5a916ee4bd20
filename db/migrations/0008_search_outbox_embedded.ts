import { sql, type Kysely } from 'kysely';

/**
 * Each search_outbox row now has two targets: the embedded SQLite index (`embedded_at`) and Meilisearch
 * (`processed_at`). Both are refreshed by the outbox drain, independently, so an order no longer rewrites
 * index rows inside its own transaction and the embedded index stays right while Meilisearch is down.
 * Rows written before this migration were already applied to the embedded index synchronously.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('search_outbox').addColumn('embedded_at', 'text').execute();
  await sql`update search_outbox set embedded_at = created_at`.execute(db);
  await db.schema
    .createIndex('search_outbox_embedded_pending')
    .on('search_outbox')
    .columns(['embedded_at', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('search_outbox_embedded_pending').execute();
  await db.schema.alterTable('search_outbox').dropColumn('embedded_at').execute();
}
