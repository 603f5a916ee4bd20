import { sql } from 'kysely';
import { PRICE_BUCKETS, type SearchFacets, type SearchQuery } from '../types';

/** One row of the facet cube: a count for each combination of facet values among the matches. */
export interface CubeRow {
  province_code: string;
  ocop_group: string;
  ocop_stars: number | null;
  bucket: number;
  in_stock: number;
  n: number;
}

export const PRICE_BUCKET_SQL = `case ${PRICE_BUCKETS.map((b, i) =>
  b.max === null ? `else ${i}` : `when s.price_vnd < ${b.max} then ${i}`,
).join(' ')} end`;

/** A facet cube row with one count per price bucket (b0, b1, …), for scans grouped without the bucket. */
export type BucketSums = Omit<CubeRow, 'bucket' | 'n'> & Record<`b${number}`, number>;

/** SQL for the bucket counts of `BucketSums` (SQLite: a comparison is 0 or 1). */
export const BUCKET_SUMS = sql.raw(
  PRICE_BUCKETS.map((_, i) => `sum((${PRICE_BUCKET_SQL}) = ${i}) as b${i}`).join(', '),
);

export function cubeFromBucketSums(rows: BucketSums[]): CubeRow[] {
  return rows.flatMap(({ province_code, ocop_group, ocop_stars, in_stock, ...sums }) =>
    PRICE_BUCKETS.map((_, bucket) => ({
      province_code,
      ocop_group,
      ocop_stars,
      in_stock,
      bucket,
      n: sums[`b${bucket}`] ?? 0,
    })).filter((r) => r.n > 0),
  );
}

/**
 * Disjunctive facet counts and the total from one GROUP BY over the matches: each facet counts rows
 * that pass every filter but its own. `priceCube` (when a price filter is set) lacks the price filter
 * and serves the price facet; `cube` has it and serves everything else.
 */
export function computeFacets(
  query: SearchQuery,
  cube: CubeRow[],
  priceCube: CubeRow[] = cube,
): { total: number; facets: SearchFacets } {
  const facets: SearchFacets = { province: {}, group: {}, stars: {}, price: {}, inStock: 0 };
  const add = (record: Record<string, number>, key: string, n: number) => {
    record[key] = (record[key] ?? 0) + n;
  };
  const passes = (r: CubeRow) => ({
    province: query.provinceCodes.length === 0 || query.provinceCodes.includes(r.province_code),
    group: query.groups.length === 0 || (query.groups as string[]).includes(r.ocop_group),
    stars:
      query.stars.length === 0 ||
      (r.ocop_stars !== null && (query.stars as number[]).includes(r.ocop_stars)),
    stock: !query.inStockOnly || r.in_stock === 1,
  });
  let total = 0;
  for (const r of cube) {
    const p = passes(r);
    if (p.province && p.group && p.stars && p.stock) total += r.n;
    if (p.group && p.stars && p.stock) add(facets.province, r.province_code, r.n);
    if (p.province && p.stars && p.stock) add(facets.group, r.ocop_group, r.n);
    if (p.province && p.group && p.stock && r.ocop_stars !== null)
      add(facets.stars, String(r.ocop_stars), r.n);
    if (p.province && p.group && p.stars && r.in_stock === 1) facets.inStock += r.n;
  }
  for (const r of priceCube) {
    const p = passes(r);
    const bucket = PRICE_BUCKETS[r.bucket];
    if (bucket && p.province && p.group && p.stars && p.stock) add(facets.price, bucket.key, r.n);
  }
  return { total, facets };
}

/**
 * A bounded LRU of facet cubes (size 0: no cache). Cubes depend only on the text and the price range,
 * not on the other filters, the sort or the page, so a buyer refining a search reuses one; callers key
 * them by the search version bumped on every change. Shared by the SQLite and PostgreSQL engines.
 */
export function createCubeCache(size: number) {
  const cubes = new Map<string, CubeRow[]>();
  return async function cachedCube(
    key: string,
    compute: () => Promise<CubeRow[]>,
  ): Promise<CubeRow[]> {
    const hit = cubes.get(key);
    if (hit && size > 0) {
      cubes.delete(key);
      cubes.set(key, hit);
      return hit;
    }
    const rows = await compute();
    if (size === 0) return rows;
    cubes.set(key, rows);
    if (cubes.size > size) cubes.delete(cubes.keys().next().value!);
    return rows;
  };
}
