import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import { migrateToLatest } from '~db/migrate.server';
import { openDatabase } from '~db/connection.server';
import {
  catalogueSearchDocuments,
  readCatalogueVersion,
  refreshLapsedBadges,
} from '~/catalogue/index.server';
import { seedDemo } from '~/demo/index.server';
import { ConfigError, loadConfig } from '~/lib/config.server';
import { createLogger } from '~/lib/log.server';
import type { AppServices } from '~/services.server';
import { startSearch } from '~/search/index.server';
import { rateLimiter } from '~/accounts/index.server';
import { createHttpApp } from './http';
import { createResponseCache } from './response-cache';
import { SCAN_PATHS, scanPageHandler } from './scan-page';
import { loadStampKeyring, resumeIssueJobs, STALLED_ISSUE_MS } from '~/traceability/index.server';
import { createPaymentProviders, expireUnpaidCheckouts } from '~/payments/index.server';
import { completeDeliveredOrders } from '~/orders/index.server';
import { loadDeliveryFeeTable } from '~/orders';
import { drainEmailOutbox, createSmtpTransport } from '~/email/index.server';

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
  const { db, sqlite } = openDatabase(config.databasePath);
  const applied = await migrateToLatest(db);
  if (applied.length) log.info('migrations applied', { applied });
  const seed = await seedDemo(db, {
    demo: config.seedDemo,
    uploadsDir: config.uploadsDir,
    seedsDir: path.join(root, 'seeds'),
  });
  log.info('seed', { ...seed });

  let build: () => Promise<ServerBuild>;
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
    build = async () => serverBuild;
    const rootLinks =
      (
        serverBuild.routes.root?.module as { links?: () => Array<{ rel?: string; href?: string }> }
      ).links?.() ?? [];
    scanStylesheets = rootLinks.filter((l) => l.rel === 'stylesheet' && l.href).map((l) => l.href!);
  }

  const search = await startSearch(db, config, log, catalogueSearchDocuments);
  // Hourly housekeeping: lapsed OCOP badges leave the indexes; day-old rate-limit events are dropped.
  const badgeTimer = setInterval(() => {
    void refreshLapsedBadges(db)
      .then((n) => n && log.info('OCOP badges lapsed; products re-indexed', { count: n }))
      .catch((error) => log.error('badge refresh failed', { error: String(error) }));
    void rateLimiter(db)
      .prune(86_400_000)
      .catch((error) => log.error('rate-limit prune failed', { error: String(error) }));
  }, 3_600_000);
  badgeTimer.unref();
  await refreshLapsedBadges(db);
  const mailTimer = config.mail.smtpUrl
    ? startMailer(db, config.mail.smtpUrl, config.mail.from, log)
    : null;
  const payments = createPaymentProviders(config.payments, async (checkoutId, sessionId) => {
    await db
      .updateTable('checkouts')
      .set({ stripe_session_id: sessionId })
      .where('id', '=', checkoutId)
      .execute();
  });
  // Every minute: unpaid card and bank-transfer checkouts past their deadline give their stock back,
  // delivered orders past the return window complete, and stalled stamp issues are started again.
  const expiryTimer = setInterval(() => {
    void expireUnpaidCheckouts(db)
      .then((n) => n && log.info('unpaid checkouts expired', { count: n }))
      .catch((error) => log.error('checkout expiry failed', { error: String(error) }));
    void completeDeliveredOrders(db)
      .then(
        (n) => n && log.info('delivered orders completed after the return window', { count: n }),
      )
      .catch((error) => log.error('order completion failed', { error: String(error) }));
    // Stamp issues whose job stopped without a restart (a failed write, an instance gone) carry on.
    void resumeIssueJobs(db, { stalledForMs: STALLED_ISSUE_MS })
      .then((n) => n && log.info('stalled stamp issues resumed', { count: n }))
      .catch((error) => log.error('stamp issue resume failed', { error: String(error) }));
  }, 60_000);
  expiryTimer.unref();
  await expireUnpaidCheckouts(db);
  // Stamp issues a restart interrupted carry on at once rather than when their batch page is next opened.
  await resumeIssueJobs(db);
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
            catalogueVersion: () => readCatalogueVersion(db),
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
    if (mailTimer) clearInterval(mailTimer);
    clearInterval(badgeTimer);
    clearInterval(expiryTimer);
    await search.stop();
    await db.destroy().catch(() => {});
    if (sqlite.open) sqlite.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** Sends queued e-mail every 10 s when SMTP is configured; otherwise mail waits in the admin mailbox. */
function startMailer(
  db: AppServices['db'],
  smtpUrl: string,
  from: string,
  log: AppServices['log'],
) {
  const transport = createSmtpTransport(smtpUrl);
  const timer = setInterval(
    () =>
      void drainEmailOutbox(db, transport, { from, log }).catch((error) =>
        log.error('mail drain failed', { error: String(error) }),
      ),
    10_000,
  );
  timer.unref();
  return timer;
}

main().catch((error) => {
  process.stderr.write(
    `Chợ Phiên failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
