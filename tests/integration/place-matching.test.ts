import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImport } from '~/catalogue/import/import.server';
import { IMPORT_COLUMNS } from '~/catalogue/import/columns';
import { loadPlaceIndex } from '~/catalogue/index.server';
import { matchPlaceName } from '~/lib/place-match';
import { checkRegisterCsv, REGISTER_COLUMNS } from '~/tradeoffice/register-csv.server';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// Thái Nguyên (19) has “Xã Văn Lang” (02143, from Bắc Kạn's Na Rì) and “Xã Văn Lăng” (05665, Đồng
// Hỷ): they fold to the same letters, so only the diacritics or the code tell them apart.
const VAN_LANG = '02143';
const VAN_LANG_BREVE = '05665';

let data: TestData;
let server: TestServer;
beforeAll(async () => {
  data = copyTemplateDatabase();
  server = await startTestServer({ dataDir: data.dataDir });
});
afterAll(async () => {
  await server?.stop();
  await data?.cleanup();
});

const importRow = (commune: string) =>
  [
    IMPORT_COLUMNS.join(','),
    `HTX Thử Nghiệm Văn Lăng,Thái Nguyên,${commune},Chè xanh thử nghiệm,Chè sao tay.,beverage,Chè,gói,90000,5,,,,,200,`,
  ].join('\n');

describe('place names with and without diacritics', () => {
  const places = [
    { code: VAN_LANG, name: 'Xã Văn Lang' },
    { code: VAN_LANG_BREVE, name: 'Xã Văn Lăng' },
    { code: '01111', name: 'Phường Sìn Hồ' },
  ];

  it('matches the exact name first, with or without prefix and whatever the case', () => {
    expect(matchPlaceName(places, 'Xã Văn Lăng')).toMatchObject({
      ok: true,
      place: { code: VAN_LANG_BREVE },
    });
    expect(matchPlaceName(places, 'văn  lăng')).toMatchObject({
      ok: true,
      place: { code: VAN_LANG_BREVE },
    });
    expect(matchPlaceName(places, 'VĂN LANG')).toMatchObject({
      ok: true,
      place: { code: VAN_LANG },
    });
    expect(matchPlaceName(places, '5665')).toMatchObject({
      ok: true,
      place: { code: VAN_LANG_BREVE },
    });
  });

  it('uses the folded name only when it names one place', () => {
    expect(matchPlaceName(places, 'sin ho')).toMatchObject({ ok: true, place: { code: '01111' } });
    const ambiguous = matchPlaceName(places, 'xa van lang');
    expect(ambiguous).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(ambiguous.ok ? [] : ambiguous.candidates.map((c) => c.code)).toEqual([
      VAN_LANG,
      VAN_LANG_BREVE,
    ]);
  });

  it('refuses a wrong prefix, an unknown name and nothing at all', () => {
    expect(matchPlaceName(places, 'Xã Sìn Hồ')).toMatchObject({ ok: false, reason: 'not_found' });
    expect(matchPlaceName(places, 'Văn Lâm')).toMatchObject({ ok: false, reason: 'not_found' });
    expect(matchPlaceName(places, '  ')).toMatchObject({ ok: false, reason: 'empty' });
  });
});

describe('the product import', () => {
  it.each([
    ['Xã Văn Lăng', VAN_LANG_BREVE],
    ['Văn Lang', VAN_LANG],
    [VAN_LANG_BREVE, VAN_LANG_BREVE],
  ])('imports a row naming %s into commune %s', async (commune, code) => {
    const check = await checkImport(data.db, importRow(commune), { baseDir: null });
    if (!check.ok) throw new Error(JSON.stringify(check.errors));
    expect(check.plan.rows[0]?.communeCode).toBe(code);
  });

  it('answers a folded name shared by two communes with both of them', async () => {
    const check = await checkImport(data.db, importRow('van lang'), { baseDir: null });
    expect(check.ok).toBe(false);
    const errors = check.ok ? [] : check.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]?.column).toBe('commune');
    expect(errors[0]?.message.vi).toContain('Xã Văn Lang (02143)');
    expect(errors[0]?.message.vi).toContain('Xã Văn Lăng (05665)');
    expect(errors[0]?.message.en).toContain('could be');
  });
});

describe('the OCOP register', () => {
  it('matches both communes by their exact names and reports the folded one as ambiguous', async () => {
    const places = await loadPlaceIndex(data.db);
    const row = (n: number, commune: string) =>
      `Chè ${n},HTX ${n},4,${n}/QĐ-UBND,15/03/2025,,beverage,${commune}`;
    const good = checkRegisterCsv(
      [REGISTER_COLUMNS.join(','), row(1, 'Xã Văn Lăng'), row(2, 'Xã Văn Lang')].join('\n'),
      places,
      '19',
    );
    expect(good.ok ? good.rows.map((r) => r.communeCode) : good.errors).toEqual([
      VAN_LANG_BREVE,
      VAN_LANG,
    ]);
    const bad = checkRegisterCsv(
      [REGISTER_COLUMNS.join(','), row(3, 'Van Lang')].join('\n'),
      places,
      '19',
    );
    expect(bad.ok ? [] : bad.errors.map((e) => e.message.en)).toEqual([
      expect.stringContaining('Xã Văn Lang (02143), Xã Văn Lăng (05665)'),
    ]);
  });
});

describe('commune slugs and pages', () => {
  it('gives every commune a unique slug ending with its code', async () => {
    const rows = await data.db.selectFrom('communes').select(['code', 'slug']).execute();
    expect(rows.length).toBe(3321);
    expect(new Set(rows.map((r) => r.slug)).size).toBe(rows.length);
    for (const r of rows) expect(r.slug.endsWith(`-${r.code}`)).toBe(true);
  });

  const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });

  it('shows each of the two communes on its own page', async () => {
    const page = await get(`/tinh/thai-nguyen/xa-van-lang-${VAN_LANG_BREVE}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Xã Văn Lăng');
    const other = await get(`/tinh/thai-nguyen/xa-van-lang-${VAN_LANG}`);
    expect(other.status).toBe(200);
    expect(await other.text()).toContain('Xã Văn Lang');
  });

  it('offers both communes for the old shared slug and moves an old unique one', async () => {
    const shared = await get('/tinh/thai-nguyen/xa-van-lang');
    expect(shared.status).toBe(300);
    const html = await shared.text();
    expect(html).toContain(`/tinh/thai-nguyen/xa-van-lang-${VAN_LANG}`);
    expect(html).toContain(`/tinh/thai-nguyen/xa-van-lang-${VAN_LANG_BREVE}`);
    const code = (
      await data.db
        .selectFrom('communes')
        .select('code')
        .where('full_name', '=', 'Xã Bát Xát')
        .executeTakeFirstOrThrow()
    ).code;
    const moved = await get('/tinh/lao-cai/xa-bat-xat');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`/tinh/lao-cai/xa-bat-xat-${code}`);
  });

  it('answers 404 for an unknown commune or a commune of another province', async () => {
    expect((await get('/tinh/thai-nguyen/xa-khong-co')).status).toBe(404);
    expect((await get(`/tinh/lao-cai/xa-van-lang-${VAN_LANG}`)).status).toBe(404);
    expect((await get(`/tinh/khong-co/xa-van-lang-${VAN_LANG}`)).status).toBe(404);
  });
});
