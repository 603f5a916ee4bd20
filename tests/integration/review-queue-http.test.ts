import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVnd } from '~/lib/money';
import { FormClient } from '../helpers/browser-less';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// Issue 17: approvals on /duyet were blind (names as plain text, no photo, description or scan) and
// phones read +842133876543.
let data: TestData;
let server: TestServer;
let farmer: FormClient;
let officer: FormClient;
let laoCai: FormClient;
let productId: number;
// The smallest valid PDF the upload check accepts as a certificate scan.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const plain = async (response: Response) =>
  (await response.text()).replaceAll('<!-- -->', '').replaceAll('&#x27;', "'");

beforeAll(async () => {
  data = copyTemplateDatabase();
  server = await startTestServer({ dataDir: data.dataDir });
  farmer = new FormClient(server.url);
  officer = new FormClient(server.url);
  laoCai = new FormClient(server.url);
  await farmer.post('/dang-ky', {
    displayName: 'Lò Thị Duyên',
    identifier: '0912 777 111',
    password: 'mat-khau-rat-dai',
  });
  await farmer.post('/kenh-nguoi-ban/to-chuc/moi?tinh=12', {
    provinceCode: '12',
    communeCode: '03390',
    name: 'HTX Chè Hồng Duyệt',
    kind: 'cooperative',
    phone: '0213 3876 543',
    addressLine: 'Bản Nà Cúm',
    taxCode: '6200123456',
    description: 'Hai mươi hộ trồng chè Shan tuyết.',
  });
  const org = await data.db
    .selectFrom('organizations')
    .select('id')
    .where('name', '=', 'HTX Chè Hồng Duyệt')
    .executeTakeFirstOrThrow();
  await farmer.post('/dang-nhap', { identifier: '0912777111', password: 'mat-khau-rat-dai' });
  const created = await farmer.post(`/kenh-nguoi-ban/san-pham/moi?to-chuc=${org.id}`, {
    name: 'Chè Shan tuyết Hồng Duyệt',
    group: 'beverage',
    unit: 'gói',
    priceVnd: '180.000',
    category: 'Chè',
    description: 'Chè búp hái tay trên cây cổ thụ.',
  });
  productId = Number(created.headers.get('location')!.split('/').pop());
  await farmer.post(`/kenh-nguoi-ban/san-pham/${productId}`, { intent: 'submit' });
  const claim = new FormData();
  for (const [k, v] of Object.entries({
    intent: 'ocop',
    stars: '4',
    certificateNo: '777/QĐ-UBND',
    issuer: 'UBND tỉnh Lai Châu',
    issuedOn: '2025-06-01',
    expiresOn: '',
  }))
    claim.set(k, v);
  claim.set('scan', new Blob([PDF], { type: 'application/pdf' }), 'chung-nhan.pdf');
  const claimed = await farmer.post(`/kenh-nguoi-ban/san-pham/${productId}`, claim);
  expect(claimed.status, await claimed.clone().text()).toBeLessThan(400);
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

describe('the review queue shows what is being approved', () => {
  it('shows the organization, with its phone as people write it, and its history', async () => {
    const html = await plain(await officer.get('/duyet'));
    expect(html).toContain('HTX Chè Hồng Duyệt');
    expect(html).toContain('0213 3876 543');
    expect(html).not.toContain('+842133876543');
    expect(html).toContain('Bản Nà Cúm');
    expect(html).toContain('MST 6200123456');
    expect(html).toContain('Hai mươi hộ trồng chè Shan tuyết.');
    expect(html).toMatch(/Đã đăng bán 0 · chờ duyệt 1 · bị từ chối 0 · trả lại 0/);
  });

  it('shows the listing with its description and price, and the claim with its scan', async () => {
    const html = await plain(await officer.get('/duyet'));
    expect(html).toContain('Chè búp hái tay trên cây cổ thụ.');
    expect(html).toContain(`${formatVnd(180_000)} / gói`);
    expect(html).toContain(`href="/duyet/chung-nhan/${productId}"`);
    const scan = await officer.get(`/duyet/chung-nhan/${productId}`);
    expect(scan.status).toBe(200);
    expect(scan.headers.get('content-type')).toBe('application/pdf');
    expect(scan.headers.get('content-security-policy')).toBe('sandbox');
    expect(Buffer.from(await scan.arrayBuffer()).equals(PDF)).toBe(true);
    // The cooperative sees its own scan too.
    expect((await farmer.get(`/duyet/chung-nhan/${productId}`)).status).toBe(200);
  });

  it('links an approved organization to its public page', async () => {
    const html = await plain(await officer.get('/duyet'));
    expect(html).not.toContain('href="/hop-tac-xa/htx-che-hong-duyet"');
    const demoOrg = await data.db
      .selectFrom('organizations')
      .select('slug')
      .where('province_code', '=', '12')
      .where('verification_state', '=', 'approved')
      .executeTakeFirstOrThrow();
    const demoProduct = await data.db
      .selectFrom('products as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .select('p.id')
      .where('o.slug', '=', demoOrg.slug)
      .executeTakeFirstOrThrow();
    await data.db
      .updateTable('products')
      .set({ status: 'submitted', submitted_at: new Date().toISOString() })
      .where('id', '=', demoProduct.id)
      .execute();
    expect(await plain(await officer.get('/duyet'))).toContain(
      `href="/hop-tac-xa/${demoOrg.slug}"`,
    );
  });

  it('keeps the scan from another province, strangers and bad ids', async () => {
    expect((await laoCai.get(`/duyet/chung-nhan/${productId}`)).status).toBe(404);
    expect((await new FormClient(server.url).get(`/duyet/chung-nhan/${productId}`)).status).toBe(
      404,
    );
    expect((await officer.get('/duyet/chung-nhan/999999')).status).toBe(404);
    expect((await officer.get('/duyet/chung-nhan/abc')).status).toBe(404);
  });
});

describe("the seller's preview of the buyer's page", () => {
  it('shows a listing waiting for review to its cooperative only', async () => {
    const href = `/kenh-nguoi-ban/san-pham/${productId}/xem-truoc`;
    const page = await farmer.get(href);
    expect(page.status).toBe(200);
    const html = await plain(page);
    expect(html).toContain('Bản xem trước: người mua thấy trang này');
    expect(html).toContain('Trạng thái hiện tại: Chờ duyệt.');
    expect(html).toContain('<h1>Chè Shan tuyết Hồng Duyệt</h1>');
    expect(html).toContain('Chè búp hái tay trên cây cổ thụ.');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(await plain(await farmer.get(`/kenh-nguoi-ban/san-pham/${productId}`))).toContain(
      `href="${href}"`,
    );
    expect((await officer.get(href)).status).toBe(404);
    expect((await new FormClient(server.url).get(href)).status).toBe(302);
    expect((await farmer.get('/kenh-nguoi-ban/san-pham/999999/xem-truoc')).status).toBe(404);
    // Still not in the shop itself.
    expect((await farmer.get('/san-pham/che-shan-tuyet-hong-duyet')).status).toBe(404);
  });
});
