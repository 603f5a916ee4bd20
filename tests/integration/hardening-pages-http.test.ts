import { beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../helpers/browser-less';
import { type HardeningWorld, useHardeningWorld } from './hardening-fixture';

// Issue 14, continued: the spreadsheet import, a listing's origin, security headers, the register upload.
const world = useHardeningWorld();
const { params } = world;
// Read once the world is set up (beforeAll), not at import.
let data: HardeningWorld['data'];
let server: HardeningWorld['server'];
beforeAll(() => {
  ({ data, server } = world);
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
