import { openDatabase } from '~db/connection.server';
import { catalogueSearchDocuments } from '~/catalogue/search-documents.server';
import { createLogger } from '~/lib/log.server';
import { createEmbeddedSync } from '~/search/sqlite/embedded-sync.server';

// Usage: node --import tsx tests/helpers/drain-embedded.ts <database> <batch size>
// A second process draining the embedded index, as `npm run worker` would next to the app.
const [databasePath, batch] = process.argv.slice(2);
if (!databasePath) throw new Error('usage: drain-embedded.ts <database> <batch size>');
const { db } = openDatabase(databasePath);
const applied = await createEmbeddedSync({
  db,
  source: catalogueSearchDocuments,
  log: createLogger('error'),
  batchSize: Number(batch ?? 5),
}).drain();
process.stdout.write(String(applied));
await db.destroy();
