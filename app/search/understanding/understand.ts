import { ocopGroupNames } from '~/i18n/messages/catalogue';
import { formatVnd } from '~/lib/money';
import { fold } from '~/lib/text';
import type { OcopGroup } from '~/lib/ocop';
import type { SearchQuery, UnderstoodKind, UnderstoodPart } from '../types';
import { findPrice, findStars, type Span } from './phrases';
import { buildPlaceIndex, type PlaceIndex } from './place-index';
import {
  COMMUNE_PREFIXES,
  GROUP_VOCABULARY,
  PROVINCE_PREFIXES,
  type PlaceVocabulary,
} from './vocabulary';

export interface Understanding {
  /** The query the engines run: remaining text, filters and boosts added. */
  query: SearchQuery;
  understood: UnderstoodPart[];
}

interface Token {
  raw: string;
  folded: string;
  start: number;
  end: number;
}

const MAX_NAME_WORDS = 4;

/**
 * Reads stars, prices, provinces (current and former names), communes and group words out of a buyer's
 * text (decision 012). Both engines run what this returns. Words become a filter and leave the text
 * only where the filter holds everything they would have matched (stars → the OCOP label, a province
 * name → the province field, a price → nothing); commune names without “xã/phường” stay text and only
 * rank their commune's products first, so a product named after a place is still found by its name.
 */
export function understandQuery(query: SearchQuery, places: PlaceIndex): Understanding {
  const ignored = (kind: UnderstoodKind) => query.ignore.includes(kind);
  const raw = query.q.normalize('NFC').toLowerCase();
  // Folded character by character so spans line up with the raw text.
  const folded = [...raw].map((c) => (fold(c).length === 1 ? fold(c) : c)).join('');
  if (folded.length !== raw.length || !raw.trim()) return { query, understood: [] };
  const next: SearchQuery = {
    ...query,
    provinceCodes: [...query.provinceCodes],
    communeCodes: [...query.communeCodes],
    groups: [...query.groups],
    stars: [...query.stars],
    boostCommuneCodes: [...query.boostCommuneCodes],
  };
  const understood: UnderstoodPart[] = [];
  const consumed: Span[] = [];
  const text = (span: Span) => query.q.normalize('NFC').slice(span.start, span.end).trim();

  if (!ignored('stars') && query.stars.length === 0) {
    const stars = findStars(folded);
    if (stars) {
      next.stars = [stars.stars];
      consumed.push(stars.span);
      understood.push({
        kind: 'stars',
        text: text(stars.span),
        effect: 'filter',
        value: String(stars.stars),
        label: { vi: `OCOP ${stars.stars} sao`, en: `OCOP ${stars.stars} stars` },
      });
    }
  }
  if (!ignored('price') && query.minPriceVnd === null && query.maxPriceVnd === null) {
    const price = findPrice(folded, consumed);
    if (price) {
      next.minPriceVnd = price.min;
      next.maxPriceVnd = price.max;
      consumed.push(price.span);
      understood.push({
        kind: 'price',
        text: text(price.span),
        effect: 'filter',
        value: `${price.min ?? ''}-${price.max ?? ''}`,
        label: priceLabel(price.min, price.max),
      });
    }
  }

  const tokens: Token[] = [];
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    if (consumed.some((s) => start >= s.start && end <= s.end)) continue;
    tokens.push({ raw: raw.slice(start, end), folded: m[0], start, end });
  }
  const kept: boolean[] = tokens.map(() => true);

  // Provinces and group words first (they may narrow the communes), then communes.
  const provincePass = () => {
    for (let i = 0; i < tokens.length; i++) {
      const prefix = prefixAt(tokens, i, PROVINCE_PREFIXES);
      for (let n = Math.min(MAX_NAME_WORDS, tokens.length - i - prefix); n >= 1; n--) {
        const words = tokens.slice(i + prefix, i + prefix + n);
        const name = words.map((t) => t.folded).join(' ');
        const span = { start: tokens[i]!.start, end: words[words.length - 1]!.end };
        // "xã Lai Châu" names a commune: leave it to the commune pass.
        const afterCommunePrefix = COMMUNE_PREFIXES.some((p) =>
          p.every((w, k) => tokens[i - p.length + k]?.folded === w),
        );
        const province = afterCommunePrefix ? undefined : places.provinceByName.get(name);
        const former = afterCommunePrefix ? undefined : places.formerProvinces.get(name);
        const group = GROUP_VOCABULARY.find(([phrase]) => phrase === name)?.[1];
        if (province && !ignored('province') && noExplicitProvince(query)) {
          if (!next.provinceCodes.includes(province.code)) next.provinceCodes.push(province.code);
          understood.push({
            kind: 'province',
            text: text(span),
            effect: 'filter',
            value: province.code,
            label: { vi: province.name, en: province.name },
          });
        } else if (
          former &&
          !province &&
          !ignored('former_province') &&
          noExplicitProvince(query)
        ) {
          for (const code of former.provinceCodes)
            if (!next.provinceCodes.includes(code)) next.provinceCodes.push(code);
          next.boostCommuneCodes.push(...former.communeCodes);
          const now = former.provinceCodes.map((c) => places.provinceName.get(c) ?? c).join(', ');
          understood.push({
            kind: 'former_province',
            text: text(span),
            effect: 'boost',
            value: former.provinceCodes.join(','),
            label: {
              vi: `${former.name} (nay thuộc ${now})`,
              en: `${former.name} (now in ${now})`,
            },
          });
        } else if (group && prefix === 0 && !ignored('group') && query.groups.length === 0) {
          if (!next.groups.includes(group)) next.groups.push(group);
          understood.push({
            kind: 'group',
            text: text(span),
            effect: 'filter',
            value: group,
            label: groupLabel(group),
          });
        } else continue;
        for (let k = i; k < i + prefix + n; k++) kept[k] = false;
        i += prefix + n - 1;
        break;
      }
    }
  };
  provincePass();

  if (!ignored('commune')) {
    const inProvinces = next.provinceCodes;
    for (let i = 0; i < tokens.length; i++) {
      if (!kept[i]) continue;
      const prefix = prefixAt(tokens, i, COMMUNE_PREFIXES);
      for (let n = Math.min(MAX_NAME_WORDS, tokens.length - i - prefix); n >= 1; n--) {
        if (prefix === 0 && n < 2) break;
        const words = tokens.slice(i + prefix, i + prefix + n);
        if (words.some((_, k) => !kept[i + prefix + k])) continue;
        const name = words.map((t) => t.folded).join(' ');
        const typed = words.map((t) => t.raw).join(' ');
        const match = places.communesNamed(name, typed, inProvinces, prefix > 0);
        if (!match) continue;
        const span = { start: tokens[i]!.start, end: words[words.length - 1]!.end };
        const codes = match.communes.map((c) => c.code);
        if (prefix > 0 && match.current) {
          // "xã Bum Tở": the buyer named the commune; its products are the answer.
          next.communeCodes.push(...codes);
          for (let k = i; k < i + prefix + n; k++) kept[k] = false;
        } else next.boostCommuneCodes.push(...codes);
        understood.push({
          kind: 'commune',
          text: text(span),
          effect: prefix > 0 && match.current ? 'filter' : 'boost',
          value: codes.join(','),
          label: communeLabel(match, places),
        });
        i += prefix + n - 1;
        break;
      }
    }
  }

  if (understood.length === 0) return { query, understood };
  next.q = tokens
    .filter((_, i) => kept[i])
    .map((t) => query.q.normalize('NFC').slice(t.start, t.end))
    .join(' ');
  next.boostCommuneCodes = [...new Set(next.boostCommuneCodes)];
  return { query: next, understood };
}

const noExplicitProvince = (query: SearchQuery) => query.provinceCodes.length === 0;

/** How many tokens at `i` form one of the prefixes (0 if none; never the whole rest). */
function prefixAt(tokens: Token[], i: number, prefixes: string[][]): number {
  for (const prefix of prefixes) {
    if (i + prefix.length >= tokens.length) continue;
    if (prefix.every((word, k) => tokens[i + k]?.folded === word)) return prefix.length;
  }
  return 0;
}

function priceLabel(min: number | null, max: number | null): UnderstoodPart['label'] {
  if (min !== null && max !== null) {
    const text = `${formatVnd(min)} – ${formatVnd(max)}`;
    return { vi: text, en: text };
  }
  if (max !== null) return { vi: `Dưới ${formatVnd(max)}`, en: `Under ${formatVnd(max)}` };
  return { vi: `Từ ${formatVnd(min ?? 0)}`, en: `From ${formatVnd(min ?? 0)}` };
}

function groupLabel(group: OcopGroup): UnderstoodPart['label'] {
  return { vi: ocopGroupNames[group].vi, en: ocopGroupNames[group].en };
}

function communeLabel(
  match: NonNullable<ReturnType<PlaceIndex['communesNamed']>>,
  places: PlaceIndex,
): UnderstoodPart['label'] {
  const names = match.communes
    .map((c) => `${c.fullName}, ${places.provinceName.get(c.provinceCode) ?? c.provinceCode}`)
    .join('; ');
  if (match.current) return { vi: names, en: names };
  return { vi: `${match.name} (nay là ${names})`, en: `${match.name} (now ${names})` };
}

export { buildPlaceIndex, type PlaceIndex, type PlaceVocabulary };
