import { expect, test } from './fixtures';

// On a phone (Pixel 5): a guest pays with the MoMo wallet through the local MoMo test gateway
// (tests/helpers/fake-wallets.ts, started by playwright.config.ts), which notifies the app the way MoMo
// does (signed IPN) before sending the buyer back; the order page then shows the payment received.
test('a guest pays with MoMo on a phone and comes back to a paid order', async ({ page }) => {
  await page.goto('/san-pham/hong-tra-tam-duong');
  await page.getByRole('button', { name: 'Thêm vào giỏ' }).click();
  await expect(page).toHaveURL(/\/gio-hang/);
  await page.getByRole('link', { name: 'Đặt hàng' }).click();

  // With JavaScript the province loads its communes in place (no "Chọn" submit).
  await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Lai Châu' });
  await expect(page.getByLabel('Xã, phường').locator('option')).not.toHaveCount(1);
  await page.getByLabel('Xã, phường').selectOption({ index: 1 });
  await page.getByLabel('Số nhà, đường, thôn/bản').fill('Bản Nà Đon');
  await page.getByLabel('Họ tên người nhận').fill('Lò Văn Thắng');
  await page.getByLabel('Số điện thoại').fill('0915 444 555');
  await page.getByRole('button', { name: 'Tính phí giao hàng' }).click();
  await expect(page.getByRole('heading', { name: '2. Xem lại và thanh toán' })).toBeVisible();
  // The gateways that are not configured are shown, off, with the variables that turn them on.
  await expect(page.getByTestId('off-vnpay')).toContainText('VNPAY_TMN_CODE, VNPAY_HASH_SECRET');
  await expect(page.getByTestId('off-zalopay')).toContainText('ZALOPAY_APP_ID');
  await page.getByLabel(/^Ví MoMo/).check();
  await page.getByRole('button', { name: /^Đặt hàng — / }).click();

  await expect(page).toHaveURL(/\/dat-hang\/TT/);
  await expect(page.getByTestId('payment-state')).toContainText('Đang chờ thanh toán');
  await page.getByRole('button', { name: /qua Ví MoMo$/ }).click();

  // MoMo's page (the local test gateway): the amount due, then pay.
  await expect(page.getByRole('heading', { name: /MoMo/ })).toBeVisible();
  await expect(page.getByTestId('wallet-amount')).toContainText('₫');
  await page.getByRole('button', { name: 'Xác nhận thanh toán' }).click();

  await expect(page).toHaveURL(/\/dat-hang\/TT[0-9A-Z]+\?cong=momo/);
  await expect(page.getByTestId('payment-state')).toHaveText(
    '✓ Đã nhận thanh toán. Các hợp tác xã đang chuẩn bị hàng.',
  );
  await expect(page.locator('.order-parts li')).toHaveCount(1);
  // Everything fits a 393 px screen.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
