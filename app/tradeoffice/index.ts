// The tradeoffice domain's public entry for code that also runs in the browser (no server-only imports).
// Everything else in app/tradeoffice/ is internal (eslint: architecture/domain-boundaries).
import type { computeKpi } from './kpi';

export { DRILL_FIGURES, type DrillQuery } from './drill-query';
export { EXPORT_TABLES, exportRequestSchema, type ExportTable } from './export-tables';
export { confirmMatchSchema, importRegisterSchema, reviewDecisionSchema } from './forms';
export { REGISTER_COLUMNS } from './register-columns';
export { provinceParamSchema, reportPeriodSchema, searchRefusal } from './report-period';
export type { Sales } from './sales';
export { STAMP_WINDOW_DAYS } from './stamps';

/** The KPI of a province as the dashboard and the report show it. */
export type Kpi = ReturnType<typeof computeKpi>;
