import { expect, test } from './fixtures';
import sharp from 'sharp';
import { farmerWithCooperative, listAndSubmit, officerApproves } from './flows';

test('a farmer signs up, registers a cooperative, lists a product with a photo, and a buyer finds it', async ({
  page,
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const coop = `HTX Mật ong Tả Lèng ${suffix}`;
  const product = `Mật ong bạc hà Tả Lèng ${suffix}`;

  await farmerWithCooperative(page, coop, 'Xã Tả Lèng');
  await officerApproves(browser, coop);
  const photo = await sharp({
    create: { width: 1200, height: 900, channels: 3, background: '#d9a441' },
  })
    .jpeg()
    .toBuffer();
  await listAndSubmit(page, { name: product, price: '250.000', unit: 'chai', photo });
  await expect(page.getByRole('heading', { name: 'Ảnh' })).toBeVisible();
  await officerApproves(browser, product);

  const buyer = await (await browser.newContext()).newPage();
  let attempt = 0;
  await expect(async () => {
    // Search pages may be cached for 60 s; each retry asks a fresh URL, as a buyer typing again would.
    await buyer.goto(
      `/san-pham?q=${encodeURIComponent(`mat ong ta leng ${suffix}`)}&lan=${attempt++}`,
    );
    await expect(buyer.locator('.product-card', { hasText: product })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
  await buyer.locator('.product-card', { hasText: product }).getByRole('link').first().click();
  await expect(buyer.locator('.price')).toHaveText('250.000 ₫ / chai');
  await expect(buyer.getByText(coop).first()).toBeVisible();
});
