import { exactKey } from '~/lib/place-match';
import { fold, foldedTokens } from '~/lib/text';
import type { PlaceVocabulary } from './vocabulary';

type Commune = PlaceVocabulary['communes'][number];

export interface CommuneMatch {
  /** A current name (true) or a name from before 2025. */
  current: boolean;
  /** The name as officially written. */
  name: string;
  communes: Commune[];
}

/** Folded-name lookups over the places search knows, built once per vocabulary. */
export interface PlaceIndex {
  provinceByName: Map<string, { code: string; name: string }>;
  provinceName: Map<string, string>;
  /** A former province ("yen bai") → the province(s) it is now part of and the communes it had. */
  formerProvinces: Map<string, { name: string; provinceCodes: string[]; communeCodes: string[] }>;
  /**
   * Communes named `folded` (typed as `typed`): with the diacritics typed, exact names first; limited
   * to `inProvinces` when given, and, without a prefix, to communes that have products.
   */
  communesNamed(
    folded: string,
    typed: string,
    inProvinces: string[],
    hasPrefix: boolean,
  ): CommuneMatch | null;
}

const key = (name: string) => foldedTokens(name).join(' ');

function push<K, V>(map: Map<K, V[]>, k: K, v: V) {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

export function buildPlaceIndex(
  vocabulary: PlaceVocabulary,
  activeCommuneCodes: ReadonlySet<string> | null = null,
): PlaceIndex {
  const provinceByName = new Map<string, { code: string; name: string }>();
  const provinceName = new Map<string, string>();
  const formerProvinceNames = new Map<string, string>();
  for (const p of vocabulary.provinces) {
    provinceByName.set(key(p.name), { code: p.code, name: p.name });
    provinceName.set(p.code, p.name);
  }
  for (const p of vocabulary.provinces)
    for (const former of p.formerNames)
      if (!provinceByName.has(key(former))) formerProvinceNames.set(key(former), former);

  const formerProvinces: PlaceIndex['formerProvinces'] = new Map();
  const byName = new Map<string, Commune[]>();
  const byFormerName = new Map<string, Array<{ name: string; commune: Commune }>>();
  for (const c of vocabulary.communes) {
    push(byName, key(c.name), c);
    for (const former of c.formerNames) {
      const k = key(former);
      const province = formerProvinceNames.get(k);
      if (province) {
        const entry = formerProvinces.get(k) ?? {
          name: province,
          provinceCodes: [],
          communeCodes: [],
        };
        if (!entry.provinceCodes.includes(c.provinceCode)) entry.provinceCodes.push(c.provinceCode);
        entry.communeCodes.push(c.code);
        formerProvinces.set(k, entry);
      } else push(byFormerName, k, { name: former, commune: c });
    }
  }

  function narrow(
    communes: Commune[],
    typed: string,
    name: (c: Commune) => string,
    inProvinces: string[],
    hasPrefix: boolean,
  ) {
    let list = inProvinces.length
      ? communes.filter((c) => inProvinces.includes(c.provinceCode))
      : communes;
    if (!hasPrefix && activeCommuneCodes) list = list.filter((c) => activeCommuneCodes.has(c.code));
    if (typed !== fold(typed)) {
      const exact = list.filter((c) => exactKey(name(c)) === typed);
      if (exact.length) list = exact;
    }
    return list;
  }

  return {
    provinceByName,
    provinceName,
    formerProvinces,
    communesNamed(folded, typed, inProvinces, hasPrefix) {
      const current = narrow(
        byName.get(folded) ?? [],
        typed,
        (c) => c.name,
        inProvinces,
        hasPrefix,
      );
      if (current.length) return { current: true, name: current[0]!.name, communes: current };
      const former = byFormerName.get(folded) ?? [];
      const names = new Map(former.map((f) => [f.commune.code, f.name]));
      const communes = narrow(
        former.map((f) => f.commune),
        typed,
        (c) => names.get(c.code) ?? '',
        inProvinces,
        hasPrefix,
      );
      if (!communes.length) return null;
      return {
        current: false,
        name: names.get(communes[0]!.code) ?? typed,
        communes: [...new Set(communes)],
      };
    },
  };
}
