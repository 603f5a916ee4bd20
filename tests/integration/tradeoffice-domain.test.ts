import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '~/accounts';
import { loadActor } from '~/accounts/index.server';
import { tradeofficeMessages as m } from '~/i18n/messages/tradeoffice';
import { tradeOfficeDashboard } from '~/tradeoffice/dashboard.server';
import { DRILL_PAGE_ROWS, drillCsv, drillPage } from '~/tradeoffice/drilldown.server';
import { provinceExport } from '~/tradeoffice/exports.server';
import { importRegisterFile } from '~/tradeoffice/register.server';
import { provinceReport } from '~/tradeoffice/report.server';
import { recordReviewDecision } from '~/tradeoffice/review.server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// The trade office functions the routes call, without HTTP: one call per page or download.
const REGISTER = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/register/lai-chau.csv'),
);
let data: TestData;
let officer: Actor;
let other: Actor;
let admin: Actor;

const actorOf = async (query: { email?: string; admin?: true }) => {
  const user = await data.db
    .selectFrom('users')
    .select('id')
    .$if(query.email !== undefined, (q) => q.where('email', '=', query.email ?? ''))
    .$if(query.admin === true, (q) => q.where('is_admin', '=', 1))
    .executeTakeFirstOrThrow();
  const actor = await loadActor(data.db, user.id);
  if (!actor) throw new Error('no actor');
  return actor;
};
const refusal = async (run: Promise<unknown>) => {
  try {
    await run;
  } catch (error) {
    return error as { status: number; field?: string; userMessage: { vi: string; en: string } };
  }
  throw new Error('expected a refusal');
};

beforeAll(async () => {
  data = copyTemplateDatabase();
  officer = await actorOf({ email: 'socongthuong.laichau@chophien.test' });
  other = await actorOf({ email: 'socongthuong.laocai@chophien.test' });
  admin = await actorOf({ admin: true });
  const imported = await importRegisterFile(data.db, officer, '12', new Blob([REGISTER]));
  expect(imported).toMatchObject({ ok: true, created: 6 });
});
afterAll(async () => {
  await data?.cleanup();
});

describe('tradeOfficeDashboard', () => {
  it("gathers the province's KPI, queue, sales and stamps for its officers only", async () => {
    const page = await tradeOfficeDashboard(data.db, officer, '12');
    expect(page.province).toEqual({ code: '12', name: 'Lai Châu' });
    expect(page).toMatchObject({ registerSize: 6, kpi: { total: 5 } });
    expect(page.waiting.organizations.count).toBeGreaterThanOrEqual(0);
    expect(page.suggestions.length).toBeGreaterThan(0);
    expect((await refusal(tradeOfficeDashboard(data.db, other, '12'))).status).toBe(403);
    const unknown = await refusal(tradeOfficeDashboard(data.db, admin, '99'));
    expect(unknown).toMatchObject({ status: 404, userMessage: { vi: m.provinceUnknown.vi } });
  });
});

describe('provinceReport', () => {
  it('fills the period with this month up to today and counts its months', async () => {
    const report = await provinceReport(
      data.db,
      officer,
      '12',
      { from: null, to: null },
      '2026-11-20',
    );
    expect(report).toMatchObject({ from: '2026-11-01', to: '2026-11-20' });
    expect(report.kpi.trend).toHaveLength(1);
    const quarter = await provinceReport(
      data.db,
      officer,
      '12',
      { from: '2026-09-01', to: '2026-11-30' },
      '2026-12-01',
    );
    expect(quarter.kpi.trend.map((t) => t.month)).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  it('refuses a reversed period (400) and another province (403)', async () => {
    const reversed = await refusal(
      provinceReport(data.db, officer, '12', { from: '2026-12-01', to: '2026-11-01' }),
    );
    expect(reversed).toMatchObject({ status: 400, field: 'tu' });
    expect(reversed.userMessage.en).toBe(m.reportPeriodInvalid.en);
    const period = { from: null, to: null };
    expect((await refusal(provinceReport(data.db, other, '12', period))).status).toBe(403);
  });
});

describe('provinceExport', () => {
  it('lays out each table with its file name and type', async () => {
    const kpi = await provinceExport(data.db, officer, '12', 'kpi');
    expect(kpi).toMatchObject({
      filename: 'ocop-12-kpi.csv',
      contentType: 'text/csv; charset=utf-8',
    });
    expect(String(kpi.body).split('\r\n')[0]).toBe('\uFEFFbreakdown,key,total,online,percent');
    expect((await provinceExport(data.db, officer, '12', 'chung-nhan')).filename).toBe(
      'ocop-12-certificates.csv',
    );
    expect(String((await provinceExport(data.db, officer, '12', 'tem')).body)).toContain(
      'stamps_issued,',
    );
    const xlsx = await provinceExport(data.db, officer, '12', 'bao-cao-thang', '2026-11-20');
    expect(xlsx).toMatchObject({ filename: 'bao-cao-ocop-12-2026-11.xlsx' });
    expect(xlsx.body).toBeInstanceOf(Uint8Array);
    expect((await refusal(provinceExport(data.db, other, '12', 'ban-hang'))).status).toBe(403);
  });
});

describe('drillPage and drillCsv', () => {
  it('give the rows of a figure with the names its title needs and the CSV link', async () => {
    const params = new URLSearchParams({ figure: 'valid', commune: '03390' });
    const page = await drillPage(data.db, officer, params);
    expect(page.province).toEqual({ code: '12', name: 'Lai Châu' });
    expect(page.communeName).toBe('Xã Bình Lư');
    expect(page.csvQuery).toBe('figure=valid&commune=03390&tinh=12');
    expect(page.rows.length).toBe(page.total);
    expect(page.total).toBeLessThanOrEqual(DRILL_PAGE_ROWS);
    // The page holds group codes (named in its language); the CSV names them in Vietnamese.
    const group = page.columns.find((c) => c.key === 'group');
    expect(group?.ocopGroups).toBe(true);
    const csv = await drillCsv(data.db, officer, new URLSearchParams({ figure: 'valid' }));
    expect(csv.filename).toBe('chi-tiet-12-valid.csv');
    expect(csv.csv).toMatch(/,(Đồ uống|Thực phẩm|Thảo dược),/);
  });

  it('refuses a bad query string (400) and another province (403)', async () => {
    const bogus = await refusal(drillPage(data.db, officer, new URLSearchParams({ figure: 'x' })));
    expect(bogus).toMatchObject({ status: 400, field: 'figure' });
    expect(bogus.userMessage.vi).toBe('Không có số liệu “x”.');
    const params = new URLSearchParams({ tinh: '12', figure: 'valid' });
    expect((await refusal(drillCsv(data.db, other, params))).status).toBe(403);
  });
});

describe('recordReviewDecision', () => {
  it("turns the officer's decision into the catalogue's review of that item", async () => {
    const pending = await data.db
      .selectFrom('organizations')
      .select('id')
      .where('province_code', '=', '12')
      .where('verification_state', '=', 'approved')
      .executeTakeFirstOrThrow();
    await data.db
      .updateTable('organizations')
      .set({ verification_state: 'pending' })
      .where('id', '=', pending.id)
      .execute();
    const decide = (actor: Actor, decision: 'approve' | 'request_changes', reason = '') =>
      recordReviewDecision(data.db, actor, {
        intent: 'organization',
        id: pending.id,
        decision,
        reason,
      });
    expect((await refusal(decide(officer, 'request_changes'))).status).toBe(400);
    expect((await refusal(decide(other, 'approve'))).status).toBe(403);
    await decide(officer, 'approve');
    const state = await data.db
      .selectFrom('organizations')
      .select('verification_state')
      .where('id', '=', pending.id)
      .executeTakeFirstOrThrow();
    expect(state.verification_state).toBe('approved');
  });
});
