import type { Settings } from 'meilisearch';
import synonymFile from '../synonyms.json';
import { fold } from '~/lib/text';
import { TYPO_SIZES } from '../typo';

interface SynonymFile {
  groups: string[][];
}

/**
 * Meilisearch synonyms from app/search/synonyms.json. Queries are folded before they are sent, so each
 * group is registered as written and folded; every word maps to every other word of its group.
 */
export function meiliSynonyms(file?: SynonymFile): Record<string, string[]> {
  const data = file ?? (synonymFile as SynonymFile);
  const synonyms: Record<string, string[]> = {};
  for (const group of data.groups) {
    const words = [
      ...new Set(group.flatMap((w) => [w.trim().toLowerCase(), fold(w).trim()])),
    ].filter(Boolean);
    for (const word of words) {
      const others = words.filter((w) => w !== word);
      synonyms[word] = [...new Set([...(synonyms[word] ?? []), ...others])];
    }
  }
  return synonyms;
}

/**
 * Index settings, in order of importance for searchable attributes: each original text field is followed
 * by its folded copy so both rank at the same level. `sort` comes first among ranking rules so an explicit
 * price or date order is strict (as in the embedded engine); without a sort the custom rules at the end
 * show rated, then newer products first, as the embedded engine does for an empty query.
 */
export function productIndexSettings(synonyms = meiliSynonyms()): Settings {
  return {
    searchableAttributes: [
      'name',
      'nameFolded',
      'cooperativeName',
      'cooperativeNameFolded',
      'communeName',
      'provinceName',
      'formerPlaceNames',
      'placeFolded',
      'category',
      'categoryFolded',
      'description',
      'descriptionFolded',
    ],
    filterableAttributes: [
      'provinceCode',
      'communeCode',
      'group',
      'ocopStars',
      'priceVnd',
      'priceBucket',
      'inStock',
      'cooperativeId',
      'certifications',
    ],
    sortableAttributes: [
      'priceVnd',
      'createdAt',
      'createdAtTs',
      'ocopStars',
      'ocopStarsRank',
      'id',
    ],
    rankingRules: [
      'sort',
      'words',
      'typo',
      'proximity',
      'attribute',
      'exactness',
      'ocopStarsRank:desc',
      'createdAtTs:desc',
    ],
    // Vietnamese syllables are short: allow one typo from 4 letters (default 5) so "mat ongg" still finds "mật ong".
    typoTolerance: {
      enabled: true,
      disableOnNumbers: true,
      minWordSizeForTypos: { ...TYPO_SIZES },
    },
    synonyms,
    // One document per product and no variants: there is nothing to deduplicate.
    distinctAttribute: null,
    // Totals must be exact for the catalogue count and pagination (default cap is 1,000).
    pagination: { maxTotalHits: 100_000 },
    faceting: { maxValuesPerFacet: 200 },
  };
}
