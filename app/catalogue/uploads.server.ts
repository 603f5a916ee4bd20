import type { DB } from '~db/connection.server';
import { type Actor, requireOrgOwner } from '~/accounts';
import { catalogueMessages as m } from '~/i18n/messages/catalogue';
import { farmerWorkspaceMessages as fm } from '~/i18n/messages/farmer-workspace';
import { invalid } from '~/lib/errors';
import { checkCertificateScan, processUploadedPhoto } from '~/lib/images.server';
import { saveCertificateScan } from './certificate-scans.server';
import { addProductPhoto, createListing, type ListingInput } from './listings.server';
import { getManagedProduct } from './managed-products.server';
import { type OcopClaimInput, setOcopClaim } from './ocop-claims.server';
import { adjustStock } from './stock.server';
import { setOrganizationLogo } from './onboarding.server';

// The seller's forms that carry a file: the bytes come from the route's multipart reading, and each
// file is checked (type by content, size, pixels) before anything is written.

/** A new listing, with its first photo if one was taken; a bad photo leaves no half-made product. */
export async function createListingWithPhoto(
  db: DB,
  actor: Actor,
  organizationId: number,
  input: ListingInput,
  photo: Buffer | null,
  uploadsDir: string,
  initialStock = 0,
): Promise<number> {
  const image = photo ? await processUploadedPhoto(photo) : null;
  const id = await createListing(db, actor, organizationId, input);
  if (image) await addProductPhoto(db, actor, id, image, uploadsDir);
  // Through the stock module like any change, so the first units have their movement row too.
  if (initialStock > 0) await adjustStock(db, actor, id, initialStock, fm.initialStockReason.vi);
  return id;
}

/** Another photo at the end of the product's gallery. */
export async function uploadProductPhoto(
  db: DB,
  actor: Actor,
  productId: number,
  photo: Buffer | null,
  uploadsDir: string,
): Promise<void> {
  if (!photo) throw invalid('photo', m.photoRequired);
  await getManagedProduct(db, actor, productId);
  await addProductPhoto(db, actor, productId, await processUploadedPhoto(photo), uploadsDir);
}

/** The OCOP claim with its certificate scan (kept privately under DATA_DIR/private/). */
export async function submitOcopClaim(
  db: DB,
  actor: Actor,
  productId: number,
  claim: Omit<OcopClaimInput, 'scanKey' | 'scanContentType'>,
  scan: Buffer | null,
  dataDir: string,
): Promise<void> {
  await getManagedProduct(db, actor, productId);
  const stored = scan ? await saveCertificateScan(dataDir, scan, checkCertificateScan(scan)) : null;
  await setOcopClaim(db, actor, productId, {
    ...claim,
    scanKey: stored?.key ?? null,
    scanContentType: stored?.contentType ?? null,
  });
}

/** The organization's logo (owners only). */
export async function uploadOrganizationLogo(
  db: DB,
  actor: Actor,
  organizationId: number,
  logo: Buffer | null,
  uploadsDir: string,
): Promise<void> {
  requireOrgOwner(actor, organizationId);
  if (!logo) throw invalid('logo', m.logoRequired);
  await setOrganizationLogo(
    db,
    actor,
    organizationId,
    await processUploadedPhoto(logo),
    uploadsDir,
  );
}
