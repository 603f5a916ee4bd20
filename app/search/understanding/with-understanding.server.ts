import type { DB } from '~db/connection.server';
import type { SearchDocumentSource, SearchIndex, UnderstoodKind } from '../types';
import { buildPlaceIndex, type PlaceIndex } from './place-index';
import { understandQuery } from './understand';

/**
 * The place index for query understanding, rebuilt in the background at most every `ttlMs` (communes
 * gain and lose products; the places themselves never change while the app runs). Without
 * `loadPlaces`, no places.
 */
export function createPlaceIndexLoader(
  db: DB,
  source: SearchDocumentSource,
  ttlMs = 60_000,
): () => Promise<PlaceIndex> {
  let cached: { at: number; index: Promise<PlaceIndex> } | null = null;
  let refreshing = false;
  const load = async () => {
    if (!source.loadPlaces) return buildPlaceIndex({ provinces: [], communes: [] });
    const { vocabulary, activeCommuneCodes } = await source.loadPlaces(db);
    return buildPlaceIndex(vocabulary, new Set(activeCommuneCodes));
  };
  return () => {
    if (!cached) {
      const index = load();
      cached = { at: Date.now(), index };
      index.catch(() => (cached = null));
      return index;
    }
    // A stale index answers while a fresh one is built, so no search waits for the rebuild.
    if (Date.now() - cached.at >= ttlMs && !refreshing) {
      refreshing = true;
      load()
        .then((index) => (cached = { at: Date.now(), index: Promise.resolve(index) }))
        .catch(() => {})
        .finally(() => (refreshing = false));
    }
    return cached.index;
  };
}

const PLACE_KINDS: UnderstoodKind[] = ['province', 'former_province', 'commune'];

/**
 * An engine that first understands the query (decision 012): both engines get the same filters,
 * boosts and remaining text. When what was understood finds nothing (and named no place), the text is
 * searched as typed, so a word that matches products is never lost to an interpretation.
 */
export function withUnderstanding(
  index: SearchIndex,
  places: () => Promise<PlaceIndex>,
): SearchIndex {
  return {
    ...index,
    name: index.name,
    async search(query) {
      if (!query.q.trim()) return index.search(query);
      const { query: understoodQuery, understood } = understandQuery(query, await places());
      if (understood.length === 0) return { ...(await index.search(query)), understood: [] };
      const result = await index.search(understoodQuery);
      // A place the buyer named is what they want, even with nothing there yet.
      const namedPlace = understood.some(
        (u) => PLACE_KINDS.includes(u.kind) && u.effect === 'filter',
      );
      if (result.total > 0 || namedPlace) return { ...result, understood };
      const raw = await index.search(query);
      return raw.total > 0 ? { ...raw, understood: [] } : { ...result, understood };
    },
  };
}
