import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, first, type TestData } from '../helpers/test-db';

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

const get = (path: string, init?: RequestInit) =>
  fetch(`${server.url}${path}`, { redirect: 'manual', ...init });
interface ApiHit {
  id: number;
  slug: string;
  name: string;
  price_vnd: number;
  unit: string;
  ocop_stars: number | null;
  province: string;
  province_code: string;
  cooperative: string;
  image_url: string | null;
  url: string;
  in_stock: boolean;
}
interface ApiResult {
  total: number;
  page: number;
  per_page: number;
  hits: ApiHit[];
  facets: {
    province: Record<string, number>;
    group: Record<string, number>;
    stars: Record<string, number>;
    price: Record<string, number>;
    in_stock: number;
  };
}
const api = async (qs: string) => {
  const response = await get(`/api/search?${qs}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ApiResult;
};

describe('GET /api/search on the demo catalogue', () => {
  it('folds diacritics and đ: "mien dong" finds Miến dong, "duong" finds đường', async () => {
    const mien = await api('q=mien+dong');
    expect(mien.total).toBeGreaterThan(0);
    expect(mien.hits[0]?.name).toMatch(/Miến dong/i);
    const duong = await api('q=DUONG');
    expect(duong.total).toBeGreaterThan(0);
  });

  it('matches the last word as a prefix while typing', async () => {
    const result = await api('q=che+sh');
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits[0]?.name).toMatch(/Chè Shan/i);
  });

  it('ranks name matches above description matches', async () => {
    const result = await api('q=mat+ong&per_page=5');
    expect(result.hits[0]?.name).toMatch(/Mật ong/i);
  });

  it('returns the documented hit shape and filters by province code or slug', async () => {
    const bySlug = await api('province=lao-cai&per_page=100');
    const byCode = await api('province=15&per_page=100');
    expect(bySlug.total).toBe(byCode.total);
    expect(bySlug.total).toBeGreaterThan(0);
    for (const hit of bySlug.hits) expect(hit.province_code).toBe('15');
    const hit = first(bySlug.hits);
    expect(Object.keys(hit)).toEqual(
      expect.arrayContaining([
        'id',
        'slug',
        'name',
        'price_vnd',
        'unit',
        'ocop_stars',
        'province',
        'cooperative',
        'image_url',
        'url',
      ]),
    );
    expect(Number.isSafeInteger(hit.price_vnd)).toBe(true);
    expect(hit.url).toBe(`/san-pham/${hit.slug}`);
  });

  it('has facet counts for the current query and the other filters', async () => {
    const all = await api('per_page=1');
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    expect(sum(all.facets.province)).toBe(all.total);
    expect(sum(all.facets.group)).toBe(all.total);
    const filtered = await api('group=beverage&per_page=1');
    expect(filtered.total).toBe(all.facets.group.beverage);
    expect(filtered.facets.group).toEqual(all.facets.group);
    expect(sum(filtered.facets.province)).toBe(filtered.total);
  });

  it('filters by stars, price and stock, and sorts', async () => {
    const five = await api('stars=5&per_page=100');
    for (const hit of five.hits) expect(hit.ocop_stars).toBe(5);
    const cheap = await api('max_price=100000&sort=price_asc&per_page=100');
    const prices = cheap.hits.map((h) => h.price_vnd);
    expect(prices.every((p) => p <= 100000)).toBe(true);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const desc = await api('sort=price_desc&per_page=20');
    const descPrices = desc.hits.map((h) => h.price_vnd);
    expect(descPrices).toEqual([...descPrices].sort((a, b) => b - a));
    const inStock = await api('in_stock=1&per_page=100');
    expect(inStock.hits.every((h) => h.in_stock)).toBe(true);
    const stars = await api('sort=stars&per_page=100');
    const starValues = stars.hits.map((h) => h.ocop_stars ?? 0);
    expect(starValues).toEqual([...starValues].sort((a, b) => b - a));
  });

  it('paginates without overlap', async () => {
    const first = await api('per_page=5&page=1&sort=price_asc');
    const second = await api('per_page=5&page=2&sort=price_asc');
    expect(first.hits).toHaveLength(5);
    const ids = new Set(first.hits.map((h) => h.id));
    expect(second.hits.some((h) => ids.has(h.id))).toBe(false);
    expect(second.page).toBe(2);
  });

  it.each([
    ['province=atlantis', 'province'],
    ['group=cars', 'group'],
    ['stars=2', 'stars'],
    ['min_price=-5', 'min_price'],
    ['max_price=1.5', 'max_price'],
    ['min_price=9&max_price=1', 'max_price'],
    ['in_stock=maybe', 'in_stock'],
    ['sort=random', 'sort'],
    ['page=0', 'page'],
    ['per_page=500', 'per_page'],
  ])('answers %s with HTTP 400 naming %s', async (qs, parameter) => {
    const response = await get(`/api/search?${qs}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { parameter: string; message: string } };
    expect(body.error.parameter).toBe(parameter);
    expect(body.error.message).toMatch(/[ạ-ỹàáâãèéêìíòóôõùúýăđ]/i);
    const english = await get(`/api/search?${qs}`, { headers: { 'Accept-Language': 'en-US' } });
    const englishMessage = ((await english.json()) as { error: { message: string } }).error.message;
    expect(englishMessage).not.toBe(body.error.message);
    expect(englishMessage).toMatch(/must|Unknown|between/);
  });
});

describe('pages', () => {
  it('serves the home page in Vietnamese with public caching', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    // Revalidated every time against the server's response cache (decision 015).
    expect(response.headers.get('cache-control')).toBe('public, no-cache');
    const html = await response.text();
    expect(html).toContain('<html lang="vi"');
    expect(html).toContain('Sản phẩm OCOP 4–5 sao');
    expect(html).toContain('Mua theo tỉnh');
    // The first row of cards is the largest paint on a phone: loaded at once; the rest lazily.
    const cardImages = [...html.matchAll(/<li class="product-card">.*?<img [^>]*loading="(\w+)"/g)];
    expect(cardImages.length).toBeGreaterThan(2);
    expect(cardImages.map((m) => m[1])).toEqual([
      'eager',
      'eager',
      ...cardImages.slice(2).map(() => 'lazy'),
    ]);
  });

  it('switches to English by cookie and never caches a signed-in page', async () => {
    const english = await get('/', { headers: { Cookie: 'lang=en' } });
    expect(await english.text()).toContain('<html lang="en"');
    const signedIn = await get('/', { headers: { Cookie: '__session=abc' } });
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
  });

  it('renders a product page with price, OCOP badge, JSON-LD, Open Graph and canonical URL', async () => {
    const { hits } = await api('stars=4&per_page=1');
    const response = await get(first(hits).url);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/\d{1,3}(\.\d{3})* ₫/);
    expect(html).toMatch(/OCOP 4 sao/);
    expect(html).toContain('"@type":"Product"');
    expect(html).toContain('"priceCurrency":"VND"');
    expect(html).toContain(`<link rel="canonical" href="${server.url}${first(hits).url}"/>`);
    expect(html).toContain('property="og:title"');
  });

  it('renders cooperative and province pages', async () => {
    const province = await get('/tinh/lao-cai');
    expect(province.status).toBe(200);
    expect(await province.text()).toContain('Đặc sản Lào Cai');
    const { hits } = await api('per_page=1');
    const product = await (await get(first(hits).url)).text();
    const coopPath = /href="(\/hop-tac-xa\/[^"]+)"/.exec(product)?.[1];
    expect(coopPath).toBeTruthy();
    const coop = await get(coopPath!);
    expect(coop.status).toBe(200);
    expect(await coop.text()).toContain(first(hits).cooperative);
  });

  it('answers unknown pages, products and provinces with a Vietnamese 404 and no stack trace', async () => {
    for (const path of [
      '/khong-co',
      '/san-pham/khong-co-san-pham-nay',
      '/tinh/atlantis',
      '/hop-tac-xa/khong-co',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      const html = await response.text();
      expect(html).toContain('Không tìm thấy');
      expect(html).not.toMatch(/at \S+ \(.*:\d+:\d+\)/);
    }
  });

  it('shows a catalogue 400 page for a bad filter instead of crashing', async () => {
    const response = await get('/san-pham?stars=9');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Hạng sao OCOP phải là 3, 4 hoặc 5.');
  });

  it('caches fingerprinted assets and uploaded images for a year', async () => {
    const html = await (await get('/')).text();
    const script = /href="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const asset = await get(script!);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const { hits } = await api('per_page=1');
    const image = await get(first(hits).image_url ?? 'no image');
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('inlines the stylesheets in the head, with no stylesheet request before the first paint', async () => {
    const html = await (await get('/')).text();
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).not.toContain('rel="stylesheet"');
    const inline = /<style data-inline-styles="">([^<]+)<\/style>/.exec(head)?.[1] ?? '';
    // The three stylesheets, minified: the site's, the orders' and the buyer pages'.
    expect(inline).toContain('.product-card');
    expect(inline).toContain('.site-header');
    expect(inline).toContain('.rating-stars');
    expect(inline).toContain('.add-to-cart');
    expect(inline.length).toBeGreaterThan(5_000);
    expect(inline).not.toContain('\n\n');
  });

  it('reports database and search state on /healthz', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      database: { ok: true },
      search: { engine: 'sqlite' },
    });
  });

  it('refuses a cross-site form post', async () => {
    const response = await get('/san-pham', {
      method: 'POST',
      headers: {
        Origin: 'https://evil.example',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'x=1',
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Yêu cầu bị từ chối');
  });
});

describe('HTML bytes', () => {
  it('never contain a NUL byte, even where a Vietnamese character meets a render buffer boundary', async () => {
    for (const path of ['/', '/san-pham?q=che', '/san-pham?per_page=100', '/tinh/lao-cai']) {
      const bytes = Buffer.from(await (await get(path)).arrayBuffer());
      expect(bytes.length).toBeGreaterThan(16_384);
      expect(bytes.includes(0), path).toBe(false);
    }
  });
});
