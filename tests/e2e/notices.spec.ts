import { expectNoSeriousAxeViolations, PHONE } from './a11y';
import { expect, test } from './fixtures';
import { farmerWithCooperative, officerApproves } from './flows';

test.use(PHONE);

// Issue 17 leftovers: the trade office approves a registration; the farmer's account menu counts the
// unread notice until the notices list has been seen, on a phone.
test('a registration approved is an unread notice until the farmer sees it', async ({
  page,
  browser,
}) => {
  const cooperative = `HTX Thông báo ${Date.now()}`;
  await farmerWithCooperative(page, cooperative, 'Xã Sìn Hồ');
  await officerApproves(browser, cooperative);

  await page.goto('/');
  await expect(page.getByTestId('notice-count')).toHaveText('1');
  await page.getByText('Tài khoản').click();
  await page.getByRole('link', { name: '1 thông báo chưa đọc' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông báo từ Sở Công Thương');
  const notice = page.getByRole('listitem').filter({ hasText: `đăng ký “${cooperative}”` });
  await expect(notice).toContainText('Mới');
  // Seen once shown: the badge goes, the notice stays marked new on this view.
  await expect(page.getByTestId('notice-count')).toHaveCount(0);
  await expect(notice).toContainText('Mới');
  await expectNoSeriousAxeViolations(page);

  await page.reload();
  await expect(notice).not.toContainText('Mới');
  await expect(page.getByRole('button', { name: 'Đánh dấu đã đọc tất cả' })).toHaveCount(0);
});
