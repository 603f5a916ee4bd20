import type { DB } from '~db/connection.server';
import type { Commune, Province } from '~db/schema';
import { fold } from '~/search/fold';
import { placeKey } from './place-names';

const foldedFullName = (text: string) => fold(text).replace(/\s+/g, ' ').trim();

export interface Place {
  code: string;
  name: string;
  fullName: string;
  slug: string;
  formerNames: string[];
}

const toPlace = (row: Province | Commune): Place => ({
  code: row.code,
  name: row.name,
  fullName: row.full_name,
  slug: row.slug,
  formerNames: JSON.parse(row.former_names) as string[],
});

export async function listProvinces(db: DB): Promise<Place[]> {
  const rows = await db.selectFrom('provinces').selectAll().orderBy('name').execute();
  return rows.map(toPlace).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export async function listCommunes(db: DB, provinceCode: string): Promise<Place[]> {
  const rows = await db.selectFrom('communes').selectAll().where('province_code', '=', provinceCode).execute();
  return rows.map(toPlace).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** A province by official code ("15"), slug ("lao-cai") or name with or without diacritics and prefix. */
export async function findProvince(db: DB, text: string): Promise<Place | null> {
  const value = text.trim();
  if (!value) return null;
  const direct = await db
    .selectFrom('provinces')
    .selectAll()
    .where((eb) => eb.or([eb('code', '=', value.padStart(2, '0')), eb('slug', '=', value)]))
    .executeTakeFirst();
  if (direct) return toPlace(direct);
  const key = placeKey(value);
  const all = await db.selectFrom('provinces').selectAll().execute();
  const found = all.find((p) => placeKey(p.name) === key);
  return found ? toPlace(found) : null;
}

/** A commune of a province by official code or name (diacritics and "Xã"/"Phường" prefix optional). */
export async function findCommune(db: DB, provinceCode: string, text: string): Promise<Place | null> {
  const value = text.trim();
  if (!value) return null;
  const communes = await db.selectFrom('communes').selectAll().where('province_code', '=', provinceCode).execute();
  const byCode = communes.find((c) => c.code === value.padStart(5, '0'));
  if (byCode) return toPlace(byCode);
  const key = placeKey(value);
  const hasPrefix = key !== foldedFullName(value);
  // With a prefix the kind must match too ("Phường Sa Pa" is not "Xã Sa Pa"); without one, the name alone.
  const matches = hasPrefix
    ? communes.filter((c) => foldedFullName(c.full_name) === foldedFullName(value))
    : communes.filter((c) => placeKey(c.name) === key);
  return matches.length === 1 ? toPlace(matches[0]) : null;
}

export async function getCommune(db: DB, code: string): Promise<(Place & { provinceCode: string }) | null> {
  const row = await db.selectFrom('communes').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? { ...toPlace(row), provinceCode: row.province_code } : null;
}
