// The catalogue domain's server-side public entry: what routes, the server and other domains may use.
// Everything else in app/catalogue/ is internal (eslint: architecture/domain-boundaries).
export { saveCertificateScan } from './certificate-scans.server';
export { memoizeOnCatalogueVersion, readCatalogueVersion } from './catalogue-version.server';
export { type RenderedImage, saveRenderedImage } from './image-files.server';
export { applyImport, checkImport } from './import/import.server';
export { importSellerCsv } from './import/seller-import.server';
export { fileBuffer, readForm } from './multipart-form.server';
export { changeListingStatus } from './listing-status.server';
export { addProductPhoto, createListing, updateListing } from './listings.server';
export { getListingDetail } from './listing-detail.server';
export { getManagedProduct } from './managed-products.server';
export { reviewOcopClaim, setOcopClaim } from './ocop-claims.server';
export { inviteMember, listMembersForViewer, removeMember } from './members.server';
export {
  registerOrganization,
  resubmitOrganization,
  reviewOrganization,
  setOrganizationLogo,
} from './onboarding.server';
export { getPublicOrganization } from './organizations.server';
export { refreshLapsedBadges } from './ocop-expiry.server';
export {
  findCommunePage,
  findProvince,
  listCommunes,
  listProvinces,
  loadPlaceIndex,
} from './places.server';
export { getProductPreview, getPublicProduct } from './products.server';
export { seedReferenceData } from './reference-data.server';
export {
  catalogueSearchDocuments,
  listIndexableProductIds,
  listOrganizationProductCards,
  loadSearchDocuments,
} from './search-documents.server';
export { listNotices } from './notices.server';
export { countUnreadNotices, markNoticesRead } from './notice-reads.server';
export { reviewQueue } from './review.server';
export {
  readCertificateScan,
  type ReviewDetails,
  reviewQueueWithDetails,
} from './review-details.server';
export { DEMO_PRODUCER_PASSWORD, seedDatabase, type SeedReport } from './seed.server';
export {
  adjustStock,
  releaseStock,
  type ReleaseReason,
  type StockLine,
  type StockReference,
  takeStock,
} from './stock.server';
export {
  getMemberOrganization,
  getOrganizationWorkspace,
  sellerOverview,
} from './workspace.server';
export {
  createListingWithPhoto,
  submitOcopClaim,
  uploadOrganizationLogo,
  uploadProductPhoto,
} from './uploads.server';
export {
  freeDeliveryThreshold,
  MAX_FREE_DELIVERY_FROM_VND,
  setFreeDeliveryThreshold,
} from './delivery-settings.server';
