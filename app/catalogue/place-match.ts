import { fold } from '~/lib/text';
import { placeKey } from './place-names';

/** Provinces and their communes in memory, for matching many rows without a query each. */
export interface PlaceIndex {
  provinces: Array<{ code: string; name: string; fullName: string }>;
  communesByProvince: Map<string, Array<{ code: string; name: string; fullName: string }>>;
}

const key = (text: string) => fold(text).replace(/\s+/g, ' ').trim();

export function matchProvince(places: PlaceIndex, text: string) {
  const value = text.trim();
  if (/^\d{1,2}$/.test(value))
    return places.provinces.find((p) => p.code === value.padStart(2, '0')) ?? null;
  return places.provinces.find((p) => placeKey(p.name) === placeKey(value)) ?? null;
}

/** By code, or by name with or without diacritics; with a prefix ("Phường …") the kind must match too. */
export function matchCommune(places: PlaceIndex, provinceCode: string, text: string) {
  const communes = places.communesByProvince.get(provinceCode) ?? [];
  const value = text.trim();
  if (/^\d{1,5}$/.test(value))
    return communes.find((c) => c.code === value.padStart(5, '0')) ?? null;
  const hasPrefix = placeKey(value) !== key(value);
  const matches = hasPrefix
    ? communes.filter((c) => key(c.fullName) === key(value))
    : communes.filter((c) => placeKey(c.name) === placeKey(value));
  return matches.length === 1 ? matches[0] : null;
}
