import { matchPlaceName, type PlaceNameMatch } from '~/lib/place-match';

/** Provinces and their communes in memory, for matching many rows without a query each. */
export interface PlaceIndex {
  provinces: Array<{ code: string; name: string; fullName: string }>;
  communesByProvince: Map<string, Array<{ code: string; name: string; fullName: string }>>;
}

type IndexedPlace = PlaceIndex['provinces'][number];

const byFullName = (places: IndexedPlace[]) => places.map((p) => ({ ...p, name: p.fullName }));
const back = (places: IndexedPlace[], match: PlaceNameMatch<IndexedPlace>) =>
  match.ok
    ? { ...match, place: places.find((p) => p.code === match.place.code)! }
    : {
        ...match,
        candidates: match.candidates.map((c) => places.find((p) => p.code === c.code)!),
      };

/** By code or name (see ~/lib/place-match: exact diacritics first, folded only when unambiguous). */
export function findProvinceMatch(places: PlaceIndex, text: string): PlaceNameMatch<IndexedPlace> {
  const value = text.trim();
  if (/^\d{1,2}$/.test(value)) {
    const place = places.provinces.find((p) => p.code === value.padStart(2, '0'));
    return place ? { ok: true, place } : { ok: false, reason: 'not_found', candidates: [] };
  }
  return back(places.provinces, matchPlaceName(byFullName(places.provinces), value));
}

export function matchProvince(places: PlaceIndex, text: string) {
  const match = findProvinceMatch(places, text);
  return match.ok ? match.place : null;
}

/** A commune of the province by code or name; an ambiguous name comes back with its candidates. */
export function findCommuneMatch(
  places: PlaceIndex,
  provinceCode: string,
  text: string,
): PlaceNameMatch<IndexedPlace> {
  const communes = places.communesByProvince.get(provinceCode) ?? [];
  const value = text.trim();
  if (/^\d{1,5}$/.test(value)) {
    const place = communes.find((c) => c.code === value.padStart(5, '0'));
    return place ? { ok: true, place } : { ok: false, reason: 'not_found', candidates: [] };
  }
  return back(communes, matchPlaceName(byFullName(communes), value));
}

export function matchCommune(places: PlaceIndex, provinceCode: string, text: string) {
  const match = findCommuneMatch(places, provinceCode, text);
  return match.ok ? match.place : null;
}
