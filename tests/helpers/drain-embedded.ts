import { openConfiguredDatabase } from '~db/connection.server';
import { catalogueSearchDocuments } from '~/catalogue/search-documents.server';
import { createLogger } from '~/lib/log.server';
import { createEmbeddedSync } from '~/search/sqlite/embedded-sync.server';

// Usage: node --import tsx tests/helpers/drain-embedded.ts <database file or postgres:// URL> <batch size>
// A second process draining the embedded index, as `npm run worker` would next to the app.
const [target, batch] = process.argv.slice(2);
if (!target) throw new Error('usage: drain-embedded.ts <database> <batch size>');
const isUrl = /^postgres(ql)?:\/\//.test(target);
const opened = openConfiguredDatabase({
  path: isUrl ? '' : target,
  url: isUrl ? target : null,
  poolSize: 2,
  statementTimeoutMs: 60_000,
});
const applied = await createEmbeddedSync({
  db: opened.db,
  source: catalogueSearchDocuments,
  log: createLogger('error'),
  batchSize: Number(batch ?? 5),
}).drain();
process.stdout.write(String(applied));
await opened.close();
