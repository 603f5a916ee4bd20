import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { FormClient } from '../helpers/browser-less';
import { refreshEmbeddedSearch } from '../helpers/search';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

let data: TestData;
let server: TestServer;
let farmerA: FormClient;
let farmerB: FormClient;
let productA: number;
let orgA: number;

beforeAll(async () => {
  data = copyTemplateDatabase();
  server = await startTestServer({ dataDir: data.dataDir });
  farmerA = new FormClient(server.url);
  farmerB = new FormClient(server.url);
  for (const [client, phone, name, org] of [
    [farmerA, '0912 345 678', 'Lò Thị Mai', 'HTX Thử nghiệm A'],
    [farmerB, '+84 987.654.321', 'Giàng A Páo', 'HTX Thử nghiệm B'],
  ] as const) {
    expect(
      (
        await client.post('/dang-ky', {
          displayName: name,
          identifier: phone,
          password: 'mat-khau-rat-dai',
        })
      ).status,
    ).toBe(302);
    const registered = await client.post('/kenh-nguoi-ban/to-chuc/moi?tinh=12', {
      provinceCode: '12',
      communeCode: '03390',
      name: org,
      kind: 'cooperative',
      phone: '0912000111',
      addressLine: 'Bản 1',
      taxCode: '',
      description: '',
    });
    expect(registered.status).toBe(302);
  }
  orgA = (
    await data.db
      .selectFrom('organizations')
      .select('id')
      .where('name', '=', 'HTX Thử nghiệm A')
      .executeTakeFirstOrThrow()
  ).id;
  const created = await farmerA.post(`/kenh-nguoi-ban/san-pham/moi?to-chuc=${orgA}`, {
    name: 'Chè búp thử nghiệm',
    group: 'beverage',
    unit: 'gói',
    priceVnd: '120.000',
    category: 'Chè',
  });
  expect(created.status).toBe(302);
  productA = Number(created.headers.get('location')!.split('/').pop());
});
afterAll(async () => {
  await server?.stop();
  await data?.cleanup();
});

const countRows = async (table: 'products' | 'product_images' | 'organizations') =>
  Number(
    (
      await data.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('accounts', () => {
  it('stores the phone number normalised and never the password', async () => {
    const user = await data.db
      .selectFrom('users')
      .selectAll()
      .where('phone', '=', '+84912345678')
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(
      await data.db
        .selectFrom('users')
        .select('id')
        .where('phone', '=', '+84987654321')
        .executeTakeFirst(),
    ).toBeDefined();
  });

  it('keeps only a hash of the session id, in an httpOnly SameSite=Lax cookie', async () => {
    const client = new FormClient(server.url);
    const response = await client.post('/dang-nhap', {
      identifier: '0912.345.678',
      password: 'mat-khau-rat-dai',
    });
    expect(response.status).toBe(302);
    const cookie = response.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/__session=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Lax/);
    const token = /__session=([^;]+)/.exec(cookie)?.[1] ?? 'no session cookie';
    expect(
      await data.db
        .selectFrom('sessions')
        .select('id_hash')
        .where('id_hash', '=', token)
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('refuses a weak password and a taken phone with clear Vietnamese messages', async () => {
    const weak = await new FormClient(server.url).post('/dang-ky', {
      displayName: 'Ai đó',
      identifier: '0901111222',
      password: '12345678',
    });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain('Mật khẩu này quá dễ đoán');
    const taken = await new FormClient(server.url).post('/dang-ky', {
      displayName: 'Ai đó',
      identifier: '0912345678',
      password: 'mot-mat-khau-khac',
    });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('đã có tài khoản');
  });

  it('rate-limits sign-in failures per account with a clear message', async () => {
    const client = new FormClient(server.url);
    for (let i = 0; i < 5; i++)
      expect(
        (await client.post('/dang-nhap', { identifier: '0987654321', password: 'sai-mat-khau' }))
          .status,
      ).toBe(401);
    const limited = await client.post('/dang-nhap', {
      identifier: '0987654321',
      password: 'mat-khau-rat-dai',
    });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toMatch(
      /Bạn đã thử quá nhiều lần\. Vui lòng thử lại sau \d+ phút\./,
    );
  });
});

describe('access control between cooperatives', () => {
  it('gives B a 404 for A’s draft, edits, uploads and organization page, even by guessing ids', async () => {
    expect((await farmerB.get(`/kenh-nguoi-ban/san-pham/${productA}`)).status).toBe(404);
    const edit = await farmerB.post(`/kenh-nguoi-ban/san-pham/${productA}`, {
      intent: 'save',
      name: 'Chiếm quyền',
      group: 'food',
      unit: 'gói',
      priceVnd: '1000',
    });
    expect(edit.status).toBe(404);
    const photo = new FormData();
    photo.set('intent', 'photo');
    photo.set(
      'photo',
      new Blob(
        [
          new Uint8Array(
            await sharp({ create: { width: 40, height: 40, channels: 3, background: '#080' } })
              .jpeg()
              .toBuffer(),
          ),
        ],
        { type: 'image/jpeg' },
      ),
      'a.jpg',
    );
    expect((await farmerB.post(`/kenh-nguoi-ban/san-pham/${productA}`, photo)).status).toBe(404);
    expect((await farmerB.get(`/kenh-nguoi-ban/to-chuc/${orgA}`)).status).toBe(404);
    expect((await farmerB.get(`/kenh-nguoi-ban/san-pham/moi?to-chuc=${orgA}`)).status).toBe(404);
    const product = await data.db
      .selectFrom('products')
      .select(['name', 'price_vnd'])
      .where('id', '=', productA)
      .executeTakeFirstOrThrow();
    expect(product).toEqual({ name: 'Chè búp thử nghiệm', price_vnd: 120000 });
  });

  it('sends a signed-out visitor to sign in and back', async () => {
    const response = await new FormClient(server.url).get(`/kenh-nguoi-ban/san-pham/${productA}`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(
      `/dang-nhap?redirectTo=${encodeURIComponent(`/kenh-nguoi-ban/san-pham/${productA}`)}`,
    );
  });

  it('rejects a cross-site form post', async () => {
    const response = await farmerA.post(
      `/kenh-nguoi-ban/san-pham/${productA}`,
      { intent: 'archive' },
      { Origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    expect(
      (
        await data.db
          .selectFrom('products')
          .select('status')
          .where('id', '=', productA)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('draft');
  });
});

describe('uploads', () => {
  it('refuses a renamed executable and an oversize file, and keeps nothing', async () => {
    const before = await countRows('product_images');
    const fake = new FormData();
    fake.set('intent', 'photo');
    fake.set(
      'photo',
      new Blob([Buffer.from('\x7fELF\x02\x01\x01 not really a photo')], { type: 'image/jpeg' }),
      'anh.jpg',
    );
    const typeResponse = await farmerA.post(`/kenh-nguoi-ban/san-pham/${productA}`, fake);
    expect(typeResponse.status).toBe(415);
    expect(await typeResponse.text()).toContain('Chỉ nhận ảnh JPEG, PNG hoặc WebP.');
    const big = new FormData();
    big.set('intent', 'photo');
    big.set(
      'photo',
      new Blob([Buffer.alloc(11 * 1024 * 1024, 1)], { type: 'image/jpeg' }),
      'big.jpg',
    );
    const sizeResponse = await farmerA.post(`/kenh-nguoi-ban/san-pham/${productA}`, big);
    expect(sizeResponse.status).toBe(413);
    expect(await sizeResponse.text()).toContain('Tệp quá lớn: tối đa 10 MB.');
    expect(await countRows('product_images')).toBe(before);
  });

  it('strips EXIF and GPS from a phone photo and stores WebP variants', async () => {
    const jpeg = await sharp({
      create: { width: 800, height: 600, channels: 3, background: '#3a7' },
    })
      .withExif({
        IFD0: { Make: 'Phone', Model: 'Cheap Android' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 20/1 0/1' },
      })
      .jpeg()
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const form = new FormData();
    form.set('intent', 'photo');
    form.set('photo', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'IMG_0001.jpg');
    expect((await farmerA.post(`/kenh-nguoi-ban/san-pham/${productA}`, form)).status).toBe(200);
    const image = await data.db
      .selectFrom('product_images')
      .select('storage_key')
      .where('product_id', '=', productA)
      .executeTakeFirstOrThrow();
    const served = await fetch(`${server.url}/uploads/${image.storage_key}-640.webp`);
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.exif).toBeUndefined();
  });
});

describe('review by the trade office', () => {
  it('an officer of another province cannot approve; the Lai Châu officer can, and only then is the product searchable', async () => {
    expect(
      (await farmerA.post(`/kenh-nguoi-ban/san-pham/${productA}`, { intent: 'submit' })).status,
    ).toBe(200);
    const laoCai = new FormClient(server.url);
    await laoCai.post('/dang-nhap', {
      identifier: 'socongthuong.laocai@chophien.test',
      password: 'chophien-officer-demo',
    });
    const refused = await laoCai.post('/duyet', {
      intent: 'organization',
      id: String(orgA),
      decision: 'approve',
    });
    expect(refused.status).toBe(403);

    const laiChau = new FormClient(server.url);
    await laiChau.post('/dang-nhap', {
      identifier: 'socongthuong.laichau@chophien.test',
      password: 'chophien-officer-demo',
    });
    const early = await laiChau.post('/duyet', {
      intent: 'listing',
      id: String(productA),
      decision: 'approve',
    });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('Hãy duyệt hợp tác xã trước');
    const noReason = await laiChau.post('/duyet', {
      intent: 'organization',
      id: String(orgA),
      decision: 'reject',
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(
      (
        await laiChau.post('/duyet', {
          intent: 'organization',
          id: String(orgA),
          decision: 'approve',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await laiChau.post('/duyet', {
          intent: 'listing',
          id: String(productA),
          decision: 'approve',
        })
      ).status,
    ).toBe(200);
    // The server's outbox drain does this within a second; the test does not wait for it.
    await refreshEmbeddedSearch(data.db);
    const search = (await (
      await fetch(`${server.url}/api/search?q=che+bup+thu+nghiem`)
    ).json()) as { hits: Array<{ id: number }> };
    expect(search.hits[0]?.id).toBe(productA);
    const audit = await data.db
      .selectFrom('audit_log')
      .select('action')
      .where('organization_id', '=', orgA)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'registered',
        'created',
        'submit',
        'approved',
        'approve',
        'photo_added',
      ]),
    );

    const officerView = await laiChau.get(`/kenh-nguoi-ban/to-chuc/${orgA}`);
    expect(officerView.status).toBe(200);
    expect(await officerView.text()).toContain('Nhật ký thay đổi');
    expect((await laoCai.get(`/kenh-nguoi-ban/to-chuc/${orgA}`)).status).toBe(404);
    expect((await farmerB.get(`/kenh-nguoi-ban/to-chuc/${orgA}`)).status).toBe(404);
  });
});

describe('spreadsheet upload in the workspace', () => {
  const header =
    'cooperative,province,commune,name,description,group,category,unit,price_vnd,stock,ocop_stars,ocop_certificate_no,ocop_issued_on,gtin,weight_g,image';
  const upload = (csv: string) => {
    const form = new FormData();
    form.set('intent', 'preview');
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'san-pham.csv');
    return form;
  };

  it('previews every bad row and writes nothing', async () => {
    const before = await countRows('products');
    const csv = `${header}\nHTX Thử nghiệm A,Lai Châu,,Mứt mận,,food,,hộp,abc,1,,,,,,\nHTX Thử nghiệm B,Lai Châu,,Chè của người khác,,beverage,,gói,50000,1,,,,,,\n`;
    const response = await farmerA.post(`/kenh-nguoi-ban/to-chuc/${orgA}/nhap-csv`, upload(csv));
    expect(response.status).toBe(200);
    const html = (await response.text()).replaceAll('<!-- -->', '');
    expect(html).toContain('Chưa nhập gì: tệp có 2 lỗi');
    expect(html).toContain('Dòng 2 (price_vnd)');
    expect(html).toContain('Dòng 3 (cooperative)');
    expect(await countRows('products')).toBe(before);
  });

  it('previews good rows, then imports them as drafts of the member’s own organization', async () => {
    const csv = `${header}\nHTX Thử nghiệm A,Lai Châu,Xã Bình Lư,Mứt mận Tam Đường,Mứt mận sấy dẻo.,food,Mứt,hộp,65000,20,,,,,,\n`;
    const preview = await farmerA.post(`/kenh-nguoi-ban/to-chuc/${orgA}/nhap-csv`, upload(csv));
    const html = (await preview.text()).replaceAll('<!-- -->', '');
    expect(html).toContain('Xem trước: 1 sản phẩm hợp lệ');
    expect(
      await data.db
        .selectFrom('products')
        .select('id')
        .where('name', '=', 'Mứt mận Tam Đường')
        .executeTakeFirst(),
    ).toBeUndefined();
    const encoded = /name="csv" value="([^"]+)"/.exec(html)?.[1] ?? 'no csv in the preview';
    const imported = await farmerA.post(`/kenh-nguoi-ban/to-chuc/${orgA}/nhap-csv`, {
      intent: 'import',
      csv: encoded,
    });
    expect((await imported.text()).replaceAll('<!-- -->', '')).toContain('Đã nhập: 1 mới');
    const product = await data.db
      .selectFrom('products')
      .select(['status', 'organization_id', 'price_vnd'])
      .where('name', '=', 'Mứt mận Tam Đường')
      .executeTakeFirstOrThrow();
    expect(product).toEqual({ status: 'draft', organization_id: orgA, price_vnd: 65000 });
    expect(
      (await farmerB.post(`/kenh-nguoi-ban/to-chuc/${orgA}/nhap-csv`, upload(csv))).status,
    ).toBe(404);
  });
});

describe('organization logo', () => {
  it('the owner uploads a logo that the public cooperative page shows; another cooperative cannot', async () => {
    const form = () => {
      const f = new FormData();
      f.set('intent', 'logo');
      return f;
    };
    const png = await sharp({
      create: { width: 300, height: 300, channels: 3, background: '#2f6b3a' },
    })
      .png()
      .toBuffer();
    const theirs = form();
    theirs.set('logo', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'logo.png');
    expect((await farmerB.post(`/kenh-nguoi-ban/to-chuc/${orgA}`, theirs)).status).toBe(404);
    const mine = form();
    mine.set('logo', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'logo.png');
    expect((await farmerA.post(`/kenh-nguoi-ban/to-chuc/${orgA}`, mine)).status).toBe(200);
    const org = await data.db
      .selectFrom('organizations')
      .select(['slug', 'logo_key'])
      .where('id', '=', orgA)
      .executeTakeFirstOrThrow();
    expect(org.logo_key).toMatch(/^p\//);
    expect(await (await fetch(`${server.url}/hop-tac-xa/${org.slug}`)).text()).toContain(
      `/uploads/${org.logo_key}-320.webp`,
    );
  });
});
