import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { useWorkspace } from '../helpers/workspace';

// The seller workspace over HTTP, continued: spreadsheet import, the organization logo and stock.
const w = useWorkspace();

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
    const before = await w.countRows('products');
    const csv = `${header}\nHTX Thử nghiệm A,Lai Châu,,Mứt mận,,food,,hộp,abc,1,,,,,,\nHTX Thử nghiệm B,Lai Châu,,Chè của người khác,,beverage,,gói,50000,1,,,,,,\n`;
    const response = await w.farmerA.post(
      `/kenh-nguoi-ban/to-chuc/${w.orgA}/nhap-csv`,
      upload(csv),
    );
    expect(response.status).toBe(422);
    const html = (await response.text()).replaceAll('<!-- -->', '');
    expect(html).toContain('Chưa nhập gì: tệp có 2 lỗi');
    expect(html).toContain('Dòng 2 (price_vnd)');
    expect(html).toContain('Dòng 3 (cooperative)');
    expect(await w.countRows('products')).toBe(before);
  });

  it('previews good rows, then imports them as drafts of the member’s own organization', async () => {
    const csv = `${header}\nHTX Thử nghiệm A,Lai Châu,Xã Bình Lư,Mứt mận Tam Đường,Mứt mận sấy dẻo.,food,Mứt,hộp,65000,20,,,,,,\n`;
    const preview = await w.farmerA.post(`/kenh-nguoi-ban/to-chuc/${w.orgA}/nhap-csv`, upload(csv));
    const html = (await preview.text()).replaceAll('<!-- -->', '');
    expect(html).toContain('Xem trước: 1 sản phẩm hợp lệ');
    expect(
      await w.data.db
        .selectFrom('products')
        .select('id')
        .where('name', '=', 'Mứt mận Tam Đường')
        .executeTakeFirst(),
    ).toBeUndefined();
    const encoded = /name="csv" value="([^"]+)"/.exec(html)?.[1] ?? 'no csv in the preview';
    const imported = await w.farmerA.post(`/kenh-nguoi-ban/to-chuc/${w.orgA}/nhap-csv`, {
      intent: 'import',
      csv: encoded,
    });
    expect((await imported.text()).replaceAll('<!-- -->', '')).toContain('Đã nhập: 1 mới');
    const product = await w.data.db
      .selectFrom('products')
      .select(['status', 'organization_id', 'price_vnd'])
      .where('name', '=', 'Mứt mận Tam Đường')
      .executeTakeFirstOrThrow();
    expect(product).toEqual({ status: 'draft', organization_id: w.orgA, price_vnd: 65000 });
    expect(
      (await w.farmerB.post(`/kenh-nguoi-ban/to-chuc/${w.orgA}/nhap-csv`, upload(csv))).status,
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
    expect((await w.farmerB.post(`/kenh-nguoi-ban/to-chuc/${w.orgA}`, theirs)).status).toBe(404);
    const mine = form();
    mine.set('logo', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'logo.png');
    expect((await w.farmerA.post(`/kenh-nguoi-ban/to-chuc/${w.orgA}`, mine)).status).toBe(200);
    const org = await w.data.db
      .selectFrom('organizations')
      .select(['slug', 'logo_key'])
      .where('id', '=', w.orgA)
      .executeTakeFirstOrThrow();
    expect(org.logo_key).toMatch(/^p\//);
    expect(await (await fetch(`${w.server.url}/hop-tac-xa/${org.slug}`)).text()).toContain(
      `/uploads/${org.logo_key}-320.webp`,
    );
  });
});

describe('stock on the product page', () => {
  const stockOf = async () =>
    (
      await w.data.db
        .selectFrom('products')
        .select('stock')
        .where('id', '=', w.productA)
        .executeTakeFirstOrThrow()
    ).stock;
  const change = (delta: string, reason: string, headers: Record<string, string> = {}) =>
    w.farmerA.post(
      `/kenh-nguoi-ban/san-pham/${w.productA}`,
      { intent: 'stock', delta, reason },
      headers,
    );

  it('adds and removes units with a reason, shown in the history', async () => {
    const before = await stockOf();
    expect((await change('+12', 'Thu hoạch đợt 1')).status).toBe(200);
    expect((await change('−2', 'Hàng hỏng')).status).toBe(200);
    expect(await stockOf()).toBe(before + 10);
    const page = (
      await (await w.farmerA.get(`/kenh-nguoi-ban/san-pham/${w.productA}`)).text()
    ).replaceAll('<!-- -->', '');
    expect(page).toContain(`Tồn kho: ${before + 10}`);
    expect(page).toContain('Thu hoạch đợt 1');
    expect(page).toContain('Hàng hỏng');
  });

  it('refuses a change of zero or below zero, in the page’s language', async () => {
    const before = await stockOf();
    const zero = await change('0', 'x');
    expect(zero.status).toBe(400);
    expect(await zero.text()).toContain('Số lượng thay đổi phải là số nguyên khác 0.');
    const english = await change(String(-(before + 1)), 'x', {
      Cookie: `${w.farmerA.cookieHeader}; lang=en`,
    });
    expect(english.status).toBe(400);
    expect(await english.text()).toContain(`Stock cannot go below zero (now ${before}).`);
    expect(await stockOf()).toBe(before);
  });
});
