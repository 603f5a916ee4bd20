import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../helpers/browser-less';
import { type HardeningWorld, useHardeningWorld } from './hardening-fixture';

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

const world = useHardeningWorld();
const { clients, params } = world;
// Read once the world is set up (beforeAll), not at import.
let server: HardeningWorld['server'];
beforeAll(() => {
  ({ server } = world);
});

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

  it('/dang-nhap?redirectTo= (signed in, and posted with the form) falls back to the landing of the signed-in role', async () => {
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
    // The admin's landing page (role-aware landing after sign-in).
    expect(location(posted)).toBe('/quan-tri/thanh-toan');
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
