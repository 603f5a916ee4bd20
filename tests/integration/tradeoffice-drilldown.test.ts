import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../helpers/browser-less';
import {
  csvRows,
  decode,
  startTradeOfficeWorld,
  stopTradeOfficeWorld,
  type TradeOfficeWorld,
} from './tradeoffice-fixture';

// Every figure of the dashboard opens the rows behind it (decision 008); sales and stamps in detail are
// in tradeoffice-activity.test.ts.
let world: TradeOfficeWorld;
let server: TradeOfficeWorld['server'];
let laiChau: TradeOfficeWorld['laiChau'];
let laoCai: TradeOfficeWorld['laoCai'];

beforeAll(async () => {
  world = await startTradeOfficeWorld();
  ({ server, laiChau, laoCai } = world);
});
afterAll(() => stopTradeOfficeWorld(world));

/** The number a drill-down link stands for, read from the link's own text the way an officer reads it. */
function figureOf(
  href: string,
  text: string,
  kpiCsv: Array<Record<string, string>>,
  salesCsv: Array<Record<string, string>>,
): number {
  const params = new URL(href, 'http://x').searchParams;
  const figure = params.get('figure')!;
  const number = (re: RegExp) => {
    const found = re.exec(text)?.[1];
    if (found === undefined) throw new Error(`no figure in “${text}” for ${href}`);
    return Number(found.replace(/\./g, ''));
  };
  switch (figure) {
    case 'valid':
      return /\(\d+\/(\d+)\)/.test(text) ? number(/\(\d+\/(\d+)\)/) : number(/^(\d+) còn hiệu lực/);
    case 'online':
      return number(/^(\d+) đang bán/);
    case 'todo':
      return params.has('producer') ? number(/^(\d+)$/) : number(/\((\d+)\)/);
    case 'month':
      return Number(
        kpiCsv.find((r) => r.breakdown === 'month' && r.key === params.get('month'))!.total,
      );
    case 'expiring':
    case 'expired-listed':
    case 'not-in-register':
      return number(/\((\d+)\):/);
    case 'queue-organizations':
    case 'queue-listings':
    case 'queue-claims':
      return number(/: (\d+)/);
    case 'sales':
      if (params.get('method') === 'cashless')
        return Number(salesCsv.find((r) => r.table === 'cashless')!.orders);
      return params.size === 2 ? number(/^(\d+) đơn/) : number(/\((\d+) đơn/);
    case 'stamps-issued':
      return number(/\((\d+) đợt\)/);
    default:
      return number(/: (\d+)$/);
  }
}

describe('every figure of the dashboard drills down to the rows behind it', () => {
  it('lists exactly as many rows as each figure counts, for every kind of figure', async () => {
    const html = decode(await (await laiChau.get('/so-cong-thuong?tinh=12')).text());
    const links = [...html.matchAll(/<a href="(\/so-cong-thuong\/chi-tiet\?[^"]+)">([^<]*)<\/a>/g)]
      .map(([, href = '', text = '']) => ({ href, text: text.trim() }))
      // Figures carry a number; the demand table's "put on the to-do list" link does not.
      .filter((link) => /\d/.test(link.text));
    const kinds = new Set(links.map((l) => new URL(l.href, 'http://x').searchParams.get('figure')));
    expect([...kinds].sort()).toEqual(
      [
        'expired-listed',
        'expiring',
        'month',
        'not-in-register',
        'online',
        'queue-claims',
        'queue-listings',
        'queue-organizations',
        'sales',
        'stamp-reports',
        'stamps-copied',
        'stamps-issued',
        'stamps-scanned',
        'todo',
        'valid',
      ].sort(),
    );
    const kpiCsv = await csvRows(laiChau, '/so-cong-thuong/xuat?tinh=12&bang=kpi');
    const salesCsv = await csvRows(laiChau, '/so-cong-thuong/xuat?tinh=12&bang=ban-hang');
    expect(links.length).toBeGreaterThan(30);
    for (const link of links) {
      const rows = await csvRows(laiChau, link.href);
      expect(rows.length, `${link.text} → ${link.href}`).toBe(
        figureOf(link.href, link.text, kpiCsv, salesCsv),
      );
    }
  });

  it('shows the KPI figures on the page with the matched listing of each register entry', async () => {
    const online = await csvRows(laiChau, '/so-cong-thuong/chi-tiet?tinh=12&figure=online');
    expect(online).toHaveLength(1);
    expect(online[0]).toMatchObject({
      product_name: 'Thảo quả khô Sìn Hồ',
      certificate_no: '1202/QĐ-UBND',
      listing_status: 'published',
      online: '1',
    });
    const todo = await csvRows(laiChau, '/so-cong-thuong/chi-tiet?tinh=12&figure=todo');
    expect(todo.map((r) => r.product_name).sort()).toEqual([
      'Chè xanh Tam Đường',
      'Gạo tẻ râu Phong Thổ',
      'Mật ong bạc hà Sìn Hồ',
      'Sâm Lai Châu tươi',
    ]);
    const page = decode(
      await (await laiChau.get('/so-cong-thuong/chi-tiet?tinh=12&figure=valid&stars=4')).text(),
    );
    expect(page).toContain('Sản phẩm OCOP còn hiệu lực trong sổ — 4 sao');
    expect(page).toContain('<strong>2</strong> dòng');
    expect(page).toContain('Tải CSV các dòng này');
  });

  it('refuses bad figures and other provinces, and sends visitors to sign in', async () => {
    const bogus = await laiChau.get('/so-cong-thuong/chi-tiet?tinh=12&figure=bogus');
    expect(bogus.status).toBe(400);
    expect(decode(await bogus.text())).toContain('Không có số liệu “bogus”.');
    const month = await laiChau.get('/so-cong-thuong/chi-tiet?tinh=12&figure=month&month=2026-13');
    expect(month.status).toBe(400);
    expect(decode(await month.text())).toContain('Tháng phải có dạng YYYY-MM.');
    expect(
      (await laiChau.get('/so-cong-thuong/chi-tiet?tinh=12&figure=valid&stars=7')).status,
    ).toBe(400);
    expect(
      (await laiChau.get('/so-cong-thuong/chi-tiet?tinh=12&figure=month&month=2001-01')).status,
    ).toBe(400);
    expect(
      (await laiChau.get('/so-cong-thuong/chi-tiet?tinh=12&figure=sales&method=cash')).status,
    ).toBe(400);
    for (const figure of ['valid', 'sales', 'queue-listings', 'stamps-scanned']) {
      expect((await laoCai.get(`/so-cong-thuong/chi-tiet?tinh=12&figure=${figure}`)).status).toBe(
        403,
      );
      expect(
        (await laoCai.get(`/so-cong-thuong/chi-tiet/csv?tinh=12&figure=${figure}`)).status,
      ).toBe(403);
    }
    expect((await laoCai.get('/so-cong-thuong/xuat?tinh=12&bang=ban-hang')).status).toBe(403);
    expect((await laoCai.get('/so-cong-thuong/xuat?tinh=12&bang=tem')).status).toBe(403);
    expect(
      (await new FormClient(server.url).get('/so-cong-thuong/chi-tiet?figure=valid')).status,
    ).toBe(302);
    expect(
      (await new FormClient(server.url).get('/so-cong-thuong/chi-tiet/csv?figure=valid')).status,
    ).toBe(302);
    expect((await laiChau.get('/so-cong-thuong/chi-tiet/csv?tinh=12&figure=bogus')).status).toBe(
      400,
    );
  });
});
