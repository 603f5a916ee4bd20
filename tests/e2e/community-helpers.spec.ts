import { expectNoSeriousAxeViolations, PHONE } from './a11y';
import { expect, test } from './fixtures';
import { farmerWithCooperative, LAI_CHAU_OFFICER, listAndSubmit, signInAs } from './flows';

test.use(PHONE);

// Issue 17, decision 017: an owner invites the commune's digital technology team, whose member lists a
// product for the cooperative; the owner sees it under the helper's name and the trade office sees
// which team helped which cooperative, all on a phone.
test('a digital technology team member lists for a cooperative and the trade office sees it', async ({
  page,
  browser,
}) => {
  const cooperative = `HTX Tổ giúp ${Date.now()}`;
  const helperName = `Tổ CNS Bản Hon ${Date.now() % 100000}`;
  const helperPhone = `09${String(Date.now() + 7).slice(-8)}`;
  await farmerWithCooperative(page, cooperative, 'Xã Sìn Hồ');
  await page.getByRole('link', { name: 'Thành viên, nhật ký' }).first().click();
  await page.getByLabel('Mời bằng số điện thoại hoặc e-mail').fill(helperPhone);
  await page.getByLabel('Vai trò').selectOption('helper');
  await page.getByRole('button', { name: 'Mời', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Đã gửi lời mời');
  const organizationPage = page.url();

  const helper = await (await browser.newContext()).newPage();
  await helper.goto('/dang-ky');
  await helper.getByLabel('Họ và tên').fill(helperName);
  await helper.getByLabel('Số điện thoại hoặc e-mail').fill(helperPhone);
  await helper.getByLabel('Mật khẩu').fill('to-cong-nghe-so-2026');
  await helper.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(helper.getByRole('heading', { level: 1 })).toHaveText('Kênh người bán');
  await listAndSubmit(helper, { name: 'Gạo tẻ tổ giúp đăng', price: '35000', unit: 'kg' });
  await helper.context().close();

  await page.goto(organizationPage);
  await expect(
    page.getByRole('cell', { name: `${helperName} (tổ công nghệ số)` }).first(),
  ).toBeVisible();

  const officer = await signInAs(browser, LAI_CHAU_OFFICER.identifier, LAI_CHAU_OFFICER.password);
  await officer
    .getByRole('link', { name: 'Tổ công nghệ số cộng đồng đã giúp những hợp tác xã nào' })
    .click();
  await expect(officer.getByRole('heading', { level: 1 })).toContainText('Lai Châu');
  const row = officer.getByRole('row').filter({ hasText: helperName });
  await expect(row).toContainText(cooperative);
  await expect(row.getByRole('cell').nth(2)).toHaveText('1');
  await officer.waitForLoadState('networkidle');
  await expectNoSeriousAxeViolations(officer);
  const overflow = await officer.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await officer.context().close();
});
