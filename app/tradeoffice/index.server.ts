// The tradeoffice domain's server-side public entry: what routes, the server and other domains may use.
// Everything else in app/tradeoffice/ is internal (eslint: architecture/domain-boundaries).
export { provinceKpi } from './dashboard.server';
export { drillForRequest, type DrillQuery } from './drilldown.server';
export {
  confirmMatch,
  importRegister,
  isRegisterVerified,
  suggestMatches,
} from './register.server';
export { monthlyReportXlsx } from './report-xlsx.server';
export { provinceSales } from './sales.server';
export { provinceStamps } from './stamps.server';
