import type { DB } from '~db/connection.server';
import type { Commune, Province } from '~db/schema';
import type { PlaceVocabulary } from '~/search/index.server';
import { memoizeOnCatalogueVersion } from './catalogue-version.server';
import { matchProvince, type PlaceIndex } from './place-match';
import { legacyCommuneSlug } from './place-names';

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

const sortedProvinces = memoizeOnCatalogueVersion(async (db) => {
  const rows = await db.selectFrom('provinces').selectAll().orderBy('name').execute();
  return rows.map(toPlace).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}, 'places');

/** The 34 provinces by name; computed once per places version (every page's filters ask for it). */
export async function listProvinces(db: DB): Promise<Place[]> {
  return [...(await sortedProvinces(db))];
}

const communesByProvince = memoizeOnCatalogueVersion(
  async () => new Map<string, Promise<Place[]>>(),
  'places',
);

/** A province's communes by name; computed once per province and places version (checkout asks). */
export async function listCommunes(db: DB, provinceCode: string): Promise<Place[]> {
  const memo = await communesByProvince(db);
  let communes = memo.get(provinceCode);
  if (!communes) {
    communes = db
      .selectFrom('communes')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .execute()
      .then((rows) => rows.map(toPlace).sort((a, b) => a.name.localeCompare(b.name, 'vi')));
    if (memo.size >= 100) memo.clear();
    memo.set(provinceCode, communes);
    communes.catch(() => memo.delete(provinceCode));
  }
  return [...(await communes)];
}

/** All provinces and communes in memory (34 + 3,321 rows), for matching names without a query each. */
export async function loadPlaceIndex(db: DB): Promise<PlaceIndex> {
  const [provinces, communes] = await Promise.all([
    db.selectFrom('provinces').select(['code', 'name', 'full_name']).execute(),
    db.selectFrom('communes').select(['code', 'name', 'full_name', 'province_code']).execute(),
  ]);
  const communesByProvince = new Map<string, PlaceIndex['provinces']>();
  for (const c of communes) {
    const list = communesByProvince.get(c.province_code) ?? [];
    list.push({ code: c.code, name: c.name, fullName: c.full_name });
    communesByProvince.set(c.province_code, list);
  }
  return {
    provinces: provinces.map((p) => ({ code: p.code, name: p.name, fullName: p.full_name })),
    communesByProvince,
  };
}

/** A province by slug ("lao-cai"), official code ("15") or name with or without diacritics and prefix. */
export async function findProvince(db: DB, text: string): Promise<Place | null> {
  const bySlug = await db
    .selectFrom('provinces')
    .selectAll()
    .where('slug', '=', text.trim())
    .executeTakeFirst();
  if (bySlug) return toPlace(bySlug);
  const provinces = await db.selectFrom('provinces').selectAll().execute();
  const match = matchProvince(
    {
      provinces: provinces.map((p) => ({ code: p.code, name: p.name, fullName: p.full_name })),
      communesByProvince: new Map(),
    },
    text,
  );
  const row = match ? provinces.find((p) => p.code === match.code) : undefined;
  return row ? toPlace(row) : null;
}

export async function getCommune(
  db: DB,
  code: string,
): Promise<(Place & { provinceCode: string }) | null> {
  const row = await db
    .selectFrom('communes')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? { ...toPlace(row), provinceCode: row.province_code } : null;
}

export type CommunePage =
  | { kind: 'found'; province: Place; commune: Place }
  | { kind: 'moved'; to: string }
  | { kind: 'choose'; province: Place; communes: Place[] };

/**
 * The commune of `/tinh/<province>/<commune>`: by its slug (which ends with its code), or by a slug
 * from before codes were added (`xa-van-lang`) — moved to the one commune it names, or, where two
 * communes of the province shared it (Văn Lang and Văn Lăng), a choice between them.
 */
export async function findCommunePage(
  db: DB,
  provinceSlug: string,
  communeSlug: string,
): Promise<CommunePage | null> {
  const province = await db
    .selectFrom('provinces')
    .selectAll()
    .where('slug', '=', provinceSlug)
    .executeTakeFirst();
  if (!province) return null;
  const exact = await db
    .selectFrom('communes')
    .selectAll()
    .where('province_code', '=', province.code)
    .where('slug', '=', communeSlug)
    .executeTakeFirst();
  if (exact) return { kind: 'found', province: toPlace(province), commune: toPlace(exact) };
  const communes = await db
    .selectFrom('communes')
    .selectAll()
    .where('province_code', '=', province.code)
    .execute();
  const legacy = communes.filter((c) => legacyCommuneSlug(c.full_name) === communeSlug);
  const [only, ...others] = legacy;
  if (!only) return null;
  if (others.length === 0) return { kind: 'moved', to: `/tinh/${province.slug}/${only.slug}` };
  return { kind: 'choose', province: toPlace(province), communes: legacy.map(toPlace) };
}

/** Every province and commune with its former names, and the communes that have visible products. */
export async function loadSearchPlaces(
  db: DB,
): Promise<{ vocabulary: PlaceVocabulary; activeCommuneCodes: string[] }> {
  const [provinces, communes, active] = await Promise.all([
    db.selectFrom('provinces').select(['code', 'name', 'former_names']).execute(),
    db
      .selectFrom('communes')
      .select(['code', 'province_code', 'name', 'full_name', 'former_names'])
      .execute(),
    db
      .selectFrom('products as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .select((eb) => eb.fn.coalesce('p.origin_commune_code', 'o.commune_code').as('code'))
      .where('p.status', '=', 'published')
      .distinct()
      .execute(),
  ]);
  return {
    vocabulary: {
      provinces: provinces.map((p) => ({
        code: p.code,
        name: p.name,
        formerNames: JSON.parse(p.former_names) as string[],
      })),
      communes: communes.map((c) => ({
        code: c.code,
        provinceCode: c.province_code,
        name: c.name,
        fullName: c.full_name,
        formerNames: JSON.parse(c.former_names) as string[],
      })),
    },
    activeCommuneCodes: active.flatMap((r) => (r.code ? [r.code] : [])),
  };
}
