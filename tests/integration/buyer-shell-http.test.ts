import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../helpers/browser-less';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// The buyer's shell over HTTP: titles in English, the cart badge, who may reach the review pages.
let data: TestData;
let server: TestServer;
beforeAll(async () => {
  data = copyTemplateDatabase();
  server = await startTestServer({ dataDir: data.dataDir });
});
afterAll(async () => {
  await server?.stop();
  await data?.cleanup();
});

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
const VIETNAMESE_ONLY = /[ảãạắằẳẵặấầẩẫậẻẽẹếềểễệỉĩịỏõọốồổỗộớờởỡợủũụứừửữựỳỷỹỵđ]/i;
const get = (path: string, lang: 'vi' | 'en' = 'en') =>
  fetch(`${server.url}${path}`, { headers: { Cookie: `lang=${lang}` }, redirect: 'follow' });

describe('titles', () => {
  it('every public page has an English title when lang=en, spaced from the brand', async () => {
    const paths = [
      '/',
      '/san-pham',
      '/tinh/lai-chau',
      '/gio-hang',
      '/tra-cuu-don-hang',
      '/dang-nhap',
      '/dang-ky',
      '/quen-mat-khau',
      '/khong-co-trang-nay',
      '/san-pham/khong-co',
      '/hop-tac-xa/khong-co',
    ];
    for (const path of paths) {
      const title = titleOf(await (await get(path)).text());
      expect(title, path).not.toBe('');
      expect(title.replace(/Chợ Phiên|Lai Châu/g, ''), path).not.toMatch(VIETNAMESE_ONLY);
      expect(title, path).not.toMatch(/\SChợ Phiên|Chợ Phiên[^\s—|]/);
    }
    expect(titleOf(await (await get('/khong-co-trang-nay')).text())).toBe(
      'Page not found — Chợ Phiên',
    );
    expect(titleOf(await (await get('/khong-co-trang-nay', 'vi')).text())).toBe(
      'Không tìm thấy trang — Chợ Phiên',
    );
  });
});

describe('the cart badge', () => {
  it('is absent for a visitor without a cart (the same page for all of them) and counts lines', async () => {
    const first = await (await get('/san-pham', 'vi')).text();
    expect(first).not.toContain('data-testid="cart-count"');
    const buyer = new FormClient(server.url);
    const product = /href="\/san-pham\/([a-z0-9-]+)"/.exec(first)?.[1] ?? '';
    const page = await (await buyer.get(`/san-pham/${product}`)).text();
    const productId = /name="productId" value="(\d+)"/.exec(page)?.[1] ?? '';
    const added = await buyer.post(
      '/gio-hang',
      { intent: 'add', productId, quantity: '2', redirectTo: '' },
      { Origin: server.url },
    );
    expect(added.status).toBeLessThan(400);
    const after = await (await buyer.get('/san-pham')).text();
    expect(after).toMatch(/data-testid="cart-count"[^>]*>1</);
    expect(after).toContain('aria-label="Giỏ hàng, 1 sản phẩm"');
  });
});

describe('review pages', () => {
  it('sends a visitor to sign in before reporting, and keeps the moderation queue for the operator', async () => {
    const report = await fetch(`${server.url}/danh-gia/1/bao-cao`, { redirect: 'manual' });
    expect(report.status).toBe(302);
    expect(report.headers.get('Location')).toMatch(/^\/dang-nhap\?redirectTo=/);
    const officer = new FormClient(server.url);
    await officer.post(
      '/dang-nhap',
      {
        identifier: 'socongthuong.laichau@chophien.test',
        password: 'chophien-officer-demo',
        redirectTo: '/',
      },
      { Origin: server.url },
    );
    expect((await officer.get('/quan-tri/danh-gia')).status).toBe(403);
    const admin = new FormClient(server.url);
    await admin.post(
      '/dang-nhap',
      { identifier: 'admin@chophien.test', password: 'chophien-admin-demo', redirectTo: '/' },
      { Origin: server.url },
    );
    const queue = await admin.get('/quan-tri/danh-gia');
    expect(queue.status).toBe(200);
    const hidden = await admin.post(
      '/quan-tri/danh-gia',
      { intent: 'hide', reviewId: '1', reason: 'x' },
      { Origin: server.url },
    );
    expect(hidden.status).toBe(400);
  });
});
