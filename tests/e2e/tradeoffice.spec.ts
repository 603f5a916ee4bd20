import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import {
  farmerWithCooperative,
  LAI_CHAU_OFFICER,
  listAndSubmit,
  officerApproves,
  signInAs,
} from './flows';

test('an officer imports the register, sees the KPI, approves a waiting listing and sees the KPI rise', async ({
  page,
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const coop = `HTX Gạo Phong Thổ ${suffix}`;
  await farmerWithCooperative(page, coop, 'Xã Phong Thổ');
  await officerApproves(browser, coop);
  await listAndSubmit(page, { name: 'Gạo tẻ râu Phong Thổ', price: '35.000', unit: 'kg' });

  const officer = await signInAs(browser, LAI_CHAU_OFFICER.identifier, LAI_CHAU_OFFICER.password);
  await expect(officer).toHaveURL(/\/so-cong-thuong$/);
  // The demo register is there from the start; the import adds the fixture's six entries to it.
  const summary = officer.getByText(/^\d+\/\d+ sản phẩm OCOP còn hiệu lực/);
  const [, online, total] = /^(\d+)\/(\d+)/.exec((await summary.textContent()) ?? '')!.map(Number);
  const register = fs.readFileSync(
    path.resolve(import.meta.dirname, '../fixtures/register/lai-chau.csv'),
  );
  await officer
    .getByLabel('Tệp CSV')
    .setInputFiles({ name: 'so-ocop-lai-chau.csv', mimeType: 'text/csv', buffer: register });
  await officer.getByRole('button', { name: 'Nhập sổ' }).click();
  await expect(officer.getByRole('status')).toContainText('Đã nhập sổ: 6 mới');
  const headline = officer.locator('.kpi-headline');
  // Five of the six fixture certificates are valid today, none of them online yet.
  const percent = (n: number, d: number) => `${Math.round((1000 * n) / d) / 10}%`;
  await expect(headline).toHaveText(percent(online!, total! + 5));

  // The register entry is matched to the farmer's listing, still waiting for review: not online yet.
  const entry = officer.getByRole('listitem').filter({ hasText: 'Gạo tẻ râu Phong Thổ' });
  await entry
    .locator('form', { hasText: coop })
    .getByRole('button', { name: 'Đúng, ghép' })
    .click();
  await expect(officer.getByRole('status')).toHaveText('Đã ghép.');
  await expect(headline).toHaveText(percent(online!, total! + 5));

  await officer.goto('/duyet');
  await officer
    .getByRole('listitem')
    .filter({ hasText: 'Gạo tẻ râu Phong Thổ' })
    .getByRole('button', { name: 'Duyệt' })
    .click();
  await expect(officer.getByRole('status')).toHaveText('Đã ghi quyết định.');
  await officer.goto('/so-cong-thuong');
  await expect(headline).toHaveText(percent(online! + 1, total! + 5));
  await expect(
    officer.getByText(`${online! + 1}/${total! + 5} sản phẩm OCOP còn hiệu lực`),
  ).toBeVisible();
});
