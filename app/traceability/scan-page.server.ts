import type { AppLoadContext } from '@remix-run/node';
import { clientNetwork } from '~/accounts/http.server';
import { getPublicProduct } from '~/catalogue/products.server';
import { loadBatchSummary, loadJourney } from './batches.server';
import { checkStamp } from './scans.server';

/**
 * Everything the public scan page shows for a scanned URL: the verdict first, then (for a stamp of a
 * known batch) product, producer, OCOP badge, batch dates and journey. Used by /s/$code and the GS1 route.
 */
export async function loadScanPage(request: Request, context: AppLoadContext) {
  const { db, stampKeyring } = context.services;
  const check = await checkStamp(db, stampKeyring, request.url, { networkPrefix: clientNetwork(request) });
  if (check.batchId === null) return { check, batch: null, product: null, journey: [] };
  const batch = await loadBatchSummary(db, check.batchId);
  if (!batch) return { check, batch: null, product: null, journey: [] };
  const [product, journey] = await Promise.all([getPublicProduct(db, batch.productSlug), loadJourney(db, batch.id)]);
  return {
    check,
    batch,
    product: product ? { name: product.name, slug: product.slug, ocop: product.ocop, certifications: product.certifications, organization: product.organization, origin: product.origin, image: product.images[0]?.storageKey ?? null } : null,
    journey,
  };
}
