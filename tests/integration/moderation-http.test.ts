import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../helpers/browser-less';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// "Request changes", the officer's third decision: the item goes back to the cooperative with the
// note, is not public, the cooperative sees the note and resubmits; every decision is in the audit log.
let data: TestData;
let server: TestServer;
let farmer: FormClient;
let stranger: FormClient;
let officer: FormClient;
let laoCai: FormClient;
let orgId: number;
let orgSlug: string;
let productId: number;

const plain = async (response: Response) =>
  (await response.text()).replaceAll('<!-- -->', '').replaceAll('&quot;', '"');
const audit = (entityType: string, entityId: number) =>
  data.db
    .selectFrom('audit_log')
    .select(['action', 'changes', 'actor_user_id'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
const decide = (client: FormClient, intent: string, id: number, decision: string, reason = '') =>
  client.post('/duyet', { intent, id: String(id), decision, reason });

beforeAll(async () => {
  data = copyTemplateDatabase();
  server = await startTestServer({ dataDir: data.dataDir });
  farmer = new FormClient(server.url);
  stranger = new FormClient(server.url);
  officer = new FormClient(server.url);
  laoCai = new FormClient(server.url);
  expect(
    (
      await farmer.post('/dang-ky', {
        displayName: 'Lò Văn Pản',
        identifier: '0912 222 333',
        password: 'mat-khau-rat-dai',
      })
    ).status,
  ).toBe(302);
  expect(
    (
      await stranger.post('/dang-ky', {
        displayName: 'Người lạ',
        identifier: '0912 444 555',
        password: 'mat-khau-rat-dai',
      })
    ).status,
  ).toBe(302);
  expect(
    (
      await farmer.post('/kenh-nguoi-ban/to-chuc/moi?tinh=12', {
        provinceCode: '12',
        communeCode: '03390',
        name: 'HTX Bổ sung Tam Đường',
        kind: 'cooperative',
        phone: '0912000222',
        addressLine: 'Bản 2',
        taxCode: '',
        description: '',
      })
    ).status,
  ).toBe(302);
  const org = await data.db
    .selectFrom('organizations')
    .select(['id', 'slug'])
    .where('name', '=', 'HTX Bổ sung Tam Đường')
    .executeTakeFirstOrThrow();
  [orgId, orgSlug] = [org.id, org.slug];
  // The cooperative signs in again so its session knows the new membership.
  await farmer.post('/dang-nhap', { identifier: '0912222333', password: 'mat-khau-rat-dai' });
  const created = await farmer.post(`/kenh-nguoi-ban/san-pham/moi?to-chuc=${orgId}`, {
    name: 'Chè búp Bổ sung',
    group: 'beverage',
    unit: 'gói',
    priceVnd: '150.000',
    category: 'Chè',
  });
  expect(created.status).toBe(302);
  productId = Number(created.headers.get('location')!.split('/').pop());
  await officer.post('/dang-nhap', {
    identifier: 'socongthuong.laichau@chophien.test',
    password: 'chophien-officer-demo',
  });
  await laoCai.post('/dang-nhap', {
    identifier: 'socongthuong.laocai@chophien.test',
    password: 'chophien-officer-demo',
  });
});
afterAll(async () => {
  await server?.stop();
  await data?.cleanup();
});

describe('request changes on an organization', () => {
  it('needs a note, and refuses officers of other provinces and unknown decisions', async () => {
    const noNote = await decide(officer, 'organization', orgId, 'request_changes', '  ');
    expect(noNote.status).toBe(400);
    expect(await plain(noNote)).toContain('Hãy ghi cần bổ sung gì để hợp tác xã biết cách sửa.');
    expect(
      (await decide(laoCai, 'organization', orgId, 'request_changes', 'Thiếu mã số thuế')).status,
    ).toBe(403);
    expect((await decide(officer, 'organization', orgId, 'maybe', 'x')).status).toBe(400);
    expect(
      await data.db
        .selectFrom('organizations')
        .select('verification_state')
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ verification_state: 'pending' });
  });

  it('sends it back with the note, hides it, shows the note to the cooperative, and takes it back when resubmitted', async () => {
    expect(
      await officer
        .get('/so-cong-thuong/chi-tiet/csv?tinh=12&figure=queue-organizations')
        .then(plain),
    ).toContain('HTX Bổ sung Tam Đường');
    expect(
      (
        await decide(
          officer,
          'organization',
          orgId,
          'request_changes',
          'Bổ sung mã số thuế và địa chỉ cụ thể',
        )
      ).status,
    ).toBe(200);
    expect(
      await data.db
        .selectFrom('organizations')
        .select(['verification_state', 'rejection_reason'])
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      verification_state: 'changes_requested',
      rejection_reason: 'Bổ sung mã số thuế và địa chỉ cụ thể',
    });
    expect((await fetch(`${server.url}/hop-tac-xa/${orgSlug}`)).status).toBe(404);
    expect(await plain(await officer.get('/duyet'))).not.toContain('HTX Bổ sung Tam Đường');

    const home = await plain(await farmer.get('/kenh-nguoi-ban'));
    expect(home).toContain('Cần bổ sung');
    expect(home).toContain('Sở Công Thương yêu cầu bổ sung: Bổ sung mã số thuế và địa chỉ cụ thể');
    expect(home).toContain('Đã bổ sung, gửi duyệt lại');

    expect(
      (
        await stranger.post(`/kenh-nguoi-ban/to-chuc/${orgId}`, {
          intent: 'resubmit',
          note: 'xin duyệt',
        })
      ).status,
    ).toBe(404);
    const resubmitted = await farmer.post(`/kenh-nguoi-ban/to-chuc/${orgId}`, {
      intent: 'resubmit',
      note: 'Đã thêm mã số thuế',
    });
    expect(resubmitted.status).toBe(200);
    expect(await plain(resubmitted)).toContain('Đã gửi duyệt lại.');
    expect(
      (await farmer.post(`/kenh-nguoi-ban/to-chuc/${orgId}`, { intent: 'resubmit', note: '' }))
        .status,
    ).toBe(409);
    expect(await plain(await officer.get('/duyet'))).toContain('HTX Bổ sung Tam Đường');
    expect((await fetch(`${server.url}/hop-tac-xa/${orgSlug}`)).status).toBe(200);

    const log = await audit('organization', orgId);
    expect(log.map((a) => a.action)).toEqual(['registered', 'changes_requested', 'resubmitted']);
    expect(JSON.parse(log[1]?.changes ?? 'null')).toEqual({
      verification_state: ['pending', 'changes_requested'],
      reason: [null, 'Bổ sung mã số thuế và địa chỉ cụ thể'],
    });
    expect(JSON.parse(log[2]?.changes ?? 'null').note).toEqual([null, 'Đã thêm mã số thuế']);
    expect((await decide(officer, 'organization', orgId, 'approve')).status).toBe(200);
  });
});

describe('request changes on a listing', () => {
  it('refuses it for a listing that is not waiting for review', async () => {
    const early = await decide(officer, 'listing', productId, 'request_changes', 'Ảnh mờ');
    expect(early.status).toBe(409);
    expect(await plain(early)).toContain(
      'Không thể thực hiện khi sản phẩm ở trạng thái “Bản nháp”.',
    );
  });

  it('sends the listing back with the note; the cooperative sees it, fixes it and submits again', async () => {
    expect(
      (await farmer.post(`/kenh-nguoi-ban/san-pham/${productId}`, { intent: 'submit' })).status,
    ).toBe(200);
    expect((await decide(laoCai, 'listing', productId, 'request_changes', 'Ảnh mờ')).status).toBe(
      403,
    );
    expect((await decide(officer, 'listing', productId, 'request_changes', '')).status).toBe(400);
    expect(
      (
        await decide(
          officer,
          'listing',
          productId,
          'request_changes',
          'Thêm ảnh rõ nét và khối lượng tịnh',
        )
      ).status,
    ).toBe(200);
    const product = await data.db
      .selectFrom('products')
      .select(['status', 'rejection_reason', 'slug'])
      .where('id', '=', productId)
      .executeTakeFirstOrThrow();
    expect(product).toMatchObject({
      status: 'changes_requested',
      rejection_reason: 'Thêm ảnh rõ nét và khối lượng tịnh',
    });
    expect((await fetch(`${server.url}/san-pham/${product.slug}`)).status).toBe(404);

    const page = await plain(await farmer.get(`/kenh-nguoi-ban/san-pham/${productId}`));
    expect(page).toContain('Cần bổ sung');
    expect(page).toContain('Sở Công Thương yêu cầu bổ sung: Thêm ảnh rõ nét và khối lượng tịnh');
    expect(page).toContain('Gửi duyệt để đăng bán');
    expect(await plain(await farmer.get('/kenh-nguoi-ban'))).toContain(
      'Thêm ảnh rõ nét và khối lượng tịnh',
    );

    expect(
      (await farmer.post(`/kenh-nguoi-ban/san-pham/${productId}`, { intent: 'submit' })).status,
    ).toBe(200);
    expect(
      await data.db
        .selectFrom('products')
        .select(['status', 'rejection_reason'])
        .where('id', '=', productId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'submitted', rejection_reason: null });
    expect((await decide(officer, 'listing', productId, 'approve')).status).toBe(200);
    expect((await fetch(`${server.url}/san-pham/${product.slug}`)).status).toBe(200);
    const log = await audit('product', productId);
    expect(log.map((a) => a.action)).toEqual([
      'created',
      'submit',
      'request_changes',
      'submit',
      'approve',
    ]);
    expect(JSON.parse(log[2]?.changes ?? 'null')).toEqual({
      status: ['submitted', 'changes_requested'],
      reason: [null, 'Thêm ảnh rõ nét và khối lượng tịnh'],
    });
  });
});

describe('request changes on an OCOP claim', () => {
  const claim = {
    intent: 'ocop',
    stars: '4',
    certificateNo: '1299/QĐ-UBND',
    issuer: 'UBND tỉnh Lai Châu',
    issuedOn: '15/03/2025',
    expiresOn: '',
  };

  it('sends the claim back without a badge; the cooperative sees the note and sends the same claim again', async () => {
    expect((await farmer.post(`/kenh-nguoi-ban/san-pham/${productId}`, claim)).status).toBe(200);
    expect((await decide(officer, 'ocop', productId, 'request_changes', '')).status).toBe(400);
    expect(
      (await decide(laoCai, 'ocop', productId, 'request_changes', 'Thiếu bản scan')).status,
    ).toBe(403);
    expect(
      (
        await decide(
          officer,
          'ocop',
          productId,
          'request_changes',
          'Thiếu bản scan giấy chứng nhận',
        )
      ).status,
    ).toBe(200);
    expect(
      await data.db
        .selectFrom('ocop_certificates')
        .select(['review_state', 'review_note'])
        .where('product_id', '=', productId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ review_state: 'changes_requested', review_note: 'Thiếu bản scan giấy chứng nhận' });
    const slug = (
      await data.db
        .selectFrom('products')
        .select('slug')
        .where('id', '=', productId)
        .executeTakeFirstOrThrow()
    ).slug;
    expect(await plain(await fetch(`${server.url}/san-pham/${slug}`))).not.toContain(
      '1299/QĐ-UBND',
    );

    const page = await plain(await farmer.get(`/kenh-nguoi-ban/san-pham/${productId}`));
    expect(page).toContain('Cần bổ sung');
    expect(page).toContain('Thiếu bản scan giấy chứng nhận');
    expect(await plain(await farmer.get('/kenh-nguoi-ban'))).toContain('(cần bổ sung)');

    expect((await farmer.post(`/kenh-nguoi-ban/san-pham/${productId}`, claim)).status).toBe(200);
    expect(
      await data.db
        .selectFrom('ocop_certificates')
        .select(['review_state', 'review_note'])
        .where('product_id', '=', productId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ review_state: 'pending', review_note: null });
    expect((await decide(officer, 'ocop', productId, 'approve')).status).toBe(200);
    const log = await audit('certificate', productId);
    expect(log.map((a) => a.action)).toEqual([
      'claimed',
      'changes_requested',
      'claimed',
      'approved',
    ]);
    expect(JSON.parse(log[1]?.changes ?? 'null')).toEqual({
      review_state: ['pending', 'changes_requested'],
      note: [null, 'Thiếu bản scan giấy chứng nhận'],
    });
  });

  it('still rejects with a reason, which the cooperative sees', async () => {
    expect(
      (
        await farmer.post(`/kenh-nguoi-ban/san-pham/${productId}`, {
          ...claim,
          certificateNo: '1300/QĐ-UBND',
        })
      ).status,
    ).toBe(200);
    expect(
      (await decide(officer, 'ocop', productId, 'reject', 'Số chứng nhận không có trong sổ'))
        .status,
    ).toBe(200);
    const page = await plain(await farmer.get(`/kenh-nguoi-ban/san-pham/${productId}`));
    expect(page).toContain('Bị từ chối');
    expect(page).toContain('Số chứng nhận không có trong sổ');
    expect((await audit('certificate', productId)).at(-1)!.action).toBe('rejected');
  });
});
