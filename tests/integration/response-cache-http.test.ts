import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVnd } from '~/lib/money';
import { FormClient } from '../helpers/browser-less';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// The anonymous-GET response cache (server/response-cache.ts, decision 015) against the built server:
// a catalogue write made through another database connection (as another app instance would) shows on
// the very next request, and nothing is cached or served for a visitor with a session or a cart.
let data: TestData;
let server: TestServer;
let product: { id: number; slug: string; price_vnd: number; stock: number };

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
const plain = (html: string) => html.replaceAll('<!-- -->', '');

beforeAll(async () => {
  data = copyTemplateDatabase();
  server = await startTestServer({ dataDir: data.dataDir });
  product = await data.db
    .selectFrom('products')
    .select(['id', 'slug', 'price_vnd', 'stock'])
    .where('status', '=', 'published')
    .where('stock', '>', 0)
    .orderBy('id')
    .executeTakeFirstOrThrow();
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await data?.cleanup();
});

describe('response cache', () => {
  it('serves an anonymous page from the cache, with an ETag that gives a 304', async () => {
    const path = `/san-pham/${product.slug}`;
    const first = await get(path);
    expect(first.status).toBe(200);
    const firstBody = await first.text();
    const second = await get(path);
    expect(second.headers.get('x-cache')).toBe('hit');
    // The same page, with this response's own CSP nonce (decision 013).
    const withoutNonces = (html: string) => html.replace(/nonce="[^"]+"/g, 'nonce="…"');
    const secondBody = await second.text();
    expect(withoutNonces(secondBody)).toBe(withoutNonces(firstBody));
    expect(secondBody).not.toBe(firstBody);
    const etag = second.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    expect(second.headers.get('cache-control')).toBe('public, no-cache');
    const revalidated = await get(path, { 'If-None-Match': etag! });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    const stale = await get(path, { 'If-None-Match': 'W/"0-old"' });
    expect(stale.status).toBe(200);
  });

  it('shows a changed price and stock on the next request after the write, also to a 304 check', async () => {
    const path = `/san-pham/${product.slug}`;
    await (await get(path)).text();
    const cached = await get(path);
    expect(cached.headers.get('x-cache')).toBe('hit');
    const etag = cached.headers.get('etag')!;
    expect(plain(await cached.text())).toContain(formatVnd(product.price_vnd));
    const newPrice = product.price_vnd + 12_000;
    // Another connection writes, as another app instance sharing the database would.
    await data.db
      .updateTable('products')
      .set({ price_vnd: newPrice })
      .where('id', '=', product.id)
      .execute();
    const revalidated = await get(path, { 'If-None-Match': etag });
    expect(revalidated.status).toBe(200);
    expect(revalidated.headers.get('x-cache')).toBe('miss');
    expect(plain(await revalidated.text())).toContain(formatVnd(newPrice));
    expect((await get(path)).headers.get('x-cache')).toBe('hit');

    await data.db.updateTable('products').set({ stock: 0 }).where('id', '=', product.id).execute();
    const soldOut = await get(path);
    expect(soldOut.headers.get('x-cache')).toBe('miss');
    const html = plain(await soldOut.text());
    expect(html).toMatch(/Hết hàng/i);
    await data.db
      .updateTable('products')
      .set({ stock: product.stock, price_vnd: product.price_vnd })
      .where('id', '=', product.id)
      .execute();
  });

  it('keeps the languages apart', async () => {
    await (await get('/')).text();
    expect((await get('/')).headers.get('x-cache')).toBe('hit');
    const english = await get('/', { Cookie: 'lang=en' });
    expect(await english.text()).toContain('<html lang="en"');
    expect((await get('/', { Cookie: 'lang=en' })).headers.get('x-cache')).toBe('hit');
    expect(await (await get('/')).text()).toContain('<html lang="vi"');
  });

  it('never caches or serves a cached page for a signed-in visitor or a guest cart', async () => {
    const path = `/san-pham/${product.slug}`;
    await (await get(path)).text();
    expect((await get(path)).headers.get('x-cache')).toBe('hit');

    const buyer = new FormClient(server.url);
    const signedUp = await buyer.post('/dang-ky', {
      displayName: 'Chị Bộ Đệm',
      identifier: 'bo-dem@chophien.test',
      password: 'mat-khau-rat-dai',
    });
    expect(signedUp.status).toBe(302);
    for (let i = 0; i < 2; i++) {
      const page = await buyer.get(path);
      expect(page.headers.get('x-cache')).toBeNull();
      expect(page.headers.get('cache-control')).toBe('private, no-store');
      expect(page.headers.get('etag')).toBeNull();
      expect(plain(await page.text())).toContain('Chị Bộ Đệm');
    }
    // The signed-in render was not stored for anyone else.
    const anonymous = await get(path);
    expect(plain(await anonymous.text())).not.toContain('Chị Bộ Đệm');

    const guest = new FormClient(server.url);
    const added = await guest.post('/gio-hang', {
      intent: 'add',
      productId: String(product.id),
      quantity: '1',
    });
    expect(added.status).toBeLessThan(400);
    expect(guest.cookieHeader).toContain('cp_cart=');
    const withCart = await guest.get(path);
    expect(withCart.status).toBe(200);
    expect(withCart.headers.get('x-cache')).toBeNull();
    const cart = await guest.get('/gio-hang');
    expect(cart.headers.get('x-cache')).toBeNull();
  });

  it('does not cache pages that are not public', async () => {
    await (await get('/dang-nhap')).text();
    const again = await get('/dang-nhap');
    expect(again.headers.get('x-cache')).toBe('miss');
    const missing = await get('/san-pham/khong-co-san-pham-nay');
    expect(missing.status).toBe(404);
    await missing.text();
    expect((await get('/san-pham/khong-co-san-pham-nay')).headers.get('x-cache')).toBe('miss');
  });
});
