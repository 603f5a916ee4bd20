import type { DB } from '~db/connection.server';
import type { SearchDocumentSource } from '../types';
import type { MeilisearchIndex } from './engine.server';

export interface ReindexResult {
  indexUid: string;
  documents: number;
  requeued: number;
}

/**
 * Rebuilds the live index from the database: builds `<uid>_<timestamp>` next to it, swaps it in
 * atomically (searches never see an empty index) and deletes the old one. Outbox rows the worker
 * processed while we were building went to the old index, so they are queued again afterwards.
 */
export async function rebuildMeilisearchIndex(
  db: DB,
  index: MeilisearchIndex,
  source: SearchDocumentSource,
  now = new Date(),
): Promise<ReindexResult> {
  const marker = await db
    .selectFrom('search_outbox')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  const sinceId = Number(marker?.max ?? 0);
  const target = `${index.indexUid}_${now.toISOString().replace(/\D/g, '').slice(0, 17)}`;
  await index.ensureSettings(target);
  try {
    const ids = await source.listVisibleIds(db);
    let documents = 0;
    for (let i = 0; i < ids.length; i += 1_000) {
      const batch = await source.load(db, ids.slice(i, i + 1_000));
      await index.upsertInto(target, [...batch.values()]);
      documents += batch.size;
    }
    await index.swapIn(target);
    const requeued = await db
      .updateTable('search_outbox')
      .set({ processed_at: null })
      .where('id', '>', sinceId)
      .where('processed_at', 'is not', null)
      .executeTakeFirst();
    return { indexUid: target, documents, requeued: Number(requeued.numUpdatedRows) };
  } catch (error) {
    await index.client
      .deleteIndex(target)
      .waitTask()
      .catch(() => undefined);
    throw error;
  }
}
