import type { DB } from '~db/connection.server';
import type { Actor } from '~/accounts';
import { getPublicProduct, listCommunes } from '~/catalogue/index.server';
import { traceabilityMessages as m } from '~/i18n/messages/traceability';
import { isUserError, notFound } from '~/lib/errors';
import {
  getManagedBatch,
  getPublicBatch,
  listProductBatches,
  loadBatchSummary,
} from './batch-reads.server';
import { readLabDocument } from './documents.server';
import { eventDocumentKey, loadJourney } from './journey.server';
import { listReports } from './reports.server';
import { scanSummary } from './scans.server';
import { stampOverview } from './stamps.server';

/** What each traceability page shows, read in one call per page (the routes only render it). */

/** The product's batches and what the "new batch" form offers (the communes of its province). */
export async function productBatchesPage(db: DB, actor: Actor, productId: number) {
  const { product, batches, provinceCode, originCommuneCode } = await listProductBatches(
    db,
    actor,
    productId,
  );
  return {
    product,
    batches,
    communes: await listCommunes(db, provinceCode),
    defaultCommune: originCommuneCode,
  };
}

/** The producer's batch page: facts, journey, stamps, buyers' reports and scan counts. */
export async function batchWorkspace(db: DB, actor: Actor, batchId: number) {
  const managed = await getManagedBatch(db, actor, batchId);
  const [batch, journey, stamps, reports, scans, communes] = await Promise.all([
    loadBatchSummary(db, managed.id),
    loadJourney(db, managed.id),
    stampOverview(db, managed.id),
    listReports(db, managed.id),
    scanSummary(db, managed.id),
    listCommunes(db, managed.provinceCode),
  ]);
  if (!batch) throw notFound();
  return { batch, journey, stamps, reports, scans, communes };
}

/** The public batch page: the batch, its journey and the product's badges; 404 unless published. */
export async function publicBatchPage(db: DB, batchId: number) {
  const found = await getPublicBatch(db, batchId);
  if (!found) throw notFound(m.batchNotPublic);
  const product = await getPublicProduct(db, found.batch.productSlug);
  return {
    ...found,
    ocop: product?.ocop ?? null,
    certifications: product?.certifications ?? [],
    verified: product?.organization.verified ?? false,
  };
}

/**
 * An inspection's lab report (PDF): for anyone when the batch is public, otherwise only for members of
 * its organization. Null when it does not exist or the reader may not see it. The reader is only looked
 * up (`reader()`) for a batch that is not public.
 */
export async function labDocumentFor(
  db: DB,
  reader: () => Promise<Actor | null>,
  batchId: number,
  eventId: number,
  dataDir: string,
): Promise<Buffer | null> {
  if (!(await getPublicBatch(db, batchId))) {
    const actor = await reader();
    if (!actor) return null;
    const managed = await getManagedBatch(db, actor, batchId).catch((error: unknown) => {
      if (isUserError(error)) return null;
      throw error;
    });
    if (!managed) return null;
  }
  const key = await eventDocumentKey(db, batchId, eventId);
  return key ? readLabDocument(dataDir, key) : null;
}
