import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { FormClient } from '../helpers/browser-less';
import { refreshEmbeddedSearch } from '../helpers/search';
import { useWorkspace } from '../helpers/workspace';

// The seller workspace over HTTP: accounts, access between cooperatives, photo uploads and review.
// Spreadsheets, logos and stock are in workspace-files-http.test.ts.
const w = useWorkspace();

describe('accounts', () => {
  it('stores the phone number normalised and never the password', async () => {
    const user = await w.data.db
      .selectFrom('users')
      .selectAll()
      .where('phone', '=', '+84912345678')
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(
      await w.data.db
        .selectFrom('users')
        .select('id')
        .where('phone', '=', '+84987654321')
        .executeTakeFirst(),
    ).toBeDefined();
  });

  it('keeps only a hash of the session id, in an httpOnly SameSite=Lax cookie', async () => {
    const client = new FormClient(w.server.url);
    const response = await client.post('/dang-nhap', {
      identifier: '0912.345.678',
      password: 'mat-khau-rat-dai',
    });
    expect(response.status).toBe(302);
    const cookie = response.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/__session=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Lax/);
    const token = /__session=([^;]+)/.exec(cookie)?.[1] ?? 'no session cookie';
    expect(
      await w.data.db
        .selectFrom('sessions')
        .select('id_hash')
        .where('id_hash', '=', token)
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('refuses a weak password and a taken phone with clear Vietnamese messages', async () => {
    const weak = await new FormClient(w.server.url).post('/dang-ky', {
      displayName: 'Ai đó',
      identifier: '0901111222',
      password: '12345678',
    });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain('Mật khẩu này quá dễ đoán');
    const taken = await new FormClient(w.server.url).post('/dang-ky', {
      displayName: 'Ai đó',
      identifier: '0912345678',
      password: 'mot-mat-khau-khac',
    });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('đã có tài khoản');
  });

  it('rate-limits sign-in failures per account with a clear message', async () => {
    const client = new FormClient(w.server.url);
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
    expect((await w.farmerB.get(`/kenh-nguoi-ban/san-pham/${w.productA}`)).status).toBe(404);
    const sections: Array<Record<string, string>> = [
      { intent: 'basics', name: 'Chiếm quyền', group: 'food' },
      { intent: 'price', unit: 'gói', priceVnd: '1000' },
      { intent: 'shipping', weightG: '1' },
      { intent: 'certifications', cert_vietgap: 'on' },
    ];
    for (const fields of sections) {
      const edit = await w.farmerB.post(`/kenh-nguoi-ban/san-pham/${w.productA}`, fields);
      expect(edit.status).toBe(404);
    }
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
    expect((await w.farmerB.post(`/kenh-nguoi-ban/san-pham/${w.productA}`, photo)).status).toBe(
      404,
    );
    expect((await w.farmerB.get(`/kenh-nguoi-ban/to-chuc/${w.orgA}`)).status).toBe(404);
    expect((await w.farmerB.get(`/kenh-nguoi-ban/san-pham/moi?to-chuc=${w.orgA}`)).status).toBe(
      404,
    );
    const product = await w.data.db
      .selectFrom('products')
      .select(['name', 'price_vnd'])
      .where('id', '=', w.productA)
      .executeTakeFirstOrThrow();
    expect(product).toEqual({ name: 'Chè búp thử nghiệm', price_vnd: 120000 });
  });

  it('sends a signed-out visitor to sign in and back', async () => {
    const response = await new FormClient(w.server.url).get(
      `/kenh-nguoi-ban/san-pham/${w.productA}`,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(
      `/dang-nhap?redirectTo=${encodeURIComponent(`/kenh-nguoi-ban/san-pham/${w.productA}`)}`,
    );
  });

  it('rejects a cross-site form post', async () => {
    const response = await w.farmerA.post(
      `/kenh-nguoi-ban/san-pham/${w.productA}`,
      { intent: 'archive' },
      { Origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    expect(
      (
        await w.data.db
          .selectFrom('products')
          .select('status')
          .where('id', '=', w.productA)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('draft');
  });
});

describe('uploads', () => {
  it('refuses a renamed executable and an oversize file, and keeps nothing', async () => {
    const before = await w.countRows('product_images');
    const fake = new FormData();
    fake.set('intent', 'photo');
    fake.set(
      'photo',
      new Blob([Buffer.from('\x7fELF\x02\x01\x01 not really a photo')], { type: 'image/jpeg' }),
      'anh.jpg',
    );
    const typeResponse = await w.farmerA.post(`/kenh-nguoi-ban/san-pham/${w.productA}`, fake);
    expect(typeResponse.status).toBe(415);
    expect(await typeResponse.text()).toContain('Chỉ nhận ảnh JPEG, PNG hoặc WebP.');
    const big = new FormData();
    big.set('intent', 'photo');
    big.set(
      'photo',
      new Blob([Buffer.alloc(11 * 1024 * 1024, 1)], { type: 'image/jpeg' }),
      'big.jpg',
    );
    const sizeResponse = await w.farmerA.post(`/kenh-nguoi-ban/san-pham/${w.productA}`, big);
    expect(sizeResponse.status).toBe(413);
    expect(await sizeResponse.text()).toContain('Tệp quá lớn: tối đa 10 MB.');
    expect(await w.countRows('product_images')).toBe(before);
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
    expect((await w.farmerA.post(`/kenh-nguoi-ban/san-pham/${w.productA}`, form)).status).toBe(200);
    const image = await w.data.db
      .selectFrom('product_images')
      .select('storage_key')
      .where('product_id', '=', w.productA)
      .executeTakeFirstOrThrow();
    const served = await fetch(`${w.server.url}/uploads/${image.storage_key}-640.webp`);
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.exif).toBeUndefined();
  });
});

describe('review by the trade office', () => {
  it('an officer of another province cannot approve; the Lai Châu officer can, and only then is the product searchable', async () => {
    expect(
      (await w.farmerA.post(`/kenh-nguoi-ban/san-pham/${w.productA}`, { intent: 'submit' })).status,
    ).toBe(200);
    const laoCai = new FormClient(w.server.url);
    await laoCai.post('/dang-nhap', {
      identifier: 'socongthuong.laocai@chophien.test',
      password: 'chophien-officer-demo',
    });
    const refused = await laoCai.post('/duyet', {
      intent: 'organization',
      id: String(w.orgA),
      decision: 'approve',
    });
    expect(refused.status).toBe(403);

    const laiChau = new FormClient(w.server.url);
    await laiChau.post('/dang-nhap', {
      identifier: 'socongthuong.laichau@chophien.test',
      password: 'chophien-officer-demo',
    });
    const early = await laiChau.post('/duyet', {
      intent: 'listing',
      id: String(w.productA),
      decision: 'approve',
    });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('Hãy duyệt hợp tác xã trước');
    const noReason = await laiChau.post('/duyet', {
      intent: 'organization',
      id: String(w.orgA),
      decision: 'reject',
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(
      (
        await laiChau.post('/duyet', {
          intent: 'organization',
          id: String(w.orgA),
          decision: 'approve',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await laiChau.post('/duyet', {
          intent: 'listing',
          id: String(w.productA),
          decision: 'approve',
        })
      ).status,
    ).toBe(200);
    // The w.server's outbox drain does this within a second; the test does not wait for it.
    await refreshEmbeddedSearch(w.data.db);
    const search = (await (
      await fetch(`${w.server.url}/api/search?q=che+bup+thu+nghiem`)
    ).json()) as { hits: Array<{ id: number }> };
    expect(search.hits[0]?.id).toBe(w.productA);
    const audit = await w.data.db
      .selectFrom('audit_log')
      .select('action')
      .where('organization_id', '=', w.orgA)
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

    const officerView = await laiChau.get(`/kenh-nguoi-ban/to-chuc/${w.orgA}`);
    expect(officerView.status).toBe(200);
    expect(await officerView.text()).toContain('Nhật ký thay đổi');
    expect((await laoCai.get(`/kenh-nguoi-ban/to-chuc/${w.orgA}`)).status).toBe(404);
    expect((await w.farmerB.get(`/kenh-nguoi-ban/to-chuc/${w.orgA}`)).status).toBe(404);
  });
});
