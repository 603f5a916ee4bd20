import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';

async function signInAs(browser: Browser, identifier: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/dang-nhap');
  await page.getByLabel('Số điện thoại hoặc e-mail').fill(identifier);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL('**/kenh-nguoi-ban');
  return page;
}

async function officerApproves(browser: Browser, itemName: string) {
  const officer = await signInAs(browser, 'socongthuong.laichau@chophien.test', 'chophien-officer-demo');
  await officer.goto('/duyet');
  const item = officer.getByRole('listitem').filter({ hasText: itemName });
  await item.getByRole('button', { name: 'Duyệt' }).click();
  await expect(officer.getByRole('status')).toHaveText('Đã ghi quyết định.');
  await officer.context().close();
}

test('a farmer signs up, registers a cooperative, lists a product with a photo, and a buyer finds it', async ({ page, browser }) => {
  const suffix = Date.now().toString(36);
  const coop = `HTX Mật ong Tả Lèng ${suffix}`;
  const product = `Mật ong bạc hà Tả Lèng ${suffix}`;

  await page.goto('/dang-ky');
  await page.getByLabel('Họ và tên').fill('Lò Thị Hoa');
  await page.getByLabel('Số điện thoại hoặc e-mail').fill(`09${String(Date.now()).slice(-8)}`);
  await page.getByLabel('Mật khẩu').fill('ong-mat-ta-leng-2026');
  await page.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kênh người bán');

  await page.getByRole('link', { name: '+ Đăng ký hợp tác xã / cơ sở' }).click();
  await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Lai Châu' });
  await page.getByLabel('Xã, phường').selectOption({ label: 'Xã Tả Lèng' });
  await page.getByLabel('Tên tổ chức').fill(coop);
  await page.getByLabel('Điện thoại').fill('0912 888 777');
  await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await expect(page.getByText('Chờ duyệt').first()).toBeVisible();

  await officerApproves(browser, coop);

  await page.reload();
  await page.getByRole('link', { name: '+ Thêm sản phẩm' }).click();
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#d9a441' } }).jpeg().toBuffer();
  await page.getByLabel('Ảnh sản phẩm (chụp bằng điện thoại)').setInputFiles({ name: 'IMG_2026.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByLabel('Tên sản phẩm').fill(product);
  await page.getByLabel('Nhóm sản phẩm OCOP').selectOption('food');
  await page.getByLabel('Giá bán (đồng)').fill('250.000');
  await page.getByLabel('Đơn vị tính').fill('chai');
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(product);
  await expect(page.getByRole('heading', { name: 'Ảnh' })).toBeVisible();
  await page.getByRole('button', { name: 'Gửi duyệt để đăng bán' }).click();
  await expect(page.locator('.status').first()).toHaveText('Chờ duyệt');

  await officerApproves(browser, product);

  const buyer = await (await browser.newContext()).newPage();
  let attempt = 0;
  await expect(async () => {
    // Search pages may be cached for 60 s; each retry asks a fresh URL, as a buyer typing again would.
    await buyer.goto(`/san-pham?q=${encodeURIComponent(`mat ong ta leng ${suffix}`)}&lan=${attempt++}`);
    await expect(buyer.locator('.product-card', { hasText: product })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await buyer.locator('.product-card', { hasText: product }).getByRole('link').first().click();
  await expect(buyer.locator('.price')).toHaveText('250.000 ₫ / chai');
  await expect(buyer.getByText(coop).first()).toBeVisible();
});
