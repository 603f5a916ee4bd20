import { sql, type Kysely } from 'kysely';
import { appendOnly } from '../dialect';

// Traceability: batches (lots) of a product, their append-only journey events with photos, stamps issued
// and revoked as serial ranges (never one row per stamp), scans (network prefix only) and buyer reports.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('batches')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('lot_code', 'text', (c) => c.notNull())
    // The product's GTIN (14 digits) when the batch was created: stamps sign it, so a later GTIN edit cannot break them.
    .addColumn('gtin', 'text')
    .addColumn('produced_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('quantity_unit', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text', (c) => c.notNull().references('communes.code'))
    .addColumn('latitude', 'real', (c) =>
      c.check(sql`latitude is null or latitude between -90 and 90`),
    )
    .addColumn('longitude', 'real', (c) =>
      c.check(sql`longitude is null or longitude between -180 and 180`),
    )
    .addColumn('area_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('batches_gps_pair', sql`(latitude is null) = (longitude is null)`)
    .addCheckConstraint('batches_dates', sql`expires_on is null or expires_on >= produced_on`)
    .execute();
  // A lot code is unique per product; the GS1 scan route resolves (GTIN → product, lot) through it.
  await db.schema
    .createIndex('batches_product_lot')
    .on('batches')
    .columns(['product_id', 'lot_code'])
    .unique()
    .execute();
  await sql`create unique index batches_gtin_lot on batches (gtin, lot_code) where gtin is not null`.execute(
    db,
  );
  await db.schema
    .createIndex('batches_organization')
    .on('batches')
    .columns(['organization_id', 'id'])
    .execute();

  const eventKinds = `'planting', 'care', 'harvest', 'processing', 'packaging', 'inspection', 'shipping', 'correction'`;
  await db.schema
    .createTable('batch_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('batches.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in (${eventKinds})`)))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text', (c) => c.references('communes.code'))
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    /** JSON object of kind-specific fields (care: input, dose, PHI days; processing: input batch ids; inspection: result, document). */
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('corrects_event_id', 'integer', (c) => c.references('batch_events.id'))
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    // A correction restates an earlier event of the same batch (checked in the domain) and only a correction points at one.
    .addCheckConstraint(
      'batch_events_correction',
      sql`(kind = 'correction') = (corrects_event_id is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('batch_events_batch')
    .on('batch_events')
    .columns(['batch_id', 'occurred_at', 'id'])
    .execute();
  await db.schema
    .createIndex('batch_events_corrects')
    .on('batch_events')
    .column('corrects_event_id')
    .execute();
  // Append-only: the journey is evidence; a correction is a new event pointing at the corrected one.
  await appendOnly(db, 'batch_events', ['update', 'delete']);

  // Photos go through the same image pipeline as product photos (checked, stripped, WebP variants).
  await db.schema
    .createTable('batch_event_photos')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('event_id', 'integer', (c) => c.notNull().references('batch_events.id'))
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('batch_event_photos_event')
    .on('batch_event_photos')
    .columns(['event_id', 'position'])
    .execute();
  await appendOnly(db, 'batch_event_photos', ['update', 'delete']);

  // One row per issue request: a contiguous serial range (start, count), worked on in the background.
  await db.schema
    .createTable('stamp_issues')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('batches.id'))
    .addColumn('serial_start', 'integer', (c) => c.notNull().check(sql`serial_start >= 1`))
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count between 1 and 1000000`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'done', 'failed')`),
    )
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('stamp_issues_batch')
    .on('stamp_issues')
    .columns(['batch_id', 'serial_start'])
    .unique()
    .execute();
  await db.schema.createIndex('stamp_issues_status').on('stamp_issues').column('status').execute();

  await db.schema
    .createTable('stamp_revocations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('batches.id'))
    .addColumn('serial_start', 'integer', (c) => c.notNull().check(sql`serial_start >= 1`))
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 1`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('revoked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stamp_revocations_batch')
    .on('stamp_revocations')
    .columns(['batch_id', 'serial_start'])
    .execute();

  // Scans: which stamp, when, from which network prefix (IPv4 /24, IPv6 /48; never the full address), verdict.
  await db.schema
    .createTable('stamp_scans')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('batches.id'))
    .addColumn('serial', 'integer', (c) => c.notNull())
    .addColumn('scanned_at', 'text', (c) => c.notNull())
    .addColumn('network_prefix', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) =>
      c
        .notNull()
        .check(sql`verdict in ('genuine', 'possibly_copied', 'revoked', 'expired', 'not_genuine')`),
    )
    .execute();
  // The scan page's copy detection reads one stamp's scans in a time window.
  // Covering for the scan page's queries (counts, first scan, networks in the copy window).
  await db.schema
    .createIndex('stamp_scans_stamp')
    .on('stamp_scans')
    .columns(['batch_id', 'serial', 'scanned_at', 'network_prefix'])
    .execute();
  await db.schema
    .createIndex('stamp_scans_verdict')
    .on('stamp_scans')
    .columns(['verdict', 'scanned_at'])
    .execute();

  await db.schema
    .createTable('stamp_reports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('batches.id'))
    .addColumn('serial', 'integer')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'closed')`),
    )
    .execute();
  await db.schema
    .createIndex('stamp_reports_batch')
    .on('stamp_reports')
    .columns(['batch_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('stamp_reports_created')
    .on('stamp_reports')
    .column('created_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'stamp_reports',
    'stamp_scans',
    'stamp_revocations',
    'stamp_issues',
    'batch_event_photos',
    'batch_events',
    'batches',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
