import { expectNoSeriousAxeViolations, PHONE } from './a11y';
import { expect, test } from './fixtures';
import { farmerWithCooperative } from './flows';

test.use(PHONE);

// Issue 17: on a 390 px phone the listing edit page is short sections reached from links at the top,
// each its own form that saves apart and answers in its own place, with JavaScript and without.
test('a farmer edits two sections of a listing separately on a phone', async ({
  page,
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const product = `Chè Shan tuyết Sìn Hồ ${suffix}`;
  await farmerWithCooperative(page, `HTX Chè ${suffix}`, 'Xã Sìn Hồ');
  await page.goto('/kenh-nguoi-ban');
  await page.getByRole('link', { name: '+ Thêm sản phẩm' }).click();
  await page.getByLabel('Tên sản phẩm').fill(product);
  await page.getByLabel('Nhóm sản phẩm OCOP').selectOption('beverage');
  await page.getByLabel('Giá bán (đồng)').fill('250.000');
  await page.getByLabel('Đơn vị tính').fill('gói');
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(product);
  const editUrl = page.url();

  // Links to each section, and one short form per section rather than one long one.
  const nav = page.getByRole('navigation', { name: 'Các phần của sản phẩm' });
  for (const name of [
    'Thông tin cơ bản',
    'Giá và tồn kho',
    'Ảnh',
    'OCOP và chứng nhận',
    'Giao hàng và nguồn gốc',
  ])
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  const basics = page.getByRole('form', { name: 'Thông tin cơ bản' });
  const price = page.getByRole('form', { name: /^Giá và tồn kho/ });
  const shipping = page.getByRole('form', { name: 'Giao hàng và nguồn gốc' });
  for (const form of [basics, price, shipping]) await expect(form).toHaveCount(1);
  await expect(basics.getByLabel('Giá bán (đồng)')).toHaveCount(0);
  await expect(price.getByLabel('Tên sản phẩm')).toHaveCount(0);
  const heights = await page
    .locator('form')
    .evaluateAll((forms) => forms.map((f) => f.getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThanOrEqual(7);
  expect(Math.max(...heights)).toBeLessThan(900);
  await expectNoSeriousAxeViolations(page);

  // Section one: shipping, reached from its link.
  await nav.getByRole('link', { name: 'Giao hàng và nguồn gốc' }).click();
  await expect(page).toHaveURL(/#giao-hang$/);
  await shipping.getByLabel('Khối lượng gửi hàng (gam)').fill('350');
  await shipping.getByRole('button', { name: 'Lưu giao hàng và nguồn gốc' }).click();
  await expect(page.locator('#giao-hang').getByRole('status')).toHaveText(
    'Đã lưu giao hàng và nguồn gốc.',
  );

  // The stock change is its own form in the price section; once saved its fields are cleared.
  const stock = page.getByRole('form', { name: /^Tồn kho/ });
  await stock.getByLabel('Thay đổi (+ nhập thêm, − bớt đi)').fill('+30');
  await stock.getByLabel('Lý do').fill('Thu hoạch');
  await stock.getByRole('button', { name: 'Cập nhật tồn kho' }).click();
  await expect(page.locator('#gia').getByRole('status')).toHaveText('Đã cập nhật tồn kho.');
  await expect(page.getByRole('form', { name: 'Tồn kho: 30' })).toBeVisible();
  await expect(stock.getByLabel('Thay đổi (+ nhập thêm, − bớt đi)')).toHaveValue('');

  // Section two: the basics. A price typed but not saved stays typed while the basics are refused,
  // then saved; the price itself is not saved by the basics' form.
  await price.getByLabel('Giá bán (đồng)').fill('999.000');
  await basics.getByLabel('Tên sản phẩm').fill('ab');
  await basics.getByRole('button', { name: 'Lưu thông tin cơ bản' }).click();
  await expect(page.locator('#co-ban').getByText('Tên sản phẩm cần 3–150 ký tự.')).toBeVisible();
  await expect(page.locator('#giao-hang').getByRole('status')).toHaveCount(0);
  await expect(price.getByLabel('Giá bán (đồng)')).toHaveValue('999.000');
  await basics.getByLabel('Tên sản phẩm').fill(`${product} búp`);
  await basics.getByLabel('Mô tả').fill('Chè cổ thụ, hái tay.');
  await basics.getByRole('button', { name: 'Lưu thông tin cơ bản' }).click();
  await expect(page.locator('#co-ban').getByRole('status')).toHaveText('Đã lưu thông tin cơ bản.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${product} búp`);
  await expectNoSeriousAxeViolations(page);

  await page.goto(editUrl);
  await expect(shipping.getByLabel('Khối lượng gửi hàng (gam)')).toHaveValue('350');
  await expect(basics.getByLabel('Mô tả')).toHaveValue('Chè cổ thụ, hái tay.');
  await expect(price.getByLabel('Giá bán (đồng)')).toHaveValue('250000');

  // Without JavaScript: a plain POST re-renders the page at the section that was saved.
  const cookies = await page.context().cookies();
  const plain = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  await plain.addCookies(cookies);
  const noJs = await plain.newPage();
  await noJs.goto(editUrl);
  const plainPrice = noJs.getByRole('form', { name: /^Giá và tồn kho/ });
  await plainPrice.getByLabel('Giá bán (đồng)').fill('260.000');
  await plainPrice.getByRole('button', { name: 'Lưu giá' }).click();
  await expect(noJs.locator('#gia').getByRole('status')).toHaveText('Đã lưu giá.');
  await expect(noJs).toHaveURL(/#gia$/);
  await expect(noJs.locator('#gia h2')).toContainText('260.000');
  await expect(
    noJs
      .getByRole('form', { name: 'Giao hàng và nguồn gốc' })
      .getByLabel('Khối lượng gửi hàng (gam)'),
  ).toHaveValue('350');
  await plain.close();
});
