import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../helpers/browser-less';
import { guestCheckout } from '../helpers/checkout';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every route with an action, from the built route manifest (what the browser is told). */
function actionRoutes(): Array<{ id: string; path: string }> {
  const dir = path.join(ROOT, 'build/client/assets');
  const file = fs.readdirSync(dir).find((f) => /^manifest-.*\.js$/.test(f));
  if (!file) throw new Error('no route manifest: run `npm run build` first');
  const source = fs.readFileSync(path.join(dir, file), 'utf8');
  const manifest = JSON.parse(source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1)) as {
    routes: Record<string, { id: string; path?: string; hasAction: boolean }>;
  };
  // Signing out ends the sessions the other routes use: it goes last.
  return Object.values(manifest.routes)
    .filter((r) => r.hasAction)
    .map((r) => ({ id: r.id, path: r.path ?? '' }))
    .sort((a, b) => Number(a.id === 'routes/dang-xuat') - Number(b.id === 'routes/dang-xuat'));
}

let data: TestData;
let server: TestServer;
const clients: Record<string, FormClient> = {};
const params: Record<string, string> = {};

beforeAll(async () => {
  data = copyTemplateDatabase();
  const { db } = data;
  const product = await db
    .selectFrom('products as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .leftJoin('batches as b', 'b.product_id', 'p.id')
    .select(['p.id as productId', 'o.id as orgId', 'o.slug', 'b.id as batchId'])
    .where('o.province_code', '=', '12')
    .where('p.status', '=', 'published')
    .where('p.stock', '>', 5)
    .orderBy('p.id')
    .executeTakeFirstOrThrow();
  const checkout = await guestCheckout(db, [{ productId: product.productId, quantity: 1 }], 'cod');
  Object.assign(params, {
    id: String(product.productId),
    reference: checkout.placed.reference,
    code: checkout.placed.orderCodes[0] ?? 'X',
    token: 'a'.repeat(43),
  });
  params.batchId = String(product.batchId ?? 1);
  params.orgId = String(product.orgId);
  server = await startTestServer({
    dataDir: data.dataDir,
    env: {
      BANK_WEBHOOK_SECRET: 'bank-secret-for-tests-0123456789',
      STRIPE_SECRET_KEY: 'sk_test_hardening',
      STRIPE_WEBHOOK_SECRET: 'whsec_hardening',
    },
  });
  // A guest with a cart, so the checkout reads the body instead of sending them to the empty cart.
  clients.anonymous = new FormClient(server.url);
  const added = await clients.anonymous.post('/gio-hang', {
    intent: 'add',
    productId: String(product.productId),
    quantity: '1',
  });
  expect(added.status).toBe(302);
  for (const [name, identifier, password] of [
    ['producer', `${product.slug}@chophien.test`, 'chophien-producer-demo'],
    ['officer', 'socongthuong.laichau@chophien.test', 'chophien-officer-demo'],
    ['admin', 'admin@chophien.test', 'chophien-admin-demo'],
  ] as const) {
    const client = new FormClient(server.url);
    expect((await client.post('/dang-nhap', { identifier, password })).status).toBe(302);
    clients[name] = client;
  }
});
afterAll(async () => {
  await server?.stop();
  await data?.cleanup();
});

/** A concrete URL for a route path: each parameter filled with a real row of the demo data. */
function concrete(routeId: string, routePath: string): string {
  if (routeId === 'routes/kenh-nguoi-ban.san-pham.moi')
    return `/kenh-nguoi-ban/san-pham/moi?to-chuc=${params.orgId}`;
  return (
    '/' +
    routePath.replace(/:(\w+)/g, (_, name: string) => {
      if (name === 'id' && routeId.includes('lo-hang.$id')) return params.batchId ?? '1';
      if (name === 'id' && routeId.includes('to-chuc')) return params.orgId ?? '1';
      return params[name] ?? '1';
    })
  );
}

const HOSTILE_BODIES: Array<{ name: string; headers: Record<string, string>; body: string }> = [
  { name: 'text/plain', headers: { 'Content-Type': 'text/plain' }, body: 'intent=add' },
  { name: 'json', headers: { 'Content-Type': 'application/json' }, body: '{"intent":"add"}' },
  { name: 'no content type', headers: {}, body: 'intent=add' },
  {
    name: 'multipart without boundary',
    headers: { 'Content-Type': 'multipart/form-data' },
    body: 'intent=add',
  },
  {
    name: 'broken multipart',
    headers: { 'Content-Type': 'multipart/form-data; boundary=XYZ' },
    body: '--XYZ\r\nContent-Disposition: form-data; name="intent"\r\n\r\nadd\r\n--XY',
  },
  {
    name: 'broken urlencoded',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'intent=%E0%A4%A&x=%ZZ&\u0000=1',
  },
];

async function send(client: FormClient, url: string, init: RequestInit) {
  const response = await fetch(`${server.url}${url}`, {
    method: 'POST',
    redirect: 'manual',
    ...init,
    headers: { Cookie: client.cookieHeader, ...(init.headers as Record<string, string>) },
  });
  return { status: response.status, text: await response.text() };
}

describe('every action route refuses bodies that are not forms, never with a 5xx', () => {
  const routes = actionRoutes();
  it('finds the action routes in the manifest', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes.map((r) => r.id)).toContain('routes/gio-hang');
  });

  for (const route of routes) {
    it(`${route.id}`, async () => {
      const url = concrete(route.id, route.path);
      const statuses: number[] = [];
      for (const [clientName, client] of Object.entries(clients)) {
        for (const hostile of HOSTILE_BODIES) {
          const { status, text } = await send(client, url, hostile);
          expect(
            status,
            `${clientName} ${hostile.name} → ${status}: ${text.slice(0, 300)}`,
          ).toBeLessThan(500);
          statuses.push(status);
          if (status === 415 && !route.id.startsWith('routes/webhooks.'))
            expect(text).toMatch(/không phải là một biểu mẫu|not a form/);
        }
        const big = await send(client, url, {
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            'Content-Length': String(11 * 1024 * 1024),
          },
          body: 'a='.padEnd(11 * 1024 * 1024, 'a'),
        });
        expect(big.status, `${clientName} oversized`).toBe(413);
      }
      // Someone is allowed to reach the form: that client got the form answer, not only a redirect.
      if (!route.id.startsWith('routes/webhooks.')) {
        expect(
          statuses.some((s) => s === 415),
          `statuses ${statuses.join(',')}`,
        ).toBe(true);
      }
    });
  }
});

describe('bodies over the limit', () => {
  it('refuses a chunked body without Content-Length once it passes 10 MB (413)', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(97);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 12) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${server.url}/tra-cuu-don-hang`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
      duplex: 'half',
      redirect: 'manual',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/quá lớn/);
  });
});

describe('redirect targets a visitor can set', () => {
  const HOSTILE_QUERIES = [
    '/%09/evil.example',
    '/%0a/evil.example',
    '%2F%2Fevil.example',
    '/%5Cevil.example',
    'https://evil.example',
    '/%00',
    '/%E3%80%82/evil.example',
    '/.//evil.example',
  ];
  const location = (response: Response) => response.headers.get('location');
  /** A path of ours as a browser reads it: no scheme-relative start, no character a browser drops. */
  const sameSite = (to: string | null) =>
    to !== null &&
    /^\/(?![/\\])[\x21-\x7e]*$/.test(to) &&
    new URL(to, server.url).origin === new URL(server.url).origin;

  it('/ngon-ngu?back= falls back to the home page for hostile targets, never a 500', async () => {
    for (const back of HOSTILE_QUERIES) {
      const response = await fetch(`${server.url}/ngon-ngu?to=en&back=${back}`, {
        redirect: 'manual',
      });
      expect(response.status, back).toBe(302);
      expect(sameSite(location(response)), back).toBe(true);
    }
    const nonAscii = await fetch(`${server.url}/ngon-ngu?to=en&back=/ti%E1%BB%87n`, {
      redirect: 'manual',
    });
    expect(nonAscii.status).toBe(302);
    expect(location(nonAscii)).toBe('/ti%E1%BB%87n');
    const tab = await fetch(`${server.url}/ngon-ngu?to=en&back=/%09/evil.example`, {
      redirect: 'manual',
    });
    expect(location(tab)).toBe('/');
  });

  it('/dang-nhap?redirectTo= (signed in, and posted with the form) falls back to the workspace', async () => {
    const producer = new FormClient(server.url);
    await producer.post('/dang-nhap', {
      identifier: 'admin@chophien.test',
      password: 'chophien-admin-demo',
    });
    for (const target of HOSTILE_QUERIES) {
      const response = await producer.get(`/dang-nhap?redirectTo=${target}`);
      expect(response.status, target).toBe(302);
      expect(sameSite(location(response)), target).toBe(true);
    }
    const visitor = new FormClient(server.url);
    const posted = await visitor.post('/dang-nhap', {
      identifier: 'admin@chophien.test',
      password: 'chophien-admin-demo',
      redirectTo: '/\t/evil.example',
    });
    expect(posted.status).toBe(302);
    expect(location(posted)).toBe('/kenh-nguoi-ban');
  });

  it("the cart's redirectTo goes back to a page of ours only", async () => {
    const guest = new FormClient(server.url);
    for (const [target, expected] of [
      ['/\t/evil.example', '/gio-hang?da-them=ok'],
      ['//evil.example', '/gio-hang?da-them=ok'],
      ['/tiện#x', '/ti%E1%BB%87n?da-them=ok#x'],
    ] as const) {
      const response = await guest.post('/gio-hang', {
        intent: 'add',
        productId: params.id ?? '',
        quantity: '1',
        redirectTo: target,
      });
      expect(response.status, target).toBe(302);
      expect(location(response), target).toBe(expected);
    }
  });
});

describe('the first cart write without a cart cookie', () => {
  it('answers 400 for a bad quantity, like with a cookie, and sets no cookie', async () => {
    for (const quantity of ['-1', 'abc', '1e9', '2,5', '99999999999']) {
      const guest = new FormClient(server.url);
      const response = await guest.post('/gio-hang', {
        intent: 'add',
        productId: params.id ?? '',
        quantity,
      });
      expect(response.status, quantity).toBe(400);
      expect(response.headers.getSetCookie().join(';')).not.toMatch(/cp_cart=/);
      const withCookie = await (clients.anonymous as FormClient).post('/gio-hang', {
        intent: 'add',
        productId: params.id ?? '',
        quantity,
      });
      expect(withCookie.status, quantity).toBe(400);
    }
  });
});

describe('CSRF is judged on the normalised path', () => {
  it('refuses a cross-site POST to /webhooks/%2e%2e/… (it is not a webhook)', async () => {
    for (const path of [
      '/webhooks/%2e%2e/gio-hang',
      '/webhooks/../gio-hang',
      '/webhooks/%2E%2E/dang-xuat',
    ]) {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Sec-Fetch-Site': 'cross-site',
          Origin: 'https://evil.example',
        },
        body: 'intent=add&productId=1&quantity=1',
        redirect: 'manual',
      });
      expect(response.status, path).toBe(403);
    }
  });

  it('still lets the signed webhooks through (they answer for their signature, not CSRF)', async () => {
    const response = await fetch(`${server.url}/webhooks/bank-transfer`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' },
      body: '{}',
    });
    expect(response.status).toBe(400);
  });
});

describe('the spreadsheet import', () => {
  const header =
    'cooperative,province,commune,name,description,group,category,unit,price_vnd,stock,ocop_stars,ocop_certificate_no,ocop_issued_on,gtin,weight_g,image';
  const upload = (csv: string) => {
    const form = new FormData();
    form.set('intent', 'preview');
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'san-pham.csv');
    return form;
  };
  let producer: FormClient;
  let org: { id: number; name: string };
  beforeAll(async () => {
    org = await data.db
      .selectFrom('organizations')
      .select(['id', 'name', 'slug'])
      .where('id', '=', Number(params.orgId))
      .executeTakeFirstOrThrow()
      .then(async (o) => {
        producer = new FormClient(server.url);
        await producer.post('/dang-nhap', {
          identifier: `${o.slug}@chophien.test`,
          password: 'chophien-producer-demo',
        });
        return o;
      });
  });
  const url = () => `/kenh-nguoi-ban/to-chuc/${org.id}/nhap-csv`;

  it('answers bad rows with 422 and lists them; control characters never reach a product', async () => {
    const bad = `${header}\n${org.name},Lai Châu,,Mứt,,food,,hộp,abc,1,,,,,,\n`;
    const refused = await producer.post(url(), upload(bad));
    expect(refused.status).toBe(422);
    expect((await refused.text()).replaceAll('<!-- -->', '')).toContain('Dòng 2 (price_vnd)');

    const withNul = `${header}\n${org.name},Lai Châu,,Mứt\u0000 mận\u0007 NUL,Ngon\u0000.,food,Mứt,hộp,65000,3,,,,,,\n`;
    const preview = await producer.post(url(), upload(withNul));
    expect(preview.status).toBe(200);
    const html = (await preview.text()).replaceAll('<!-- -->', '');
    const encoded = /name="csv" value="([^"]+)"/.exec(html)?.[1] ?? 'no csv in the preview';
    const imported = await producer.post(url(), { intent: 'import', csv: encoded });
    expect(imported.status).toBe(200);
    const product = await data.db
      .selectFrom('products')
      .select(['name', 'description'])
      .where('organization_id', '=', org.id)
      .where('name', 'like', 'Mứt%NUL')
      .executeTakeFirstOrThrow();
    expect(product).toEqual({ name: 'Mứt mận NUL', description: 'Ngon.' });
  });

  it('refuses a file of more than 1,000 rows with 422, before checking them', async () => {
    const rows = Array.from(
      { length: 1001 },
      (_, i) => `${org.name},Lai Châu,,Mứt số ${i},,food,,hộp,65000,1,,,,,,`,
    );
    const response = await producer.post(url(), upload(`${header}\n${rows.join('\n')}\n`));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('tối đa 1000 sản phẩm');
  });

  it('limits previews and imports per organization (429 with a message), writing nothing', async () => {
    const before = await data.db
      .selectFrom('products')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const csv = `${header}\n${org.name},Lai Châu,,Mứt giới hạn,,food,,hộp,65000,1,,,,,,\n`;
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await producer.post(url(), upload(csv))).status);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(30);
    expect(statuses.at(-1)).toBe(429);
    const limited = await producer.post(url(), upload(csv));
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain('quá nhiều tệp CSV');
    const after = await data.db
      .selectFrom('products')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe("a listing's origin commune", () => {
  it("must be in the cooperative's province: a Hà Nội commune on a Lai Châu listing is refused", async () => {
    const producer = new FormClient(server.url);
    const org = await data.db
      .selectFrom('organizations')
      .select(['slug'])
      .where('id', '=', Number(params.orgId))
      .executeTakeFirstOrThrow();
    await producer.post('/dang-nhap', {
      identifier: `${org.slug}@chophien.test`,
      password: 'chophien-producer-demo',
    });
    const commune = (province: string) =>
      data.db
        .selectFrom('communes')
        .select('code')
        .where('province_code', '=', province)
        .orderBy('code')
        .executeTakeFirstOrThrow();
    const hanoi = await commune('01');
    const laiChau = await commune('12');
    const listing = (name: string, originCommuneCode: string) =>
      producer.post(`/kenh-nguoi-ban/san-pham/moi?to-chuc=${params.orgId}`, {
        name,
        group: 'food',
        unit: 'hộp',
        priceVnd: '50.000',
        category: 'Mứt',
        originCommuneCode,
      });
    const refused = await listing('Mứt xuất xứ Hà Nội', hanoi.code);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('phải thuộc tỉnh của hợp tác xã');
    const count = await data.db
      .selectFrom('products')
      .select('id')
      .where('name', '=', 'Mứt xuất xứ Hà Nội')
      .execute();
    expect(count).toEqual([]);
    expect((await listing('Mứt xuất xứ Lai Châu', laiChau.code)).status).toBe(302);
  });
});

describe('security headers on pages', () => {
  const nonceOf = (response: Response) =>
    /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];

  it('every Remix page has a CSP whose nonce is on every inline script, new for each response', async () => {
    const seen = new Set<string>();
    for (const path of ['/', '/san-pham', '/gio-hang', '/dang-nhap', '/khong-co-trang-nay']) {
      const response = await fetch(`${server.url}${path}`);
      const nonce = nonceOf(response);
      expect(nonce, path).toBeTruthy();
      seen.add(nonce ?? '');
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(response.headers.get('permissions-policy')).toContain('geolocation=()');
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
      const executable = scripts.filter((a) => !/type="application\/ld\+json"/.test(a));
      expect(executable.length, path).toBeGreaterThan(0);
      for (const attributes of executable) expect(attributes, path).toContain(`nonce="${nonce}"`);
    }
    expect(seen.size).toBe(5);
  });

  it('the stamp scan page rendered outside Remix has the policy too, and no inline script', async () => {
    const response = await fetch(`${server.url}/s/KHONGCO-1-abc`);
    expect(nonceOf(response)).toBeTruthy();
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await response.text()).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  });
});

describe("the trade office's register upload", () => {
  it('refuses a file over 2 MB with 413 and writes nothing', async () => {
    const officer = new FormClient(server.url);
    await officer.post('/dang-nhap', {
      identifier: 'socongthuong.laichau@chophien.test',
      password: 'chophien-officer-demo',
    });
    const before = await data.db.selectFrom('ocop_register_entries').select('id').execute();
    const form = new FormData();
    form.set('intent', 'import');
    form.set('file', new Blob(['x'.repeat(2 * 1024 * 1024 + 1)], { type: 'text/csv' }), 'so.csv');
    const response = await officer.post('/so-cong-thuong', form);
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('tối đa 2 MB');
    expect(await data.db.selectFrom('ocop_register_entries').select('id').execute()).toEqual(
      before,
    );
  });
});
