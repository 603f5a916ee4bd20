import { openDatabase } from '~db/connection.server';
import { migrateToLatest } from '~db/migrate.server';
import { ConfigError, loadConfig, type Config } from '~/lib/config.server';

/** Config + a migrated database for command-line scripts; exits with the config problems if any. */
export async function openForScript(): Promise<
  { config: Config } & ReturnType<typeof openDatabase>
> {
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
  const opened = openDatabase(config.databasePath);
  await migrateToLatest(opened.db);
  return { config, ...opened };
}
