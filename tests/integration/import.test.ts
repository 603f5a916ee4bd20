import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyImport, checkImport } from '~/catalogue/import/import.server';
import { IMPORT_COLUMNS } from '~/catalogue/import/columns';
import { refreshEmbeddedSearch } from '../helpers/search';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const HEADER = IMPORT_COLUMNS.join(',');
let data: TestData;

beforeEach(() => {
  data = copyTemplateDatabase();
  fs.rmSync(data.uploadsDir);
  fs.mkdirSync(data.uploadsDir);
});
afterEach(async () => {
  await data.cleanup();
});

async function counts() {
  const count = async (
    table: 'products' | 'organizations' | 'ocop_certificates' | 'product_images' | 'search_outbox',
  ) =>
    Number(
      (
        await data.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    products: await count('products'),
    organizations: await count('organizations'),
    certificates: await count('ocop_certificates'),
    images: await count('product_images'),
    outbox: await count('search_outbox'),
    files: (fs.readdirSync(data.uploadsDir, { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.webp'),
    ).length,
  };
}

describe('catalogue CSV import', () => {
  it('imports a good file, creating unknown cooperatives unverified, and a second import changes nothing', async () => {
    const before = await counts();
    const text = fs.readFileSync(path.join(FIXTURES, 'good.csv'), 'utf8');
    const check = await checkImport(data.db, text, { baseDir: FIXTURES });
    if (!check.ok) throw new Error(JSON.stringify(check.errors));
    expect(await applyImport(data.db, check.plan, { uploadsDir: data.uploadsDir })).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
      cooperativesCreated: 2,
    });

    const honey = await data.db
      .selectFrom('products as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .innerJoin('ocop_certificates as c', 'c.product_id', 'p.id')
      .select([
        'p.price_vnd',
        'p.origin_commune_code',
        'o.verification_state',
        'o.province_code',
        'c.stars',
        'c.expires_on',
        'c.issuer',
      ])
      .where('p.name', '=', 'Mật ong bạc hà thử nghiệm')
      .executeTakeFirstOrThrow();
    expect(honey).toMatchObject({
      price_vnd: 250000,
      origin_commune_code: '02683',
      verification_state: 'pending',
      province_code: '15',
      stars: 4,
      expires_on: '2028-03-15',
      issuer: 'UBND tỉnh Lào Cai',
    });
    const tea = await data.db
      .selectFrom('products')
      .selectAll()
      .where('name', '=', 'Chè xanh thử nghiệm')
      .executeTakeFirstOrThrow();
    expect(tea).toMatchObject({ ocop_group: 'beverage', stock: 0 });
    const herb = await data.db
      .selectFrom('products as p')
      .innerJoin('ocop_certificates as c', 'c.product_id', 'p.id')
      .select(['c.issued_on', 'c.expires_on'])
      .where('p.name', '=', 'Thảo quả khô thử nghiệm')
      .executeTakeFirstOrThrow();
    expect(herb).toEqual({ issued_on: '2024-06-01', expires_on: '2027-06-01' });

    const after = await counts();
    expect(after.products - before.products).toBe(3);
    expect(after.images - before.images).toBe(1);
    expect(after.files).toBe(3);
    await refreshEmbeddedSearch(data.db);
    const searchable = await data.db
      .selectFrom('product_search')
      .select('product_id')
      .where('product_id', '=', tea.id)
      .executeTakeFirst();
    expect(searchable).toBeDefined();

    const again = await checkImport(data.db, text, { baseDir: FIXTURES });
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(await applyImport(data.db, again.plan, { uploadsDir: data.uploadsDir })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      cooperativesCreated: 0,
    });
    expect(await counts()).toEqual(after);
  });

  it('updates a product whose row changed', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'good.csv'), 'utf8');
    const first = await checkImport(data.db, text, { baseDir: FIXTURES });
    if (!first.ok) throw new Error('expected ok');
    await applyImport(data.db, first.plan, { uploadsDir: data.uploadsDir });
    const changed = await checkImport(data.db, text.replace(',90000,', ',95000,'), {
      baseDir: FIXTURES,
    });
    if (!changed.ok) throw new Error('expected ok');
    expect(await applyImport(data.db, changed.plan, { uploadsDir: data.uploadsDir })).toMatchObject(
      { updated: 1, unchanged: 2 },
    );
  });

  const good = 'HTX A,Lào Cai,,Sản phẩm tốt,Mô tả,food,Loại,gói,50000,1,,,,,,';
  it.each([
    [
      'unknown province',
      'HTX A,Atlantis,,Sản phẩm X,,food,,gói,50000,1,,,,,,',
      'province',
      'Không tìm thấy tỉnh',
    ],
    [
      'unknown commune',
      'HTX A,Lào Cai,Xã Không Có,Sản phẩm X,,food,,gói,50000,1,,,,,,',
      'commune',
      'Không tìm thấy xã/phường',
    ],
    [
      'price with decimals',
      'HTX A,Lào Cai,,Sản phẩm X,,food,,gói,50000.5,1,,,,,,',
      'price_vnd',
      'số nguyên dương',
    ],
    [
      'zero price',
      'HTX A,Lào Cai,,Sản phẩm X,,food,,gói,0,1,,,,,,',
      'price_vnd',
      'số nguyên dương',
    ],
    [
      'stars 2',
      'HTX A,Lào Cai,,Sản phẩm X,,food,,gói,50000,1,2,1/QĐ,2024-01-01,,,',
      'ocop_stars',
      'để trống hoặc là 3, 4, 5',
    ],
    [
      'stars without date',
      'HTX A,Lào Cai,,Sản phẩm X,,food,,gói,50000,1,4,1/QĐ,31/02/2024,,,',
      'ocop_issued_on',
      'Ngày cấp',
    ],
    [
      'wrong GTIN check digit',
      'HTX A,Lào Cai,,Sản phẩm X,,food,,gói,50000,1,,,,8930000000018,,',
      'gtin',
      'GTIN',
    ],
    [
      'unknown group',
      'HTX A,Lào Cai,,Sản phẩm X,,cars,,gói,50000,1,,,,,,',
      'group',
      'Nhóm sản phẩm',
    ],
    [
      'duplicate product of the same cooperative',
      'HTX A,lao cai,,SẢN PHẨM TỐT,Khác,food,,gói,60000,1,,,,,,',
      'name',
      'Trùng sản phẩm',
    ],
    [
      'unreadable image',
      'HTX A,Lào Cai,,Sản phẩm X,,food,,gói,50000,1,,,,,,broken.png',
      'image',
      'Không đọc được ảnh',
    ],
    [
      'image outside the folder',
      'HTX A,Lào Cai,,Sản phẩm X,,food,,gói,50000,1,,,,,,../../../etc/passwd',
      'image',
      'phải nằm trong thư mục',
    ],
    ['missing columns', 'HTX A,Lào Cai,Sản phẩm X', undefined, 'Cần 16 cột'],
  ])(
    'rejects a file with a %s, reporting the line, and writes nothing',
    async (_name, badRow, column, message) => {
      const before = await counts();
      const text = `\uFEFF${HEADER}\n${good}\n${badRow}\n`;
      const check = await checkImport(data.db, text, { baseDir: FIXTURES });
      expect(check.ok).toBe(false);
      if (check.ok) return;
      expect(check.errors[0]).toMatchObject({ line: 3, ...(column ? { column } : {}) });
      expect(check.errors[0]?.message.vi).toContain(message);
      expect(check.errors[0]?.message.en.length).toBeGreaterThan(10);
      expect(await counts()).toEqual(before);
    },
  );

  it('reports every bad row, not only the first', async () => {
    const text = `${HEADER}\nHTX A,Atlantis,,X,,food,,gói,1,1,,,,,,\n${good}\nHTX A,Lào Cai,,Y,,food,,gói,-3,1,,,,,,\n`;
    const check = await checkImport(data.db, text, { baseDir: FIXTURES });
    expect(check.ok ? [] : check.errors.map((e) => e.line)).toEqual([2, 4]);
  });

  it('rejects a wrong header', async () => {
    const check = await checkImport(data.db, `name,price\nX,1\n`, { baseDir: FIXTURES });
    expect(check.ok ? null : check.errors[0]).toMatchObject({ line: 1 });
  });

  it('the command line exits non-zero, lists the errors and writes nothing', async () => {
    const before = await counts();
    const file = path.join(data.dataDir, 'bad.csv');
    fs.writeFileSync(file, `${HEADER}\n${good}\nHTX A,Lào Cai,,Z,,food,,gói,abc,1,,,,,,\n`);
    let output = '';
    let status = 0;
    try {
      execFileSync('npx', ['tsx', 'scripts/import.ts', file], {
        env: { ...process.env, DATA_DIR: data.dataDir },
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      status = (error as { status: number }).status;
      output = String((error as { stderr: string }).stderr);
    }
    expect(status).toBe(1);
    expect(output).toContain('Dòng/line 3 [price_vnd]');
    expect(output).toContain('Không nhập gì cả');
    expect(await counts()).toEqual(before);
  });
});
