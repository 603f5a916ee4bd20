import { expectNoSeriousAxeViolations, PHONE } from './a11y';
import { expect, test } from './fixtures';
import { LAI_CHAU_OFFICER, signInAs } from './flows';

test.use(PHONE);

// Issue 17: the dashboard crashed in the browser (`Buffer is not defined` from a shared chunk), showed
// 0 % with empty charts for want of a register, repeated each chart title three times and cut the
// payment labels; officers landed in the seller area.
test('an officer lands on the dashboard, which runs without errors and shows the demo register', async ({
  browser,
}) => {
  const officer = await signInAs(browser, LAI_CHAU_OFFICER.identifier, LAI_CHAU_OFFICER.password);
  await expect(officer).toHaveURL(/\/so-cong-thuong$/);
  await expect(officer.getByRole('heading', { level: 1 })).toHaveText('Sở Công Thương Lai Châu');
  // Hydrated: the client bundle ran (a crash there would fail the test through the console).
  await officer.waitForLoadState('networkidle');

  const headline = officer.locator('.kpi-headline');
  await expect(headline).not.toHaveText('0%');
  const summary = await officer.getByText(/^\d+\/\d+ sản phẩm OCOP còn hiệu lực/).textContent();
  const [, online, total] = /^(\d+)\/(\d+)/.exec(summary ?? '')!.map(Number);
  expect(total).toBeGreaterThan(5);
  expect(online).toBeGreaterThan(0);
  expect(online).toBeLessThan(total!);

  // Every chart title once: no table caption or column header repeating it.
  for (const title of ['Theo hạng sao (%)', 'Theo nhóm sản phẩm (%)', 'Theo xã, phường (%)']) {
    await expect(officer.getByText(title, { exact: true })).toHaveCount(1);
    const figure = officer.locator('figure.chart', { hasText: title });
    await expect(figure.getByRole('img')).toBeVisible();
    await expect(figure.getByRole('table')).toBeVisible();
  }
  // The to-do list and certificate tables have real rows.
  await expect(
    officer.getByRole('heading', { name: /Việc cần làm: [1-9]\d* sản phẩm/ }),
  ).toBeVisible();
  await expect(officer.getByRole('link', { name: /Hết hạn trong 90 ngày \([1-9]/ })).toBeVisible();

  // A chart with nothing to show says so and what fills it, rather than an empty frame.
  const payments = officer.locator('figure.chart', { hasText: 'Hình thức thanh toán' });
  const empty = payments.locator('.chart-empty');
  if (await empty.count()) await expect(empty).toContainText('Chưa có số liệu');
  else await expect(payments.getByRole('img')).toBeVisible();

  // Nothing is wider than the phone.
  const overflow = await officer.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousAxeViolations(officer);
  await officer.screenshot({ path: test.info().outputPath('dashboard-390.png'), fullPage: true });
});

test('the trade office pages that share the dashboard chunk open without errors', async ({
  browser,
}) => {
  const officer = await signInAs(browser, LAI_CHAU_OFFICER.identifier, LAI_CHAU_OFFICER.password);
  for (const path of [
    '/so-cong-thuong/bao-cao?tinh=12',
    '/so-cong-thuong/chi-tiet?tinh=12&figure=todo',
  ]) {
    await officer.goto(path);
    await officer.waitForLoadState('networkidle');
    await expect(officer.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await expectNoSeriousAxeViolations(officer);
});
