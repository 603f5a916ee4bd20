import path from 'node:path';
import { openDatabase } from '~db/connection.server';
import { migrateToLatest } from '~db/migrate.server';
import { seedDatabase } from '~/catalogue/seed.server';

// Usage: node --import tsx tests/helpers/build-template.ts <dir>
const dir = process.argv[2];
const { db, sqlite } = openDatabase(path.join(dir, 'template.sqlite'));
await migrateToLatest(db);
await seedDatabase(db, {
  demo: true,
  uploadsDir: path.join(dir, 'uploads'),
  seedsDir: path.resolve('seeds'),
});
sqlite.pragma('wal_checkpoint(TRUNCATE)');
await db.destroy();
