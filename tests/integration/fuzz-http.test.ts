import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImport } from '~/catalogue/import/import.server';
import { FormClient } from '../helpers/browser-less';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// Property tests over the inputs a visitor controls, against the real built server: whatever is sent,
// the answer is never a 5xx, and a refused form writes nothing. Run counts stay small (CI has 2 cores);
// a failure prints its seed and the shrunk input, so it can be replayed with `seed`.
let data: TestData;
let server: TestServer;
let producer: FormClient;
let org: { id: number; name: string; slug: string };
let productId: number;
let hanoiCommune: string;

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

const HOSTILE = [
  '',
  ' ',
  '\u0000',
  '\u0000abc',
  '%00',
  '-1',
  '0',
  '1e9',
  '9'.repeat(40),
  'NaN',
  '1.5',
  '1.000.000',
  "' OR 1=1 --",
  '"><script>alert(1)</script>',
  '../../etc/passwd',
  '\\',
  '\ud800',
  'tiện',
  '。',
  '\u202e',
  '*',
  'AND OR NOT',
  '"',
  'a'.repeat(3000),
];
/** Text a visitor might type, and text an attacker would send. */
const text = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: -1e12, max: 1e12 }).map(String),
);

const count = async (table: 'products' | 'checkouts' | 'cart_items' | 'orders') =>
  Number(
    (
      await data.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  data = copyTemplateDatabase();
  const product = await data.db
    .selectFrom('products as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.id', 'o.id as orgId', 'o.name', 'o.slug'])
    .where('o.province_code', '=', '12')
    .where('p.status', '=', 'published')
    .where('p.stock', '>', 5)
    .orderBy('p.id')
    .executeTakeFirstOrThrow();
  productId = product.id;
  org = { id: product.orgId, name: product.name, slug: product.slug };
  hanoiCommune = (
    await data.db
      .selectFrom('communes')
      .select('code')
      .where('province_code', '=', '01')
      .orderBy('code')
      .executeTakeFirstOrThrow()
  ).code;
  server = await startTestServer({ dataDir: data.dataDir });
  producer = new FormClient(server.url);
  await producer.post('/dang-nhap', {
    identifier: `${org.slug}@chophien.test`,
    password: 'chophien-producer-demo',
  });
});
afterAll(async () => {
  await server?.stop();
  await data?.cleanup();
});

const statusOf = async (response: Promise<Response>) => {
  const r = await response;
  await r.arrayBuffer();
  return r.status;
};

describe('fuzzing the inputs a visitor controls', () => {
  it('search parameters (page and API) never answer 5xx', async () => {
    const names = [
      'q',
      'province',
      'group',
      'stars',
      'price',
      'sort',
      'page',
      'per_page',
      'in_stock',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names), text), text), { maxLength: 6 }),
        async (pairs) => {
          const query = new URLSearchParams(pairs).toString();
          for (const path of ['/san-pham', '/api/search']) {
            const status = await statusOf(fetch(`${server.url}${path}?${query}`));
            expect(status, `${path}?${query}`).toBeLessThan(500);
          }
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('cart writes never answer 5xx, and a refused one leaves the cart as it was', async () => {
    const guest = new FormClient(server.url);
    await guest.post('/gio-hang', { intent: 'add', productId: String(productId), quantity: '1' });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          intent: fc.oneof(fc.constantFrom('add', 'update', 'remove', 'acknowledge'), text),
          productId: fc.oneof(fc.constant(String(productId)), text),
          quantity: text,
          redirectTo: text,
        }),
        async (fields) => {
          const before = await count('cart_items');
          const response = await guest.post('/gio-hang', fields);
          await response.arrayBuffer();
          expect(response.status, JSON.stringify(fields)).toBeLessThan(500);
          if (response.status >= 400) expect(await count('cart_items')).toBe(before);
          if (response.status === 302)
            expect(response.headers.get('location') ?? '').toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('checkout never answers 5xx, and a refused one places nothing', async () => {
    const guest = new FormClient(server.url);
    await guest.post('/gio-hang', { intent: 'add', productId: String(productId), quantity: '1' });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          intent: fc.oneof(fc.constantFrom('review', 'place'), text),
          contactName: fc.oneof(fc.constant('Nguyễn Văn An'), text),
          contactPhone: fc.oneof(fc.constant('0912345678'), text),
          contactEmail: text,
          provinceCode: fc.oneof(fc.constantFrom('01', '12', '15'), text),
          communeCode: fc.oneof(fc.constant(hanoiCommune), text),
          street: fc.oneof(fc.constant('12 Phố Huế'), text),
          note: text,
          paymentMethod: fc.oneof(fc.constantFrom('cod', 'vietqr', 'card'), text),
          cartVersion: text,
          expectedTotalVnd: text,
        }),
        async (fields) => {
          const [checkouts, orders] = [await count('checkouts'), await count('orders')];
          const response = await guest.post('/thanh-toan', fields);
          await response.arrayBuffer();
          expect(response.status, JSON.stringify(fields)).toBeLessThan(500);
          if (response.status !== 302) {
            expect(await count('checkouts')).toBe(checkouts);
            expect(await count('orders')).toBe(orders);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the listing form never answers 5xx, and a refused listing writes no product', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name: fc.oneof(fc.string({ minLength: 3, maxLength: 30 }), text),
          group: fc.oneof(fc.constantFrom('food', 'beverage', 'herbal'), text),
          unit: fc.oneof(fc.constant('hộp'), text),
          priceVnd: fc.oneof(fc.constant('50.000'), text),
          category: text,
          description: text,
          gtin: text,
          weightG: text,
          originCommuneCode: fc.oneof(fc.constant(hanoiCommune), text),
        }),
        async (fields) => {
          const before = await count('products');
          const response = await producer.post(
            `/kenh-nguoi-ban/san-pham/moi?to-chuc=${org.id}`,
            fields,
          );
          await response.arrayBuffer();
          expect(response.status, JSON.stringify(fields)).toBeLessThan(500);
          expect(await count('products')).toBe(response.status === 302 ? before + 1 : before);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the CSV importer over HTTP: never a 5xx; an import either writes every row or none', async () => {
    const header =
      'cooperative,province,commune,name,description,group,category,unit,price_vnd,stock,ocop_stars,ocop_certificate_no,ocop_issued_on,gtin,weight_g,image';
    const cell = fc.oneof(text, fc.constantFrom('"', '""', ',', '\n', '\r\n', '"a,b"'));
    const row = fc.record({
      cooperative: fc.oneof(fc.constant(org.name), cell),
      province: fc.oneof(fc.constant('Lai Châu'), cell),
      name: fc.oneof(
        fc.string({ minLength: 3, maxLength: 20 }).map((s) => `Mứt ${s}`),
        cell,
      ),
      group: fc.oneof(fc.constant('food'), cell),
      unit: fc.oneof(fc.constant('hộp'), cell),
      price: fc.oneof(fc.constant('65000'), cell),
      stock: fc.oneof(fc.constant('3'), cell),
      stars: fc.oneof(fc.constant(''), cell),
    });
    const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    const csvOf = (rows: Array<Record<string, string>>) =>
      [
        header,
        ...rows.map((r) =>
          [
            r.cooperative,
            r.province,
            '',
            r.name,
            '',
            r.group,
            '',
            r.unit,
            r.price,
            r.stock,
            r.stars,
          ]
            .map((v) => quote(v ?? ''))
            .concat(['', '', '', '', ''])
            .join(','),
        ),
      ].join('\n');
    // Two requests per run; the per-organization limit allows 30 in 15 minutes.
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 4 }), async (rows) => {
        const form = new FormData();
        form.set('intent', 'preview');
        form.set('file', new Blob([csvOf(rows)], { type: 'text/csv' }), 'f.csv');
        const preview = await producer.post(`/kenh-nguoi-ban/to-chuc/${org.id}/nhap-csv`, form);
        const html = await preview.text();
        expect(preview.status).toBeLessThan(500);
        expect([200, 400, 422]).toContain(preview.status);
        const encoded = /name="csv" value="([^"]+)"/.exec(html)?.[1];
        if (preview.status !== 200 || !encoded) return;
        const before = await count('products');
        const imported = await producer.post(`/kenh-nguoi-ban/to-chuc/${org.id}/nhap-csv`, {
          intent: 'import',
          csv: encoded,
        });
        const importedHtml = (await imported.text()).replaceAll('<!-- -->', '');
        expect(imported.status).toBeLessThan(500);
        const created = Number(/Đã nhập: (\d+) mới/.exec(importedHtml)?.[1] ?? 0);
        expect(await count('products')).toBe(imported.status === 200 ? before + created : before);
      }),
      { numRuns: 12 },
    );
  });

  it('the CSV checker never throws, whatever the text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.string({ unit: 'binary', maxLength: 400 }),
          fc
            .array(fc.oneof(text, fc.constantFrom(',', '"', '\n')), { maxLength: 60 })
            .map((parts) => parts.join('')),
        ),
        async (csv) => {
          const result = await checkImport(data.db, csv, {
            baseDir: null,
            onlyOrganizationId: org.id,
          });
          if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS * 4 },
    );
  });
});
