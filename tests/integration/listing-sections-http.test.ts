import { describe, expect, it } from 'vitest';
import { useWorkspace } from '../helpers/workspace';

// Issue 17: the seller's listing edit page is short sections, each its own form with its own intent
// and schema, that save only their own fields and answer in their own place (without JavaScript: a
// plain POST that re-renders the page).
const w = useWorkspace();
const page = () => `/kenh-nguoi-ban/san-pham/${w.productA}`;
const plain = async (response: Response) =>
  (await response.text()).replaceAll('<!-- -->', '').replaceAll('&#x27;', "'");

/** The HTML of one section of the page, from its opening tag to the next section's. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  if (start < 0) throw new Error(`no section ${id}`);
  const end = html.indexOf('<section', start + 1);
  return html.slice(start, end < 0 ? undefined : end);
}

const SECTIONS = ['co-ban', 'gia', 'anh', 'ocop', 'giao-hang'];

async function product() {
  const row = await w.data.db
    .selectFrom('products')
    .select([
      'name',
      'ocop_group',
      'category',
      'description',
      'price_vnd',
      'unit',
      'net_quantity',
      'weight_g',
      'gtin',
      'origin_commune_code',
      'stock',
    ])
    .where('id', '=', w.productA)
    .executeTakeFirstOrThrow();
  const certifications = await w.data.db
    .selectFrom('certifications')
    .select(['kind', 'reference'])
    .where('product_id', '=', w.productA)
    .orderBy('id')
    .execute();
  return { ...row, certifications };
}

describe('the edit page in sections', () => {
  it('has a section link list and one form per section, each with its own intent', async () => {
    const html = await plain(await w.farmerA.get(page()));
    for (const id of SECTIONS) expect(html).toContain(`href="#${id}"`);
    const intents = [...html.matchAll(/name="intent" value="([^"]+)"/g)].map((m) => m[1]);
    expect(intents).toEqual(
      expect.arrayContaining(['basics', 'price', 'stock', 'photo', 'ocop', 'certifications']),
    );
    expect(intents).toContain('shipping');
    expect(section(html, 'co-ban')).toContain('name="name"');
    expect(section(html, 'co-ban')).not.toContain('name="priceVnd"');
    expect(section(html, 'gia')).toContain('name="priceVnd"');
    expect(section(html, 'gia')).toContain('name="delta"');
    expect(section(html, 'giao-hang')).toContain('name="weightG"');
    expect(section(html, 'ocop')).toContain('name="cert_vietgap"');
    // Each form posts back to its own section, so a page re-rendered without JavaScript opens there.
    expect(section(html, 'gia')).toContain(`action="${page()}#gia"`);
  });

  it('saves the basics only, and says so in that section', async () => {
    const before = await product();
    const response = await w.farmerA.post(page(), {
      intent: 'basics',
      name: 'Chè búp Sìn Hồ',
      group: 'beverage',
      category: 'Chè xanh',
      description: 'Hái tay, sao chảo gang.',
      // Fields of other sections in the body are not this form's: ignored.
      priceVnd: '1',
      unit: 'tấn',
    });
    expect(response.status).toBe(200);
    const html = await plain(response);
    expect(section(html, 'co-ban')).toContain('Đã lưu thông tin cơ bản.');
    expect(section(html, 'gia')).not.toContain('Đã lưu');
    expect(await product()).toEqual({
      ...before,
      name: 'Chè búp Sìn Hồ',
      category: 'Chè xanh',
      description: 'Hái tay, sao chảo gang.',
    });
  });

  it('refuses bad basics with each field’s message in that section, writing nothing', async () => {
    const before = await product();
    const response = await w.farmerA.post(page(), {
      intent: 'basics',
      name: 'ab',
      group: 'sweets',
      description: 'x'.repeat(5001),
    });
    expect(response.status).toBe(400);
    const html = await plain(response);
    const basics = section(html, 'co-ban');
    expect(basics).toContain('Tên sản phẩm cần 3–150 ký tự.');
    expect(basics).toContain('value="ab"');
    expect(section(html, 'gia')).not.toContain('role="alert"');
    expect(await product()).toEqual(before);
  });

  it('refuses a name the cooperative already uses (409) in the basics section', async () => {
    const other = await w.farmerA.post(`/kenh-nguoi-ban/san-pham/moi?to-chuc=${w.orgA}`, {
      name: 'Mật ong thử nghiệm',
      group: 'food',
      unit: 'hũ',
      priceVnd: '200.000',
    });
    expect(other.status).toBe(302);
    const response = await w.farmerA.post(page(), {
      intent: 'basics',
      name: 'Mật ong thử nghiệm',
      group: 'food',
    });
    expect(response.status).toBe(409);
    expect(section(await plain(response), 'co-ban')).toContain('role="alert"');
  });

  it('saves the price and unit only; a bad price is refused in English too', async () => {
    const before = await product();
    const saved = await w.farmerA.post(page(), {
      intent: 'price',
      priceVnd: '135.000',
      unit: 'hộp',
      netQuantity: '250 g',
    });
    expect(saved.status).toBe(200);
    expect(section(await plain(saved), 'gia')).toContain('Đã lưu giá.');
    const after = await product();
    expect(after).toEqual({ ...before, price_vnd: 135_000, unit: 'hộp', net_quantity: '250 g' });

    const refused = await w.farmerA.post(
      page(),
      { intent: 'price', priceVnd: 'một trăm', unit: '' },
      { Cookie: `${w.farmerA.cookieHeader}; lang=en` },
    );
    expect(refused.status).toBe(400);
    const price = section(await plain(refused), 'gia');
    expect(price).toContain('The price must be a positive whole number of đồng');
    expect(price).toContain('Enter the unit (e.g. pack, box, kg).');
    expect(await product()).toEqual(after);
  });

  it('keeps the stock change its own form in the price section', async () => {
    const before = await product();
    const response = await w.farmerA.post(page(), {
      intent: 'stock',
      delta: '+12',
      reason: 'Thu hoạch',
    });
    expect(response.status).toBe(200);
    expect(section(await plain(response), 'gia')).toContain('Đã cập nhật tồn kho.');
    expect(await product()).toEqual({ ...before, stock: before.stock + 12 });
  });

  it('saves shipping and origin only, and refuses a bad weight, GTIN or commune', async () => {
    const before = await product();
    const saved = await w.farmerA.post(page(), {
      intent: 'shipping',
      weightG: '300',
      originCommuneCode: '03390',
      gtin: '',
    });
    expect(saved.status).toBe(200);
    expect(section(await plain(saved), 'giao-hang')).toContain('Đã lưu giao hàng và nguồn gốc.');
    const after = await product();
    expect(after).toEqual({ ...before, weight_g: 300, origin_commune_code: '03390' });

    const refused = await w.farmerA.post(page(), {
      intent: 'shipping',
      weightG: '-5',
      gtin: '8930000000001',
      originCommuneCode: '03390',
    });
    expect(refused.status).toBe(400);
    const shipping = section(await plain(refused), 'giao-hang');
    expect(shipping).toContain('Khối lượng là số gam nguyên dương.');
    expect(shipping).toContain('Mã vạch GTIN sai (độ dài hoặc số kiểm tra).');

    const elsewhere = await w.data.db
      .selectFrom('communes')
      .select('code')
      .where('province_code', '!=', '12')
      .executeTakeFirstOrThrow();
    const outside = await w.farmerA.post(page(), {
      intent: 'shipping',
      weightG: '300',
      originCommuneCode: elsewhere.code,
    });
    expect(outside.status).toBeGreaterThanOrEqual(400);
    expect(section(await plain(outside), 'giao-hang')).toContain(
      'Xã, phường xuất xứ phải thuộc tỉnh của hợp tác xã.',
    );
    expect(await product()).toEqual(after);
  });

  it('saves the other certifications only, and other sections leave them alone', async () => {
    const saved = await w.farmerA.post(page(), {
      intent: 'certifications',
      cert_vietgap: 'on',
      cert_vietgap_ref: 'VG-2026-01',
      cert_organic_ref: 'not ticked',
    });
    expect(saved.status).toBe(200);
    expect(section(await plain(saved), 'ocop')).toContain('Đã lưu chứng nhận khác.');
    const after = await product();
    expect(after.certifications).toEqual([{ kind: 'vietgap', reference: 'VG-2026-01' }]);
    // Saving the basics (which no longer carries the checkboxes) keeps the certifications.
    expect(
      (
        await w.farmerA.post(page(), {
          intent: 'basics',
          name: after.name,
          group: after.ocop_group,
          category: after.category,
          description: after.description,
        })
      ).status,
    ).toBe(200);
    expect(await product()).toEqual(after);
  });

  it('audits each section’s save with only what it changed', async () => {
    await w.farmerA.post(page(), {
      intent: 'price',
      priceVnd: '140.000',
      unit: 'hộp',
      netQuantity: '250 g',
    });
    const last = await w.data.db
      .selectFrom('audit_log')
      .select('changes')
      .where('entity_type', '=', 'product')
      .where('entity_id', '=', w.productA)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(last.changes))).toEqual({ price_vnd: [135_000, 140_000] });
  });

  it('answers an unknown intent at the top, changing nothing', async () => {
    const before = await product();
    const response = await w.farmerA.post(page(), { intent: 'save', name: 'Tên mới' });
    expect(response.status).toBe(400);
    expect(await product()).toEqual(before);
  });
});
