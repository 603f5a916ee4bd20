import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/*
 * A response cache for anonymous GETs (decision 015). A response is stored only when the route marked it
 * public (Cache-Control: public, from publicCacheHeaders), its status is 200 and it sets no cookie; it is
 * looked up only for requests that carry no cookie but the language one, so nothing of a session or a
 * cart can be stored or served. The key holds the host, the URL, the language (cookie and
 * Accept-Language) and the catalogue version the database holds (migration 0014): any catalogue write,
 * by any instance, changes the version, so the next request renders afresh. Memory is bounded (LRU by
 * bytes). ETag + If-None-Match give 304s.
 *
 * Script nonces (Content-Security-Policy): whatever runs before this middleware may put the response's
 * nonce in res.locals.cspNonce. A stored body has every occurrence of the nonce it was rendered with
 * replaced by NONCE_PLACEHOLDER, and a served body gets the current response's nonce, so no two
 * responses share a nonce. A 304 drops the Content-Security-Policy header: the browser keeps the stored
 * body, whose nonce belongs to the policy it stored with it.
 */

/** Cannot occur in our HTML or JSON (entry.server.tsx drops NUL bytes). */
export const NONCE_PLACEHOLDER = '\u0000csp-nonce\u0000';
const LANG_COOKIE_ONLY = /^\s*(?:lang=(?:vi|en)\s*)?$/;
const SKIPPED_HEADERS = new Set([
  'set-cookie',
  'date',
  'x-request-id',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'etag',
  'content-security-policy',
  // compression adds it on the way out; a stored body is never compressed.
  'content-encoding',
  'x-cache',
]);

interface Entry {
  headers: Array<[string, string | string[]]>;
  body: Buffer;
  /** body holds NONCE_PLACEHOLDER. */
  hasNonce: boolean;
  etag: string;
}

export interface ResponseCacheOptions {
  /**
   * What every stored page depends on: the catalogue version the database holds (readCatalogueVersion)
   * and anything else a page shows, such as the search engine answering (a degraded-search notice).
   */
  catalogueVersion: () => Promise<number | string>;
  maxBytes?: number;
  maxEntryBytes?: number;
}

export function createResponseCache(options: ResponseCacheOptions) {
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  const maxEntryBytes = options.maxEntryBytes ?? 1024 * 1024;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let version: number | string = -1;

  const evict = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.body.length;
  };
  const store = (key: string, entry: Entry) => {
    evict(key);
    entries.set(key, entry);
    bytes += entry.body.length;
    while (bytes > maxBytes) evict(entries.keys().next().value!);
  };

  const middleware = async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || !LANG_COOKIE_ONLY.test(req.headers.cookie ?? '')) return next();
    let current: number | string;
    try {
      current = await options.catalogueVersion();
    } catch (error) {
      return next(error);
    }
    if (current !== version) {
      // Every stored page belongs to an older catalogue: none can be served again.
      entries.clear();
      bytes = 0;
      version = current;
    }
    const english = /(?:^|;\s*)lang=en/.test(req.headers.cookie ?? '');
    const acceptsEnglish = (req.headers['accept-language'] ?? '').toLowerCase().startsWith('en');
    const key = `${req.headers.host ?? ''}\n${req.originalUrl}\n${english}\n${acceptsEnglish}`;
    const nonce = typeof res.locals.cspNonce === 'string' ? res.locals.cspNonce : null;
    const hit = entries.get(key);
    if (hit && (!hit.hasNonce || nonce)) {
      entries.delete(key);
      entries.set(key, hit);
      for (const [name, value] of hit.headers) res.setHeader(name, value);
      res.setHeader('ETag', hit.etag);
      res.setHeader('X-Cache', 'hit');
      if (req.headers['if-none-match'] === hit.etag) {
        res.removeHeader('Content-Security-Policy');
        res.status(304).end();
        return;
      }
      const body =
        hit.hasNonce && nonce
          ? Buffer.from(hit.body.toString('utf8').replaceAll(NONCE_PLACEHOLDER, nonce))
          : hit.body;
      res.status(200).end(body);
      return;
    }
    res.setHeader('X-Cache', 'miss');
    capture(res, maxEntryBytes, (body) => {
      const cacheControl = String(res.getHeader('cache-control') ?? '');
      if (res.statusCode !== 200 || !/\bpublic\b/.test(cacheControl) || res.hasHeader('set-cookie'))
        return;
      if (version !== current) return;
      const text = nonce ? body.toString('utf8') : null;
      const hasNonce = text !== null && text.includes(nonce!);
      const stored = hasNonce ? Buffer.from(text.replaceAll(nonce!, NONCE_PLACEHOLDER)) : body;
      const headers = Object.entries(res.getHeaders())
        .filter(([name]) => !SKIPPED_HEADERS.has(name))
        .map(([name, value]) => [
          name,
          Array.isArray(value) ? value : String(value),
        ]) as Entry['headers'];
      const etag = `W/"${current}-${createHash('sha1').update(stored).digest('base64url').slice(0, 22)}"`;
      store(key, { headers, body: stored, hasNonce, etag });
    });
    next();
  };

  return {
    middleware,
    /** For tests and diagnostics. */
    stats: () => ({ entries: entries.size, bytes, version }),
  };
}

/** Collects what the handler writes (up to `limit` bytes) and hands it over when the response ends. */
function capture(res: Response, limit: number, done: (body: Buffer) => void) {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (overflow || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
        : Buffer.from(
            String(chunk),
            typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
          );
    size += buffer.length;
    if (size > limit) {
      overflow = true;
      chunks.length = 0;
    } else chunks.push(Buffer.from(buffer));
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as Response['write'];
  res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    if (!overflow) done(Buffer.concat(chunks));
    return (end as (...args: unknown[]) => Response).call(this, chunk, ...rest);
  } as Response['end'];
}
