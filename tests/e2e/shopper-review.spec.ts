import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signInAs } from './flows';

// A shopper on a 390 px phone: browses, adds the traceable honey, checks out (cash on delivery), the
// cooperative delivers, the shopper reviews it with a photo and the review shows on the product page.
const PHONE = { width: 390, height: 844 };
const HONEY = { slug: 'mat-ong-hoa-bac-ha-sin-ho', cooperative: 'htx-nong-san-sin-ho' };
const PHOTO = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/uploads/small.webp'));

async function noSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The header's items sit in one row, inside the screen, none on top of another. */
async function headerIsCompact(page: Page) {
  const items = [
    page.locator('.site-header .brand'),
    page.getByTestId('cart-link'),
    page.locator('.site-header .user-menu > :last-child'),
    page.locator('.site-header .lang-switch'),
  ];
  const boxes: Box[] = [];
  for (const item of items) {
    const box = await item.boundingBox();
    expect(box, 'header item rendered').not.toBeNull();
    boxes.push(box!);
  }
  for (const box of boxes) expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      expect(overlaps(boxes[i]!, boxes[j]!), `header items ${i} and ${j} overlap`).toBe(false);
  const bar = (await page.locator('.site-header__bar').boundingBox())!;
  expect(bar.height).toBeLessThan(60);
  // The brand mark is an inline SVG, not a glyph the phone may lack.
  await expect(page.locator('.brand svg')).toBeVisible();
}

async function cooperativeDelivers(browser: Browser, orderCode: string) {
  const seller = await signInAs(
    browser,
    `${HONEY.cooperative}@chophien.test`,
    'chophien-producer-demo',
  );
  await seller.goto(`/kenh-nguoi-ban/don-hang/${orderCode}`);
  await seller.getByRole('button', { name: 'Nhận đơn' }).click();
  await expect(seller.getByRole('status')).toContainText('Đã nhận đơn');
  await seller.getByLabel('Đơn vị vận chuyển', { exact: true }).fill('VNPost');
  await seller.getByLabel('Mã vận đơn', { exact: true }).fill('EB555666777VN');
  await seller.getByRole('button', { name: 'Đã giao cho vận chuyển' }).click();
  await expect(seller.getByTestId('order-state')).toHaveText('Đang giao');
  await seller.getByRole('button', { name: 'Người mua đã nhận hàng' }).click();
  await expect(seller.getByTestId('order-state')).toHaveText('Đã giao');
  await seller.context().close();
}

test('a shopper on a phone buys the traceable honey, it is delivered, and their review shows', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const shot = async (name: string) =>
    testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });

  await page.goto('/dang-ky');
  await page.getByLabel('Họ và tên').fill('Phạm Minh Anh');
  await page.getByLabel('Số điện thoại hoặc e-mail').fill(`mua${Date.now()}@example.vn`);
  await page.getByLabel('Mật khẩu').fill('mat-ong-sin-ho-2026');
  await page.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kênh người bán');

  // Browse: on a phone the filters open from a button above the results.
  await page.goto('/san-pham?q=mat+ong');
  await headerIsCompact(page);
  const filterButton = page.locator('summary', { hasText: 'Bộ lọc' });
  const results = page.locator('.catalogue__results');
  expect((await filterButton.boundingBox())!.y).toBeLessThan((await results.boundingBox())!.y);
  await expect(page.getByRole('group', { name: 'Tỉnh, thành' })).toBeHidden();
  await filterButton.click();
  await expect(page.getByRole('group', { name: 'Tỉnh, thành' })).toBeVisible();
  await shot('catalogue-filters');

  await page.goto(`/san-pham/${HONEY.slug}`);
  await expect(page.locator('.stock--in')).toBeVisible();
  await page.getByRole('button', { name: 'Thêm vào giỏ' }).click();
  await expect(page).toHaveURL(/\/gio-hang/);
  await expect(page.getByTestId('cart-count')).toHaveText('1');
  await expect(page.getByTestId('cart-link')).toHaveAccessibleName('Giỏ hàng, 1 sản phẩm');
  await expect(page.locator('.cart-thumb')).toHaveCount(1);
  expect(
    await page.locator('img.cart-thumb').evaluate((i: HTMLImageElement) => i.naturalWidth),
  ).toBeGreaterThan(0);
  await headerIsCompact(page);
  await noSeriousAxeViolations(page);
  await shot('cart');

  await page.getByRole('link', { name: 'Đặt hàng' }).click();
  await expect(page.getByRole('button', { name: 'Chọn', exact: true })).toHaveCount(0);
  await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Hà Nội' });
  await expect(page.getByLabel('Xã, phường').locator('option')).not.toHaveCount(1);
  await page.getByLabel('Xã, phường').selectOption({ index: 1 });
  await page.getByLabel('Số nhà, đường, thôn/bản').fill('12 Hàng Bạc');
  await page.getByLabel('Họ tên người nhận').fill('Phạm Minh Anh');
  await page.getByLabel('Số điện thoại').fill('0915 444 555');
  await page.getByRole('button', { name: 'Tính phí giao hàng' }).click();
  await page.getByLabel(/Thanh toán khi nhận hàng/).check();
  await page.getByRole('button', { name: /^Đặt hàng — / }).click();
  await expect(page).toHaveURL(/\/dat-hang\/TT/);
  const code = (await page.locator('.order-parts li strong').first().textContent())!.trim();
  await shot('placed');

  await page.goto(`/don-hang/${code}`);
  await expect(page.getByTestId('order-state')).not.toContainText('chờ thanh toán');
  await expect(page.getByRole('list', { name: 'Tiến trình đơn hàng' })).not.toContainText(
    'chờ thanh toán',
  );
  await cooperativeDelivers(browser, code);

  await page.reload();
  await expect(page.getByTestId('order-state')).toHaveText('Đã giao');
  await page.getByRole('link', { name: 'Đánh giá sản phẩm' }).click();
  const review = 'Mật ong sánh, thơm mùi bạc hà, chai đóng gói rất kỹ.';
  await page.getByLabel('5 sao').check();
  await page.getByLabel('Nhận xét (không bắt buộc)').fill(review);
  await page.getByLabel(/Ảnh thực tế/).setInputFiles({
    name: 'mat-ong.webp',
    mimeType: 'image/webp',
    buffer: PHOTO,
  });
  await noSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByRole('status')).toHaveText('Cảm ơn bạn đã đánh giá!');
  await expect(page.getByText('Bạn đã đánh giá 5 sao.')).toBeVisible();

  await page.goto(`/san-pham/${HONEY.slug}`);
  const mine = page.getByTestId('review').filter({ hasText: review });
  await expect(mine).toBeVisible();
  await expect(mine.getByText('Đã mua hàng')).toBeVisible();
  await expect(mine.locator('.review__photos img')).toHaveCount(1);
  await expect(page.getByTestId('rating-line').first()).toContainText(/đánh giá/);
  await expect(page.getByTestId('rating-line').first()).toContainText(/Đã bán \d+/);
  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
  ) as { aggregateRating?: { ratingValue: number; reviewCount: number } };
  expect(jsonLd.aggregateRating?.reviewCount).toBeGreaterThanOrEqual(1);
  await headerIsCompact(page);
  await noSeriousAxeViolations(page);
  await shot('product-with-review');
  await context.close();
});
