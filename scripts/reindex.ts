import { catalogueSearchDocuments } from '~/catalogue/index.server';
import {
  connectMeilisearch,
  createMeilisearchIndex,
  rebuildMeilisearchIndex,
} from '~/search/index.server';
import { openForScript } from './lib/open';

// npm run reindex: rebuilds the Meilisearch index from the database into a new index and swaps it in.
// Uses MEILISEARCH_URL, else the running app's managed server, else starts one for the duration.
const { config, db } = await openForScript();
const connection = await connectMeilisearch(config, { startIfNeeded: true });
try {
  const index = createMeilisearchIndex({ url: connection!.url, apiKey: connection!.apiKey });
  const started = Date.now();
  const result = await rebuildMeilisearchIndex(db, index, catalogueSearchDocuments);
  console.log(
    JSON.stringify({
      msg: 'reindex done',
      server: connection!.source,
      ...result,
      ms: Date.now() - started,
    }),
  );
} catch (error) {
  console.error(`Reindex failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await connection?.stop();
  await db.destroy();
}
