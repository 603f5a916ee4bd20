// The tradeoffice domain's public entry for code that also runs in the browser (no server-only imports).
// Everything else in app/tradeoffice/ is internal (eslint: architecture/domain-boundaries).
export { toCsv } from './csv-export';
export { REGISTER_COLUMNS } from './register-csv';
export { STAMP_WINDOW_DAYS } from './stamps';
