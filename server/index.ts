import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import { migrateToLatest } from '~db/migrate.server';
import { describeDatabaseError, openConfiguredDatabase } from '~db/connection.server';
import { catalogueSearchDocuments, readCatalogueVersion } from '~/catalogue/index.server';
import { seedDemo } from '~/demo/index.server';
import { ConfigError, loadConfig } from '~/lib/config.server';
import { createLogger } from '~/lib/log.server';
import type { AppServices } from '~/services.server';
import { startSearch } from '~/search/index.server';
import { createHttpApp } from './http';
import { createResponseCache } from './response-cache';
import { startJobs } from '~/jobs/index.server';
import { SCAN_PATHS, scanPageHandler } from './scan-page';
import { loadStampKeyring } from '~/traceability/index.server';
import { createPaymentProviders } from '~/payments/index.server';
import { loadDeliveryFeeTable } from '~/orders';

// server/index.ts in development, build/app-server/index.js (server/bundle.ts) in production.
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, path.basename(path.dirname(here)) === 'build' ? '../..' : '..');
const isDev = process.argv.includes('--dev');

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const opened = openConfiguredDatabase(config.database);
  const { db } = opened;
  try {
    const applied = await migrateToLatest(db);
    if (applied.length) log.info('migrations applied', { applied });
  } catch (error) {
    process.stderr.write(
      `Chợ Phiên cannot open its database ${opened.description}: ${describeDatabaseError(error)}\n`,
    );
    await opened.close();
    process.exit(1);
  }
  const seed = await seedDemo(db, {
    demo: config.seedDemo,
    uploadsDir: config.uploadsDir,
    seedsDir: path.join(root, 'seeds'),
  });
  log.info('seed', { ...seed });

  // A function (dev) makes Remix derive its routes and static handler again on every request; the
  // production build is passed as the object, so that happens once (and route matching memoizes).
  let build: ServerBuild | (() => Promise<ServerBuild>);
  let scanStylesheets: string[] | null = null;
  let viteMiddleware;
  if (isDev) {
    const vite = await import('vite').then((v) =>
      v.createServer({ root, server: { middlewareMode: true } }),
    );
    viteMiddleware = vite.middlewares;
    build = () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
  } else {
    const serverBuild = (await import(path.join(root, 'build/server/index.js'))) as ServerBuild;
    build = serverBuild;
    // Remix pages inline the stylesheets; the scan pages link the built files (root.tsx's handle).
    const rootHandle = serverBuild.routes.root?.module.handle as
      { stylesheets?: string[] } | undefined;
    scanStylesheets = rootHandle?.stylesheets ?? [];
  }

  const search = await startSearch(db, config, log, catalogueSearchDocuments);
  const jobs = config.jobs ? await startJobs(db, config, log) : null;
  if (!jobs) log.info('JOBS=off: background jobs run in `npm run worker`');
  const payments = createPaymentProviders(config.payments, async (checkoutId, sessionId) => {
    await db
      .updateTable('checkouts')
      .set({ stripe_session_id: sessionId })
      .where('id', '=', checkoutId)
      .execute();
  });
  const services: AppServices = {
    config,
    db,
    search: search.service,
    searchSyncStatus: () => search.syncStatus(),
    log,
    stampKeyring: loadStampKeyring(config),
    payments,
    deliveryFees: loadDeliveryFeeTable(config.payments.deliveryFeesJson),
  };

  const cacheMegabytes = Number(process.env.RESPONSE_CACHE_MB ?? 32);
  const app = createHttpApp({
    services,
    rootDir: root,
    viteMiddleware,
    remixHandler: createRequestHandler({
      build,
      mode: config.env === 'production' ? 'production' : 'development',
      getLoadContext: (req, res) => ({
        services,
        requestId: String(res.locals.requestId),
        cspNonce: String(res.locals.cspNonce ?? ''),
      }),
    }),
    scanPage: scanStylesheets
      ? { paths: SCAN_PATHS, handler: scanPageHandler(services, scanStylesheets) }
      : undefined,
    // Production only (a dev build changes under it). RESPONSE_CACHE_MB=0 turns it off; 32 MB by default.
    responseCache:
      isDev || cacheMegabytes <= 0
        ? undefined
        : createResponseCache({
            // Pages also show which search engine answered (the degraded notice, X-Search-Engine).
            catalogueVersion: async () =>
              `${await readCatalogueVersion(db)}:${search.service.activeEngine()}`,
            maxBytes: cacheMegabytes * 1024 * 1024,
          }).middleware,
  });
  const server = app.listen(config.port, config.host, () => {
    log.info('Chợ Phiên is listening', {
      url: `http://localhost:${config.port}`,
      search: search.service.activeEngine(),
    });
  });

  server.on('error', async (error) => {
    log.error('cannot listen', { port: config.port, error: error.message });
    await search.stop();
    process.exit(1);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    server.close();
    server.closeAllConnections();
    await jobs?.stop();
    await search.stop();
    await opened.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(
    `Chợ Phiên failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
