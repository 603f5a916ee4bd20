import path from 'node:path';
import { openConfiguredDatabase } from '~db/connection.server';
import { migrateToLatest } from '~db/migrate.server';
import { seedDemo } from '~/demo/index.server';
import { refreshEmbeddedSearch } from './search';

// Usage: node --import tsx tests/helpers/build-template.ts <dir>
// Builds <dir>/template.sqlite, or the PostgreSQL database at DATABASE_URL when it is set.
const dir = process.argv[2];
if (!dir) throw new Error('usage: build-template.ts <dir>');
const opened = openConfiguredDatabase({
  path: path.join(dir, 'template.sqlite'),
  url: process.env.DATABASE_URL ?? null,
  poolSize: 2,
  statementTimeoutMs: 120_000,
});
const { db } = opened;
await migrateToLatest(db);
await seedDemo(db, {
  demo: true,
  uploadsDir: path.join(dir, 'uploads'),
  seedsDir: path.resolve('seeds'),
  // Tests count orders, stock and ledgers from a known start; demo-orders.test.ts seeds them itself.
  orders: false,
});
// The trade office tests import their own register (tests/fixtures/register) and count from it, so the
// template starts with none; tests/integration/demo-register.test.ts seeds the demo register itself.
await db.deleteFrom('ocop_register_entries').execute();
// Tests query the embedded index of the template at once, as the app would after its first drain.
await refreshEmbeddedSearch(db);
opened.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
await opened.close();
