import { catalogueSearchDocuments } from '~/catalogue/index.server';
import { createLogger } from '~/lib/log.server';
import {
  connectMeilisearch,
  type MeilisearchConnection,
  createEmbeddedSync,
  createMeilisearchIndex,
  createOutboxWorker,
  pruneProcessedOutbox,
  type OutboxWorker,
} from '~/search/index.server';
import { startJobs } from '~/jobs/index.server';
import { openForScript } from './lib/open';

// npm run worker: the background jobs in their own process (the app runs the same in-process by
// default; set JOBS=off — or SEARCH_WORKER=separate for the search outbox alone — on web instances):
// e-mail, payment expiry, the return window, badge lapses, stalled stamp issues, and search_outbox into
// the embedded index always and into Meilisearch when SEARCH_ENGINE=meilisearch, following the app's
// managed server when it restarts on another port. Any number of workers and instances may run: each
// job takes its lock first (decision 011).
const { config, db } = await openForScript();
const log = createLogger(config.logLevel);
const jobs = await startJobs(db, config, log);
const embedded = createEmbeddedSync({ db, source: catalogueSearchDocuments, log });
embedded.start();
if (config.search.engine !== 'meilisearch') {
  log.info('SEARCH_ENGINE is not meilisearch: refreshing the embedded index only');
}

let connection: MeilisearchConnection | null = null;
let worker: OutboxWorker | null = null;
let waitingLogged = false;

async function follow(): Promise<void> {
  const next = await connectMeilisearch(config, { startIfNeeded: false });
  if (next && next.url === connection?.url) return;
  await worker?.stop();
  worker = null;
  connection = null;
  if (!next) {
    if (!waitingLogged)
      log.warn(
        'no Meilisearch to sync to yet: start the app (npm start) or set MEILISEARCH_URL; waiting',
      );
    waitingLogged = true;
    return;
  }
  waitingLogged = false;
  const index = createMeilisearchIndex({ url: next.url, apiKey: next.apiKey });
  await index.ensureSettings();
  worker = createOutboxWorker({ db, index, source: catalogueSearchDocuments, log });
  worker.start();
  connection = next;
  log.info('search outbox worker syncing', { url: connection.url, server: connection.source });
}

const followMeilisearch = config.search.engine === 'meilisearch';
const followTimer = followMeilisearch
  ? setInterval(
      () => follow().catch((e) => log.warn('cannot reach Meilisearch yet', { error: String(e) })),
      10_000,
    )
  : null;
const pruneTimer = setInterval(
  () =>
    pruneProcessedOutbox(db).catch((e) => log.error('outbox prune failed', { error: String(e) })),
  3_600_000,
);
if (followMeilisearch)
  await follow().catch((e) => log.warn('cannot reach Meilisearch yet', { error: String(e) }));

async function shutdown(): Promise<void> {
  if (followTimer) clearInterval(followTimer);
  clearInterval(pruneTimer);
  await jobs.stop();
  await worker?.stop();
  await embedded.stop();
  await db.destroy();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
