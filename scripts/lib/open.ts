import {
  describeDatabaseError,
  openConfiguredDatabase,
  type ConfiguredDatabase,
} from '~db/connection.server';
import { migrateToLatest } from '~db/migrate.server';
import { ConfigError, loadConfig, type Config } from '~/lib/config.server';

/**
 * Config + a migrated database (SQLite, or PostgreSQL when DATABASE_URL is set) for command-line
 * scripts; exits with the config or connection problem if any.
 */
export async function openForScript(): Promise<{ config: Config } & ConfiguredDatabase> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const opened = openConfiguredDatabase(config.database);
  try {
    await migrateToLatest(opened.db);
  } catch (error) {
    console.error(`Cannot open ${opened.description}: ${describeDatabaseError(error)}`);
    await opened.close();
    process.exit(1);
  }
  return { config, ...opened };
}
