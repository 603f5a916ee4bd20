import { fold } from '~/lib/text';
import synonymFile from './synonyms.json';

export interface SynonymFile {
  groups: string[][];
}

/** Loads app/search/synonyms.json (shared with Meilisearch) as folded word → folded alternatives. */
export function loadFoldedSynonyms(file?: SynonymFile): Map<string, string[]> {
  const data = file ?? (synonymFile as SynonymFile);
  const map = new Map<string, string[]>();
  for (const group of data.groups) {
    const folded = [...new Set(group.map((w) => fold(w).trim()))];
    for (const word of folded) {
      map.set(
        word,
        folded.filter((w) => w !== word),
      );
    }
  }
  return map;
}
