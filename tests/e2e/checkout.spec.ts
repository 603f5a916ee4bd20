import { createHmac } from 'node:crypto';
import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { E2E_BANK_WEBHOOK_SECRET } from './env';
import { signInAs } from './flows';

// On a phone: a guest buys from two cooperatives, pays by VietQR, the bank's signed notification
// confirms it, each cooperative accepts and ships its part, and the buyer follows the timeline.
const PRODUCTS = [
  {
    slug: 'hong-tra-tam-duong',
    cooperative: 'htx-che-tam-duong',
    name: 'HTX Chè Tam Đường',
    carrier: 'Viettel Post',
    tracking: 'VTP0012345678',
  },
  {
    slug: 'tra-tui-loc-la-sam-lai-chau',
    cooperative: 'htx-sam-lai-chau-muong-te',
    name: 'HTX Sâm Lai Châu Mường Tè',
    carrier: 'Giao Hàng Nhanh (GHN)',
    tracking: 'GHN8877665544',
  },
];

async function addToCart(page: Page, slug: string) {
  await page.goto(`/san-pham/${slug}`);
  await page.getByRole('button', { name: 'Thêm vào giỏ' }).click();
  await expect(page).toHaveURL(/\/gio-hang/);
}

async function cooperativeShips(
  browser: Browser,
  cooperative: string,
  orderCode: string,
  carrier: string,
  tracking: string,
) {
  const seller = await signInAs(browser, `${cooperative}@chophien.test`, 'chophien-producer-demo');
  await seller.getByRole('link', { name: 'Đơn hàng đến' }).first().click();
  await seller.getByRole('link', { name: orderCode }).click();
  await seller.getByRole('button', { name: 'Nhận đơn' }).click();
  await expect(seller.getByRole('status')).toContainText('Đã nhận đơn');
  await seller.getByLabel('Đơn vị vận chuyển', { exact: true }).fill(carrier);
  await seller.getByLabel('Mã vận đơn', { exact: true }).fill(tracking);
  await seller.getByRole('button', { name: 'Đã giao cho vận chuyển' }).click();
  await expect(seller.getByRole('status')).toHaveText('Đã ghi nhận giao hàng.');
  await expect(seller.getByTestId('order-state')).toHaveText('Đang giao');
  await seller.context().close();
}

test('a guest buys from two cooperatives with VietQR, the bank confirms, both ship and the buyer sees the timeline', async ({
  page,
  browser,
  request,
}) => {
  for (const product of PRODUCTS) await addToCart(page, product.slug);
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(2);
  await page.getByRole('link', { name: 'Đặt hàng' }).click();

  // One step with JavaScript: once the page is live the province loads its communes in place, so the
  // "Chọn" button (the no-JavaScript way) is gone.
  await expect(page.getByRole('button', { name: 'Chọn', exact: true })).toHaveCount(0);
  await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Lai Châu' });
  await expect(page.getByLabel('Xã, phường').locator('option')).not.toHaveCount(1);
  await page.getByLabel('Xã, phường').selectOption({ index: 1 });
  await page.getByLabel('Số nhà, đường, thôn/bản').fill('Bản Nà Đon');
  await page.getByLabel('Họ tên người nhận').fill('Giàng Thị Mỷ');
  await page.getByLabel('Số điện thoại').fill('0915 222 333');
  await page.getByRole('button', { name: 'Tính phí giao hàng' }).click();
  await expect(page.getByRole('heading', { name: '2. Xem lại và thanh toán' })).toBeVisible();
  await page.getByLabel(/Chuyển khoản/).check();
  await page.getByRole('button', { name: /^Đặt hàng — / }).click();

  await expect(page).toHaveURL(/\/dat-hang\/TT/);
  await expect(page.getByRole('img', { name: 'Mã VietQR' })).toBeVisible();
  const memo = (await page.getByTestId('vietqr-memo').textContent())!.trim();
  const amount = Number(
    (await page.getByTestId('vietqr-amount').textContent())!.replace(/\D/g, ''),
  );
  await expect(page.locator('.order-parts li')).toHaveCount(2);
  // Each cooperative's part has its own order code, shown beside the cooperative's name.
  const codeOf = async (name: string) =>
    (await page
      .locator('.order-parts li')
      .filter({ hasText: name })
      .locator('strong')
      .textContent())!.trim();
  const shipments: Array<{ product: (typeof PRODUCTS)[number]; code: string }> = [];
  for (const product of PRODUCTS) shipments.push({ product, code: await codeOf(product.name) });

  // The bank tells us the money arrived (signed like the real notification).
  const body = JSON.stringify({
    transactionId: `FT${Date.now()}`,
    amountVnd: amount,
    description: `IBFT ${memo} GIANG THI MY chuyen tien`,
    occurredAt: new Date().toISOString(),
  });
  const notified = await request.post('/webhooks/bank-transfer', {
    data: body,
    headers: {
      'Content-Type': 'application/json',
      'X-Signature': `sha256=${createHmac('sha256', E2E_BANK_WEBHOOK_SECRET).update(body).digest('hex')}`,
    },
  });
  expect(notified.status()).toBe(200);
  await page.reload();
  await expect(page.getByText('✓ Đã nhận thanh toán.')).toBeVisible();

  for (const { product, code } of shipments)
    await cooperativeShips(browser, product.cooperative, code, product.carrier, product.tracking);

  for (const { product, code } of shipments) {
    await page.goto(`/don-hang/${code}`);
    await expect(page.getByTestId('order-state')).toHaveText('Đang giao');
    const timeline = page.getByRole('list', { name: 'Tiến trình đơn hàng' });
    await expect(timeline.getByRole('listitem')).toHaveCount(4);
    await expect(timeline).toContainText('Đã thanh toán');
    await expect(timeline).toContainText('Hợp tác xã đã nhận đơn');
    await expect(timeline).toContainText(`${product.carrier} — mã vận đơn ${product.tracking}`);
  }
});
