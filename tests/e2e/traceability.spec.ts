import fs from 'node:fs/promises';
import { expect, test } from './fixtures';
import { decodePdfQrCodes } from '../helpers/decode-pdf-qr';
import { LABEL_LAYOUTS } from '~/traceability/label-layouts';
import { signInAs } from './flows';

test('a cooperative records a batch and prints stamps; a buyer scans one and sees the verdict and journey', async ({
  browser,
}) => {
  const lot = `SAM-${Date.now().toString(36).toUpperCase()}`;
  const member = await signInAs(
    browser,
    'htx-sam-lai-chau-muong-te@chophien.test',
    'chophien-producer-demo',
  );

  // The batch, from the product's workspace page.
  await member.getByRole('link', { name: 'Sâm Lai Châu tươi 5 năm tuổi' }).first().click();
  await member.getByRole('link', { name: /Lô hàng và tem truy xuất nguồn gốc/ }).click();
  await member.getByLabel(/^Mã lô/).fill(lot);
  await member.getByLabel(/^Ngày sản xuất\/thu hoạch/).fill('15/06/2026');
  await member.getByLabel(/^Hạn sử dụng/).fill('15/06/2028');
  await member.getByLabel('Số lượng', { exact: true }).fill('120');
  await member.getByLabel('Tên vùng trồng (không bắt buộc)').fill('Rừng sâm Tà Tổng');
  await member.getByRole('button', { name: 'Tạo lô hàng' }).click();
  await expect(member.getByRole('heading', { level: 1 })).toHaveText(`Lô ${lot}`);

  // Journey events: planting, then care with its dose.
  await member.getByLabel('Loại sự kiện').selectOption({ label: 'Gieo trồng' });
  await member.getByLabel('Ngày (dd/mm/yyyy)').fill('01/03/2021');
  await member.getByLabel('Địa điểm').fill('Vườn ươm bản Nậm Củm');
  await member.getByRole('button', { name: 'Ghi sự kiện' }).click();
  await expect(member.getByRole('status')).toHaveText('Đã lưu.');
  await member
    .getByLabel('Loại sự kiện')
    .selectOption({ label: 'Chăm sóc (phân bón, thuốc BVTV)' });
  await member.getByLabel('Ngày (dd/mm/yyyy)').fill('10/05/2026');
  await member.getByLabel('Tên sản phẩm đã dùng').fill('Phân chuồng hoai mục');
  await member.getByLabel('Liều lượng').fill('1 kg/m²');
  await member.getByLabel('Thời gian cách ly (ngày)').fill('30');
  await member.getByRole('button', { name: 'Ghi sự kiện' }).click();
  await expect(member.locator('.journey__event')).toHaveCount(2);

  // Issue stamps: the page refreshes itself until the background issue is done.
  await member.getByLabel(/^Số tem cần cấp/).fill('130');
  await member.getByRole('button', { name: 'Cấp tem' }).click();
  await expect(member.locator('[data-issue-status="done"]')).toHaveCount(1, { timeout: 20_000 });

  // Download the PDF (a4-65, serials 1–70: two pages) and read its QR codes.
  await member.getByLabel('Khổ tem').selectOption('a4-65');
  await member.getByLabel('Số tem (tối đa 100.000 mỗi tệp)').fill('70');
  const [download] = await Promise.all([
    member.waitForEvent('download'),
    member.getByRole('button', { name: 'Tải PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`tem-${lot}-1.pdf`);
  const pdf = await fs.readFile((await download.path())!);
  const pages = await decodePdfQrCodes(pdf, LABEL_LAYOUTS['a4-65']);
  expect(pages.map((p) => p.length)).toEqual([65, 5]);
  const first = pages[0]?.[0] ?? '';
  expect(first).toMatch(/\/01\/08938401000041\/10\/SAM-[0-9A-Z]+\/21\/1\?a=[0-9A-Z]{14}$/);

  // A buyer, not signed in, opens the stamp URL.
  const buyer = await (await browser.newContext()).newPage();
  await buyer.goto(first.slice(new URL(first).origin.length));
  await expect(buyer.getByRole('heading', { level: 1 })).toHaveText('✓ Tem chính hãng');
  await expect(buyer.getByText('Tem này đã được quét 1 lần')).toBeVisible();
  await expect(buyer.getByRole('heading', { name: 'Hành trình sản phẩm' })).toBeVisible();
  await expect(buyer.getByText('Phân chuồng hoai mục')).toBeVisible();
  await expect(buyer.getByText('Vườn ươm bản Nậm Củm')).toBeVisible();

  // A made-up stamp is not genuine.
  await buyer.goto(first.slice(new URL(first).origin.length).replace('/21/1?', '/21/2?'));
  await expect(buyer.getByRole('heading', { level: 1 })).toHaveText('⚠ Tem không chính hãng');
});
