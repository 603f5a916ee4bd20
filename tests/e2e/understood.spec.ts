import { expect, test } from './fixtures';

// What search understood is shown as chips on a phone, and each chip (a plain link) removes its part.
for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript, viewport: { width: 390, height: 844 } });

    test('understood parts are removable chips', async ({ page }) => {
      await page.goto('/san-pham?q=lao+cai+ocop+4+sao');
      const chips = page
        .getByRole('region', { name: 'Chợ Phiên hiểu là' })
        .or(page.locator('.understood'));
      await expect(chips.getByRole('link', { name: 'Bỏ “OCOP 4 sao”' })).toBeVisible();
      await expect(chips.getByRole('link', { name: 'Bỏ “Lào Cai”' })).toBeVisible();
      await chips.getByRole('link', { name: 'Bỏ “OCOP 4 sao”' }).click();
      await expect(page).toHaveURL(/ignore=stars/);
      await expect(page.getByRole('link', { name: 'Bỏ “OCOP 4 sao”' })).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Bỏ “Lào Cai”' })).toBeVisible();
    });
  });
}
