// The tradeoffice domain's server-side public entry: what routes, the server and other domains may use.
// Everything else in app/tradeoffice/ is internal (eslint: architecture/domain-boundaries).
export { communityHelpersPage } from './community-helpers.server';
export { provinceKpi, tradeOfficeDashboard } from './dashboard.server';
export { drillCsv, drillPage } from './drilldown.server';
export { provinceExport } from './exports.server';
export { officerProvince } from './province.server';
export {
  confirmMatch,
  importRegisterFile,
  isRegisterVerified,
  suggestMatches,
} from './register.server';
export {
  addSeedRegisterEntries,
  type ClaimedListing,
  listClaimedListings,
  type SeedRegisterEntry,
} from './register-seed.server';
export { monthlyReportXlsx } from './report-xlsx.server';
export { provinceReport } from './report.server';
export { recordReviewDecision } from './review.server';
export { provinceSales } from './sales.server';
export { provinceStamps } from './stamps.server';
