/**
 * CSV for officers who open it in Excel: UTF-8 with a BOM (without it Excel reads Vietnamese as
 * Windows-1252 mojibake), CRLF line ends and RFC 4180 quoting.
 */

export type CsvValue = string | number | null | undefined;

/** Characters a spreadsheet may treat as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell. Text starting like a formula gets a leading apostrophe, so `=HYPERLINK(…)` typed into a
 * product name shows as text instead of running. Numbers are data, so -5 stays -5.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, the header row, then the rows, each line ended by CRLF. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
