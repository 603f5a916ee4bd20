import { parse } from 'csv-parse';
import { formatMessage } from '~/i18n/messages';
import { importMessages as m } from '~/i18n/messages/catalogue-import';
import { cleanText } from '~/lib/form';
import { cooperativeYield } from '~/lib/yield.server';
import { IMPORT_COLUMNS, type ImportError, type RawImportRow } from './columns';

export { IMPORT_COLUMNS, type ImportColumn, type ImportError, type RawImportRow } from './columns';

type CsvRecord = { info: { lines: number }; record: string[] };

/** Characters handed to the parser at a time; the event loop runs between slices. */
const SLICE = 32 * 1024;

/**
 * Reads UTF-8 CSV text (a leading BOM is dropped) into rows keyed by column, each with its line number
 * in the file (the header is line 1). Structural problems come back as errors, never as exceptions.
 * The text is parsed in slices that yield to the event loop, so a 2 MB file never holds the server.
 * Cells are cleaned like form fields: control characters (NUL…) dropped, NFC, trimmed.
 */
export async function readImportCsv(
  text: string,
): Promise<{ rows: RawImportRow[]; errors: ImportError[] }> {
  let records: CsvRecord[];
  try {
    records = await parseInSlices(text.replace(/^\uFEFF/, ''));
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
  const pause = cooperativeYield();
  for (const { record, info } of rest) {
    await pause();
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
      row[column] = cleanText(record[index] ?? '');
    });
    rows.push(row);
  }
  return { rows, errors };
}

async function parseInSlices(text: string): Promise<CsvRecord[]> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  const records: CsvRecord[] = [];
  let failed = false;
  parser.on('readable', () => {
    let record: CsvRecord | null;
    while ((record = parser.read() as CsvRecord | null) !== null) records.push(record);
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', (error) => {
      failed = true;
      reject(error);
    });
  });
  done.catch(() => undefined); // observed below; avoids an unhandled rejection while slicing
  for (let start = 0; start < text.length && !failed; start += SLICE) {
    parser.write(text.slice(start, start + SLICE));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (!failed) parser.end();
  await done;
  return records;
}
