import { expectNoSeriousAxeViolations, PHONE } from './a11y';
import { expect, test } from './fixtures';
import { farmerWithCooperative, LAI_CHAU_OFFICER, officerApproves, signInAs } from './flows';

test.use(PHONE);

// Issue 17's two journeys on a 390 px phone: a farmer from sign-up to a published product with stock
// (the new-listing form had no stock field, so approved products went live "Hết hàng"), and an officer
// from sign-in to an approval that moves the KPI. The demo register lists "Cá tầm Sìn Hồ" of "HTX Thủy
// sản Sìn Hồ" as certified but not on sale: this farmer is that producer coming online.
test('a farmer lists a product with stock; the officer matches it, approves it and the KPI rises', async ({
  page,
  browser,
}) => {
  const suffix = Date.now().toString(36).slice(-4);
  const coop = `HTX Thủy sản Sìn Hồ ${suffix}`;
  const product = 'Cá tầm Sìn Hồ';
  await farmerWithCooperative(page, coop, 'Xã Sìn Hồ');
  await officerApproves(browser, coop);

  await page.goto('/kenh-nguoi-ban');
  await page.getByRole('link', { name: '+ Thêm sản phẩm' }).click();
  await page.getByLabel('Tên sản phẩm').fill(product);
  await page.getByLabel('Nhóm sản phẩm OCOP').selectOption('food');
  await page.getByLabel('Giá bán (đồng)').fill('320.000');
  await page.getByLabel('Đơn vị tính').fill('kg');
  const stock = page.getByLabel('Số lượng có sẵn để bán');
  await stock.fill('nhiều');
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await expect(
    page.getByText('Số lượng có sẵn là một số nguyên từ 0 đến 1.000.000.'),
  ).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel('Số lượng có sẵn để bán').fill('40');
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(product);
  await page.getByRole('button', { name: 'Gửi duyệt để đăng bán' }).click();
  await expect(page.locator('.status').first()).toHaveText('Chờ duyệt');
  const productUrl = page.url();
  // What buyers will see, before the review.
  await page.getByRole('link', { name: 'Xem trước trang người mua' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(product);
  await expect(page.getByText('Còn hàng (40)')).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Trạng thái hiện tại: Chờ duyệt.');
  await expectNoSeriousAxeViolations(page);

  // The officer lands on the dashboard; the register entry waits there to be matched.
  const officer = await signInAs(browser, LAI_CHAU_OFFICER.identifier, LAI_CHAU_OFFICER.password);
  await expect(officer).toHaveURL(/\/so-cong-thuong$/);
  const summary = officer.getByText(/^\d+\/\d+ sản phẩm OCOP còn hiệu lực/);
  const [, online, total] = /^(\d+)\/(\d+)/.exec((await summary.textContent()) ?? '')!.map(Number);
  await officer
    .getByRole('listitem')
    .filter({ hasText: product })
    .locator('form', { hasText: coop })
    .getByRole('button', { name: 'Đúng, ghép' })
    .click();
  await expect(officer.getByRole('status')).toHaveText('Đã ghép.');
  await expect(summary).toHaveText(new RegExp(`^${online}/${total} `));

  // The queue shows what is approved: the price, the stock, the organization and its phone.
  await officer.goto('/duyet');
  const item = officer
    .getByRole('listitem')
    .filter({ has: officer.getByRole('heading', { name: product }) });
  await expect(item).toContainText('320.000 ₫ / kg');
  await expect(item).toContainText('Tồn kho: 40');
  await expect(item).toContainText('0912 888 777');
  await expect(item).toContainText(coop);
  await expectNoSeriousAxeViolations(officer);
  await item.getByRole('button', { name: 'Duyệt', exact: true }).click();
  await expect(officer.getByRole('status')).toHaveText('Đã ghi quyết định.');

  await officer.goto('/so-cong-thuong');
  await expect(summary).toHaveText(new RegExp(`^${online! + 1}/${total} `));

  // The farmer is told in the seller area (the e-mail copy goes through the outbox).
  await page.goto('/kenh-nguoi-ban');
  await expect(
    page.getByRole('link', { name: `Sở Công Thương đã duyệt sản phẩm “${product}”`, exact: false }),
  ).toBeVisible();

  // Live with its stock, as buyers see it.
  await page.goto(productUrl);
  await expect(page.locator('.status').first()).toHaveText('Đang bán');
  const slug = await page.evaluate(() =>
    document.querySelector<HTMLAnchorElement>('a[href^="/san-pham/"]')?.getAttribute('href'),
  );
  await page.goto(slug!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(product);
  await expect(page.getByText('Còn hàng (40)')).toBeVisible();
  await expect(page.getByText('Hết hàng')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
});
