import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type RequestHandler } from 'express';
import { sql } from 'kysely';
import { MAX_REQUEST_BODY_BYTES as MAX_BODY_BYTES } from '~/lib/forms.server';
import type { AppServices } from '~/services.server';
import { securityHeaders } from './csp';
import { isCrossSiteRequest, isSignedWebhook } from './csrf';

const YEAR = 60 * 60 * 24 * 365;

export function createHttpApp(options: {
  services: AppServices;
  rootDir: string;
  remixHandler: RequestHandler;
  /** The stamp scan pages rendered outside Remix (production only; see server/scan-page.tsx). */
  scanPage?: { paths: string[]; handler: RequestHandler };
  /** The anonymous-GET response cache in front of Remix (server/response-cache.ts). */
  responseCache?: RequestHandler;
  viteMiddleware?: RequestHandler;
}) {
  const { services, rootDir } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(compression());

  app.use((req, res, next) => {
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    // The socket address, for per-network rate limits; never trusted from the client.
    req.headers['x-client-ip'] = req.ip ?? req.socket.remoteAddress ?? '';
    next();
  });

  // CSP nonce (res.locals.cspNonce), HSTS and the other security headers: before anything answers.
  app.use(
    securityHeaders({
      publicUrl: services.config.publicUrl,
      dev: options.viteMiddleware !== undefined,
    }),
  );

  // CSRF: a state-changing request must come from our own pages. Signed webhooks are exempt, judged on
  // the path as Remix will route it (`/webhooks/%2e%2e/gio-hang` is the cart, not a webhook).
  app.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || isSignedWebhook(req.url)) return next();
    if (isCrossSiteRequest(req.headers)) {
      res
        .status(403)
        .type('text/plain; charset=utf-8')
        .send(
          'Yêu cầu bị từ chối: biểu mẫu được gửi từ trang web khác.\nRequest refused: the form was sent from another site.',
        );
      return;
    }
    next();
  });

  // Refuse bodies over the upload limit without keeping them: read and drop the bytes (so the browser
  // sees the answer instead of a reset connection), giving up on anything absurdly large.
  app.use((req, res, next) => {
    if (Number(req.headers['content-length'] ?? 0) <= MAX_BODY_BYTES) return next();
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > 5 * MAX_BODY_BYTES) req.destroy();
    });
    req.on('end', () => {
      res
        .status(413)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Tệp quá lớn</title><h1>Tệp quá lớn: tối đa 10 MB.</h1><p>The file is too large: 10 MB at most.</p><p><a href="javascript:history.back()">Quay lại / Back</a></p>',
        );
    });
  });

  app.get('/healthz', async (_req, res) => {
    let database: { ok: boolean; detail?: string };
    try {
      await sql`select 1`.execute(services.db);
      database = { ok: true };
    } catch (error) {
      database = { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
    const search = await services.search.health();
    const sync = await services.searchSyncStatus().catch(() => null);
    const status = !database.ok ? 'down' : search.degraded ? 'degraded' : 'ok';
    res
      .status(database.ok ? 200 : 503)
      .setHeader('Cache-Control', 'no-store')
      .json({ status, database, search: { ...search, sync } });
  });

  app.use(
    '/uploads',
    express.static(services.config.uploadsDir, {
      immutable: true,
      maxAge: YEAR * 1000,
      index: false,
      fallthrough: false,
    }),
  );

  if (options.viteMiddleware) {
    app.use(options.viteMiddleware);
  } else {
    // Vite fingerprints everything under /assets, so it can be cached for a year.
    app.use(
      '/assets',
      express.static(path.join(rootDir, 'build/client/assets'), {
        immutable: true,
        maxAge: YEAR * 1000,
        index: false,
      }),
    );
    // The other public files (favicon…) are known at start: only their paths reach the file system,
    // instead of a stat() for every page request.
    const clientDir = path.join(rootDir, 'build/client');
    const publicFiles = new Set(
      fs
        .readdirSync(clientDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => `/${path.relative(clientDir, path.join(entry.parentPath, entry.name))}`)
        .filter((file) => !file.startsWith('/assets/')),
    );
    const serveClient = express.static(clientDir, { maxAge: '1h', index: false });
    app.use((req, res, next) => (publicFiles.has(req.path) ? serveClient(req, res, next) : next()));
  }

  if (options.scanPage) app.get(options.scanPage.paths, options.scanPage.handler);
  if (options.responseCache) app.use(options.responseCache);
  app.all('*', options.remixHandler);
  return app;
}
