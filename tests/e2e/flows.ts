import { expect, type Browser, type Page } from '@playwright/test';

export const LAI_CHAU_OFFICER = {
  identifier: 'socongthuong.laichau@chophien.test',
  password: 'chophien-officer-demo',
};

export async function signInAs(
  browser: Browser,
  identifier: string,
  password: string,
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/dang-nhap');
  await page.getByLabel('Số điện thoại hoặc e-mail').fill(identifier);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // Each role lands on its own page (officers on /so-cong-thuong, members on /kenh-nguoi-ban).
  await page.waitForURL((url) => url.pathname !== '/dang-nhap');
  return page;
}

/** The officer approves one item (organization, listing or claim) of the review queue by its name. */
export async function officerApproves(browser: Browser, itemName: string) {
  const officer = await signInAs(browser, LAI_CHAU_OFFICER.identifier, LAI_CHAU_OFFICER.password);
  await officer.goto('/duyet');
  await officer
    .getByRole('listitem')
    .filter({ hasText: itemName })
    .getByRole('button', { name: 'Duyệt' })
    .click();
  await expect(officer.getByRole('status')).toHaveText('Đã ghi quyết định.');
  await officer.context().close();
}

/** A farmer signs up with a fresh phone number and registers a cooperative in Lai Châu. */
export async function farmerWithCooperative(page: Page, cooperative: string, commune: string) {
  await page.goto('/dang-ky');
  await page.getByLabel('Họ và tên').fill('Lò Thị Hoa');
  await page.getByLabel('Số điện thoại hoặc e-mail').fill(`09${String(Date.now()).slice(-8)}`);
  await page.getByLabel('Mật khẩu').fill('ong-mat-ta-leng-2026');
  await page.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kênh người bán');
  await page.getByRole('link', { name: '+ Đăng ký hợp tác xã / cơ sở' }).click();
  await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Lai Châu' });
  await page.getByLabel('Xã, phường').selectOption({ label: commune });
  await page.getByLabel('Tên tổ chức').fill(cooperative);
  await page.getByLabel('Điện thoại').fill('0912 888 777');
  await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await expect(page.getByText('Chờ duyệt').first()).toBeVisible();
}

/** From the seller home: create a draft listing (optionally with a photo) and submit it for review. */
export async function listAndSubmit(
  page: Page,
  product: { name: string; price: string; unit: string; photo?: Buffer },
) {
  await page.goto('/kenh-nguoi-ban');
  await page.getByRole('link', { name: '+ Thêm sản phẩm' }).click();
  if (product.photo) {
    await page
      .getByLabel('Ảnh sản phẩm (chụp bằng điện thoại)')
      .setInputFiles({ name: 'IMG_2026.jpg', mimeType: 'image/jpeg', buffer: product.photo });
  }
  await page.getByLabel('Tên sản phẩm').fill(product.name);
  await page.getByLabel('Nhóm sản phẩm OCOP').selectOption('food');
  await page.getByLabel('Giá bán (đồng)').fill(product.price);
  await page.getByLabel('Đơn vị tính').fill(product.unit);
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(product.name);
  await page.getByRole('button', { name: 'Gửi duyệt để đăng bán' }).click();
  await expect(page.locator('.status').first()).toHaveText('Chờ duyệt');
}
