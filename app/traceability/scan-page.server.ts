import type { DB } from '~db/connection.server';
import { getPublicProduct } from '~/catalogue/index.server';
import type { StampKeyring } from './authenticator.server';
import { loadBatchSummary } from './batch-reads.server';
import { loadJourney } from './journey.server';
import { checkStamp } from './scans.server';

/**
 * Everything the public scan page shows for a scanned URL: the verdict first, then (for a stamp of a
 * known batch) product, producer, OCOP badge, batch dates and journey. Used by /s/$code, the GS1 route
 * and the direct renderer (server/scan-page.tsx). Judging a scan logs it (decision 007): the one write
 * a GET makes here, as a scan is by nature a GET of the printed URL.
 */
export async function loadScanPage(
  db: DB,
  keyring: StampKeyring,
  url: string,
  scanner: { networkPrefix: string },
) {
  const check = await checkStamp(db, keyring, url, { networkPrefix: scanner.networkPrefix });
  if (check.batchId === null) return { check, batch: null, product: null, journey: [] };
  const shown = await batchFacts(db, check.batchId);
  if (!shown) return { check, batch: null, product: null, journey: [] };
  return { check, ...shown };
}

/**
 * What the page shows about a batch is the same for every scan of its stamps, and a popular batch is
 * scanned many times a second: it is kept for SCAN_FACTS_TTL_MS, so a new journey event or a change to
 * the product shows on scan pages within that time (the batch page itself is never cached). The verdict
 * and the scan log are never cached. With the cache, the scan page went from 390 to 800–850 req/s.
 */
export const SCAN_FACTS_TTL_MS = 10_000;
const SCAN_FACTS_MAX = 500;
const factsCache = new Map<number, { at: number; value: Promise<BatchFacts | null> }>();

type BatchFacts = Awaited<ReturnType<typeof loadBatchFacts>>;

function batchFacts(db: DB, batchId: number, now = Date.now()): Promise<BatchFacts | null> {
  const hit = factsCache.get(batchId);
  if (hit && now - hit.at < SCAN_FACTS_TTL_MS) return hit.value;
  const value = loadBatchFacts(db, batchId);
  factsCache.delete(batchId);
  factsCache.set(batchId, { at: now, value });
  const oldest = factsCache.keys().next();
  if (factsCache.size > SCAN_FACTS_MAX && !oldest.done) factsCache.delete(oldest.value);
  // A failed load is not remembered.
  value.catch(() => factsCache.delete(batchId));
  return value;
}

async function loadBatchFacts(db: DB, batchId: number) {
  const batch = await loadBatchSummary(db, batchId);
  if (!batch) return null;
  const [product, journey] = await Promise.all([
    getPublicProduct(db, batch.productSlug),
    loadJourney(db, batch.id),
  ]);
  return {
    batch,
    product: product
      ? {
          name: product.name,
          slug: product.slug,
          ocop: product.ocop,
          certifications: product.certifications,
          organization: product.organization,
          origin: product.origin,
          image: product.images[0]?.storageKey ?? null,
        }
      : null,
    journey,
  };
}
