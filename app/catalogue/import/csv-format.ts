import { parse } from 'csv-parse/sync';
import type { Message } from '~/lib/errors';

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

/**
 * Reads UTF-8 CSV text (a leading BOM is dropped) into rows keyed by column, each with its line number
 * in the file (the header is line 1). Structural problems come back as errors, never as exceptions.
 */
export function readImportCsv(text: string): { rows: RawImportRow[]; errors: ImportError[] } {
  let records: Array<{ info: { lines: number }; record: string[] }>;
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      rows: [],
      errors: [
        {
          line,
          message: {
            vi: `Tệp CSV không đọc được: ${(error as Error).message}`,
            en: `The CSV file cannot be read: ${(error as Error).message}`,
          },
        },
      ],
    };
  }
  if (records.length === 0) {
    return {
      rows: [],
      errors: [
        {
          line: 1,
          message: {
            vi: 'Tệp trống: cần dòng tiêu đề và ít nhất một dòng sản phẩm.',
            en: 'The file is empty: it needs a header row and at least one product row.',
          },
        },
      ],
    };
  }
  const header = records[0].record.map((h) => h.trim());
  if (header.join(',') !== IMPORT_COLUMNS.join(',')) {
    return {
      rows: [],
      errors: [
        {
          line: 1,
          message: {
            vi: `Dòng tiêu đề phải đúng là: ${IMPORT_COLUMNS.join(',')}`,
            en: `The header row must be exactly: ${IMPORT_COLUMNS.join(',')}`,
          },
        },
      ],
    };
  }
  const rows: RawImportRow[] = [];
  const errors: ImportError[] = [];
  for (let i = 1; i < records.length; i++) {
    // The line where the record ends; empty lines are skipped, so the index alone would be wrong.
    const { record, info } = records[i];
    const line = info.lines;
    if (record.length !== IMPORT_COLUMNS.length) {
      errors.push({
        line,
        message: {
          vi: `Cần ${IMPORT_COLUMNS.length} cột, dòng này có ${record.length}.`,
          en: `Expected ${IMPORT_COLUMNS.length} columns, found ${record.length}.`,
        },
      });
      continue;
    }
    const row = { line } as RawImportRow;
    IMPORT_COLUMNS.forEach((column, index) => {
      row[column] = record[index].trim();
    });
    rows.push(row);
  }
  return { rows, errors };
}
