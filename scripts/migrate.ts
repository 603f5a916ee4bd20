import { openDatabase } from '~db/connection.server';
import { migrateToLatest } from '~db/migrate.server';
import { loadConfig } from '~/lib/config.server';

const config = loadConfig();
const { db } = openDatabase(config.databasePath);
const applied = await migrateToLatest(db);
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
await db.destroy();
