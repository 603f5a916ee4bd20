import { describeDatabaseError, openConfiguredDatabase } from '~db/connection.server';
import { migrateToLatest } from '~db/migrate.server';
import { loadConfig } from '~/lib/config.server';

// npm run db:migrate: the same migration history on SQLite (DATABASE_PATH) and PostgreSQL (DATABASE_URL).
const config = loadConfig();
const opened = openConfiguredDatabase(config.database);
try {
  const applied = await migrateToLatest(opened.db);
  console.log(
    applied.length
      ? `Applied to ${opened.description}: ${applied.join(', ')}`
      : `${opened.description} is up to date.`,
  );
} catch (error) {
  console.error(`Cannot migrate ${opened.description}: ${describeDatabaseError(error)}`);
  process.exitCode = 1;
} finally {
  await opened.close();
}
