// The catalogue domain's public entry for code that also runs in the browser (no server-only imports).
// Everything else in app/catalogue/ is internal (eslint: architecture/domain-boundaries).
export {
  groupName,
  isOcopGroup,
  OCOP_GROUP_NAMES,
  OCOP_GROUP_NAMES_EN,
  OCOP_GROUP_NAMES_VI,
  OCOP_GROUPS,
  type OcopGroup,
  ORGANIZATION_KINDS,
} from './groups';
export { IMPORT_COLUMNS } from './import/columns';
export { sellerImportSchema } from './import-form';
export { matchGroup } from './import/validate-row';
export {
  listingBasicsSchema,
  listingCertificationsSchema,
  listingPriceSchema,
  listingSchema,
  listingShippingSchema,
  MAX_INITIAL_STOCK,
  newListingSchema,
  type ListingForm,
  ocopClaimSchema,
  type OcopClaimForm,
  productPageSchema,
  type ProductPageForm,
  stockChangeSchema,
} from './listing-form';
export { listingStatusName } from './listing-state';
export { noticesPageSchema, type NoticesPageForm } from './notices-form';
export {
  organizationPageSchema,
  type OrganizationPageForm,
  registerOrganizationSchema,
  type RegisterOrganizationForm,
} from './organization-form';
export { type PlaceIndex } from './place-match';
export { productJsonLd } from './structured-data';
