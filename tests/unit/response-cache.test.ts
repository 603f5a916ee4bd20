import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createResponseCache } from '../../server/response-cache';

// The cache in a real Express app over HTTP, with a nonce middleware in front of it as the
// Content-Security-Policy contract (decision 015) describes: res.locals.cspNonce, fresh per response.
let server: Server | undefined;
afterEach(() => server?.close());

async function start(options: { version: () => number; maxBytes?: number }) {
  const cache = createResponseCache({
    catalogueVersion: async () => options.version(),
    maxBytes: options.maxBytes,
  });
  let renders = 0;
  const app = express();
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    res.setHeader('Content-Security-Policy', `script-src 'nonce-${res.locals.cspNonce}'`);
    next();
  });
  app.use(cache.middleware);
  app.get('/page/:n', (req, res) => {
    renders++;
    res.setHeader('Cache-Control', 'public, no-cache');
    res.type('html');
    res.write(`<p>${req.params.n} ${'x'.repeat(1000)}</p>`);
    res.end(`<script nonce="${res.locals.cspNonce}">1</script>`);
  });
  app.get('/private', (_req, res) => {
    renders++;
    res.setHeader('Cache-Control', 'private, no-store').end('mine');
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, cache, renders: () => renders };
}

const nonceOf = (response: Response) =>
  /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];

describe('createResponseCache', () => {
  it('gives every cached body the nonce of its own response', async () => {
    const { url, renders } = await start({ version: () => 1 });
    const bodies: string[] = [];
    const nonces: Array<string | undefined> = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${url}/page/1`);
      nonces.push(nonceOf(response));
      bodies.push(await response.text());
      expect(response.headers.get('x-cache')).toBe(i === 0 ? 'miss' : 'hit');
    }
    expect(renders()).toBe(1);
    expect(new Set(nonces).size).toBe(3);
    bodies.forEach((body, i) => expect(body).toContain(`<script nonce="${nonces[i]}">`));
    expect(bodies[2]).not.toContain('\u0000');
  });

  it('answers a matching If-None-Match with a 304 without a policy header', async () => {
    const { url } = await start({ version: () => 1 });
    await (await fetch(`${url}/page/1`)).text();
    const etag = (await fetch(`${url}/page/1`)).headers.get('etag')!;
    const response = await fetch(`${url}/page/1`, { headers: { 'If-None-Match': etag } });
    expect(response.status).toBe(304);
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it('renders again when the catalogue version changes', async () => {
    let version = 1;
    const { url, renders, cache } = await start({ version: () => version });
    await (await fetch(`${url}/page/1`)).text();
    await (await fetch(`${url}/page/1`)).text();
    expect(renders()).toBe(1);
    version = 2;
    const after = await fetch(`${url}/page/1`);
    expect(after.headers.get('x-cache')).toBe('miss');
    await after.text();
    expect(renders()).toBe(2);
    expect(cache.stats()).toMatchObject({ entries: 1, version: 2 });
  });

  it('stays within its byte budget, dropping the least recently used page', async () => {
    const { url, cache } = await start({ version: () => 1, maxBytes: 2500 });
    for (const n of [1, 2, 3]) await (await fetch(`${url}/page/${n}`)).text();
    expect(cache.stats().entries).toBe(2);
    expect(cache.stats().bytes).toBeLessThanOrEqual(2500);
    expect((await fetch(`${url}/page/1`)).headers.get('x-cache')).toBe('miss');
  });

  it('skips private responses and requests with cookies other than the language', async () => {
    const { url, renders } = await start({ version: () => 1 });
    await (await fetch(`${url}/private`)).text();
    await (await fetch(`${url}/private`)).text();
    expect(renders()).toBe(2);
    await (await fetch(`${url}/page/9`, { headers: { Cookie: 'cp_cart=abc' } })).text();
    const withCart = await fetch(`${url}/page/9`, { headers: { Cookie: 'cp_cart=abc' } });
    expect(withCart.headers.get('x-cache')).toBeNull();
    await withCart.text();
    expect(renders()).toBe(4);
  });
});
