import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function searchFilterAndOpen(page: Page, javaScript: boolean) {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Tìm sản phẩm' }).fill('mien dong');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page).toHaveURL(/\/san-pham\?q=mien\+dong/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kết quả cho “mien dong”');
  const results = page.getByRole('list', { name: 'Kết quả cho “mien dong”' });
  await expect(results.getByRole('link').first()).toContainText(/Miến dong/i);

  // Filter by the province the first result comes from: on a phone the filters open from a button
  // above the results (a <details>, with or without JavaScript).
  await page.locator('summary', { hasText: 'Bộ lọc' }).click();
  await page
    .getByRole('group', { name: 'Tỉnh, thành' })
    .getByRole('checkbox', { name: /Thái Nguyên/ })
    .check();
  if (!javaScript) await page.getByRole('button', { name: 'Áp dụng' }).click();
  await expect(page).toHaveURL(/province=thai-nguyen/);
  const cards = page.locator('.product-card');
  await expect(cards.first()).toContainText('Thái Nguyên');
  for (const text of await cards.locator('.product-card__meta').allTextContents())
    expect(text).toContain('Thái Nguyên');

  await cards.first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/san-pham\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Miến dong/i);
  await expect(page.locator('.price')).toHaveText(/^\d{1,3}(\.\d{3})* ₫ \/ \S+/);
  await expect(page.getByLabel(/OCOP \d sao/).first()).toBeVisible();
}

test('a buyer searches without diacritics, filters by province and opens a product', async ({
  page,
}) => {
  await searchFilterAndOpen(page, true);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the same journey works with plain links and GET forms', async ({ page }) => {
    await searchFilterAndOpen(page, false);
  });
});

test('the English switch translates the interface and keeps the page', async ({ page }) => {
  await page.goto('/san-pham?q=che');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/san-pham\?q=che/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “che”');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kết quả cho “che”');
});

test('an unknown page is a Vietnamese 404 without a stack trace', async ({ page }) => {
  const response = await page.goto('/khong-co-trang-nay');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
  await expect(page.locator('body')).not.toContainText('at ');
});

for (const [name, path] of [
  ['home', '/'],
  ['catalogue', '/san-pham?q=che'],
  ['product', null],
] as const) {
  test(`axe finds no serious or critical violation on the ${name} page`, async ({ page }) => {
    if (path) {
      await page.goto(path);
    } else {
      await page.goto('/san-pham?stars=5');
      await page.locator('.product-card a').first().click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(
      serious.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      ),
    ).toEqual([]);
  });
}

test('the search box suggests products while the buyer types', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Tìm sản phẩm' });
  await box.pressSequentially('mien do', { delay: 40 });
  const options = page.getByRole('listbox', { name: 'Tìm sản phẩm' }).getByRole('option');
  await expect(options.first()).toContainText(/Miến dong/);
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/san-pham\/mien-dong/);
});
