import { parse } from 'csv-parse/sync';
import { formatMessage } from '~/i18n/messages';
import { importMessages as m } from '~/i18n/messages/catalogue-import';
import { IMPORT_COLUMNS, type ImportError, type RawImportRow } from './columns';

export { IMPORT_COLUMNS, type ImportColumn, type ImportError, type RawImportRow } from './columns';

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
          message: formatMessage(m.unreadable, { error: (error as Error).message }),
        },
      ],
    };
  }
  const [first, ...rest] = records;
  if (!first) {
    return {
      rows: [],
      errors: [
        {
          line: 1,
          message: m.empty,
        },
      ],
    };
  }
  const header = first.record.map((h) => h.trim());
  if (header.join(',') !== IMPORT_COLUMNS.join(',')) {
    return {
      rows: [],
      errors: [
        {
          line: 1,
          message: formatMessage(m.header, { columns: IMPORT_COLUMNS.join(',') }),
        },
      ],
    };
  }
  const rows: RawImportRow[] = [];
  const errors: ImportError[] = [];
  for (const { record, info } of rest) {
    // The line where the record ends; empty lines are skipped, so the index alone would be wrong.
    const line = info.lines;
    if (record.length !== IMPORT_COLUMNS.length) {
      errors.push({
        line,
        message: formatMessage(m.columnCount, {
          expected: IMPORT_COLUMNS.length,
          found: record.length,
        }),
      });
      continue;
    }
    const row = { line } as RawImportRow;
    IMPORT_COLUMNS.forEach((column, index) => {
      row[column] = (record[index] ?? '').trim();
    });
    rows.push(row);
  }
  return { rows, errors };
}
