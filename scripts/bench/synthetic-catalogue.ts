import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { DB } from '~db/connection.server';
import { catalogueSearchDocuments } from '~/catalogue/index.server';
import { refreshEmbeddedIndex } from '~/search/index.server';

interface SeedProduct {
  name: string;
  description: string;
  group: string;
  category: string;
  unit: string;
  priceVnd: number;
  cooperative: string;
}
interface SeedCooperative {
  slug: string;
  name: string;
  provinceCode: string;
  communeCode: string;
}

const SIZES = [
  '100 g',
  '200 g',
  '250 g',
  '500 g',
  '1 kg',
  '2 kg',
  'hộp quà',
  'túi lưới',
  'loại đặc biệt',
  'loại 1',
];
const EXTRA = [
  'Thượng hạng',
  'Cổ thụ',
  'Hữu cơ',
  'Truyền thống',
  'Vụ mới',
  'Quà biếu',
  'Gia đình',
  'Sấy lạnh',
];

/** Deterministic pseudo-random numbers, so every benchmark run builds the same catalogue. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Fills a migrated, reference-seeded database with `count` published products built from the demo
 * vocabulary (names, descriptions, categories) spread over all 34 provinces, and indexes them.
 */
export async function buildSyntheticCatalogue(
  db: DB,
  count: number,
  seedsDir: string,
): Promise<void> {
  const products = JSON.parse(
    fs.readFileSync(path.join(seedsDir, 'demo/products.json'), 'utf8'),
  ) as SeedProduct[];
  const cooperatives = JSON.parse(
    fs.readFileSync(path.join(seedsDir, 'demo/cooperatives.json'), 'utf8'),
  ) as SeedCooperative[];
  const provinces = await db.selectFrom('provinces').select('code').execute();
  const communes = await db.selectFrom('communes').select(['code', 'province_code']).execute();
  const rand = random(42);
  const nth = <T>(list: T[], i: number): T => {
    const item = list[i % list.length];
    if (item === undefined) throw new Error('the seed lists must not be empty');
    return item;
  };
  const pick = <T>(list: T[]) => nth(list, Math.floor(rand() * list.length));
  const now = Date.now();

  const organizationCount = Math.max(50, Math.round(count / 200));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < organizationCount; i++) {
      const base = nth(cooperatives, i);
      const province = i < cooperatives.length ? base.provinceCode : pick(provinces).code;
      const inProvince = communes.filter((c) => c.province_code === province);
      const commune = inProvince.length ? pick(inProvince) : null;
      await trx
        .insertInto('organizations')
        .values({
          slug: `bench-org-${i}`,
          name: `${base.name} ${i}`,
          kind: 'cooperative',
          province_code: province,
          commune_code: commune?.code ?? null,
          address_line: '',
          phone: '',
          description: '',
          verification_state: 'approved',
          created_at: new Date(now).toISOString(),
          updated_at: new Date(now).toISOString(),
        })
        .execute();
    }
  });
  const orgIds = (
    await db.selectFrom('organizations').select('id').where('slug', 'like', 'bench-org-%').execute()
  ).map((r) => r.id);

  const batch = 2_000;
  for (let start = 0; start < count; start += batch) {
    await db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      for (let i = start; i < Math.min(count, start + batch); i++) {
        const base = nth(products, i);
        const name = `${base.name} ${pick(EXTRA)} ${pick(SIZES)} #${i}`;
        const created = new Date(now - Math.floor(rand() * 720) * 86_400_000).toISOString();
        const row = await trx
          .insertInto('products')
          .values({
            organization_id: pick(orgIds),
            slug: `bench-${i}`,
            name,
            name_key: `bench-${i}`,
            description: base.description,
            ocop_group: base.group as 'food',
            category: base.category,
            unit: base.unit,
            net_quantity: '',
            weight_g: 500,
            price_vnd: Math.max(10_000, Math.round((base.priceVnd * (0.5 + rand())) / 1000) * 1000),
            stock: rand() < 0.1 ? 0 : Math.floor(rand() * 200),
            status: 'published',
            created_at: created,
            updated_at: created,
            published_at: created,
            gtin: null,
            origin_commune_code: null,
            rejection_reason: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
        if (rand() < 0.6) {
          await trx
            .insertInto('ocop_certificates')
            .values({
              product_id: row.id,
              stars: pick([3, 3, 3, 4, 4, 5]) as 3,
              certificate_no: `BENCH-${i}`,
              issuer: 'UBND tỉnh',
              issued_on: '2025-01-01',
              expires_on: '2028-01-01',
              review_state: 'approved',
              created_at: created,
              updated_at: created,
            })
            .execute();
        }
      }
      await refreshEmbeddedIndex(trx, catalogueSearchDocuments, ids);
    });
  }
  await sql`insert into product_fts(product_fts) values('optimize')`.execute(db);
}
