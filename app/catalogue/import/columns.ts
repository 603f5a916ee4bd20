import type { Message } from '~/i18n/messages';

// The catalogue CSV's shape, without its parser (csv-parse needs Node's Buffer): the seller's import
// page shows the header in the browser.

/** The columns of the catalogue CSV, in order. The header must be exactly this. */
export const IMPORT_COLUMNS = [
  'cooperative',
  'province',
  'commune',
  'name',
  'description',
  'group',
  'category',
  'unit',
  'price_vnd',
  'stock',
  'ocop_stars',
  'ocop_certificate_no',
  'ocop_issued_on',
  'gtin',
  'weight_g',
  'image',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export type RawImportRow = Record<ImportColumn, string> & { line: number };

export interface ImportError {
  line: number;
  column?: ImportColumn;
  message: Message;
}
