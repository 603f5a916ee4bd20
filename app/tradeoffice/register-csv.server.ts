import { parse } from 'csv-parse/sync';
import { type OcopGroup, type PlaceIndex } from '~/catalogue';
import { formatMessage } from '~/i18n/messages';
import { registerMessages as m } from '~/i18n/messages/tradeoffice';
import type { Message } from '~/lib/errors';
import {
  addMonths,
  foldKey,
  matchOcopGroup,
  matchPlace,
  parseCalendarDate,
  type Place,
} from './parse-helpers';
import { REGISTER_COLUMNS, type RegisterColumn } from './register-columns';

export { REGISTER_COLUMNS, type RegisterColumn } from './register-columns';

/** A province lists a few hundred products; far more means the wrong file. */
export const REGISTER_MAX_ROWS = 5000;
/** Certificates are valid for 36 months unless the register says otherwise. */
export const CERTIFICATE_VALIDITY_MONTHS = 36;
const MAX_TEXT = 200;

export interface RegisterRow {
  line: number;
  productName: string;
  producer: string;
  stars: 3 | 4 | 5;
  certificateNo: string;
  decisionDate: string;
  expiresOn: string;
  group: OcopGroup;
  communeCode: string | null;
}

export interface RegisterError {
  /** Line in the file; the header is line 1. A row whose quoted cell spans lines reports its first line. */
  line: number;
  column?: RegisterColumn;
  message: Message;
}

export type RegisterCheck =
  { ok: true; rows: RegisterRow[] } | { ok: false; errors: RegisterError[] };

interface Record_ {
  line: number;
  cells: string[];
}

/** The file's records with the line each starts on, or the one error that stops reading it. */
function readRecords(text: string): { records: Record_[] } | { error: RegisterError } {
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // csv-parse miscounts lines for CRLF inside quoted cells; with LF only its count is exact.
    const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    parsed = parse(normalised, { relax_column_count: true, skip_empty_lines: true, info: true });
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    const quote = code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_INVALID_CLOSING_QUOTE';
    return {
      error: {
        line: lines ?? 1,
        message: quote ? m.brokenQuote : m.unreadable,
      },
    };
  }
  // csv-parse counts the line a record ends on; a quoted cell with line breaks started earlier.
  const breaks = (cells: string[]) =>
    cells.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  return {
    records: parsed
      .map(({ record, info }) => ({
        line: info.lines - breaks(record),
        cells: record.map((cell) => cell.normalize('NFC').trim()),
      }))
      // Spreadsheets often save trailing rows of bare commas.
      .filter((r) => r.cells.some((cell) => cell !== '')),
  };
}

const headerError = (found: string[]): RegisterError => ({
  line: 1,
  message: formatMessage(found.join(',') ? m.header : m.headerEmpty, {
    columns: REGISTER_COLUMNS.join(','),
    found: found.join(','),
  }),
});

/**
 * Parses and checks the province's official OCOP register against its communes. All or nothing:
 * either every row is good, or every problem in every row is returned and no row is.
 */
export function parseRegisterCsv(text: string, communes: readonly Place[]): RegisterCheck {
  const read = readRecords(text);
  if ('error' in read) return { ok: false, errors: [read.error] };
  const [header, ...records] = read.records;
  const found = header?.cells.map((h) => h.toLowerCase()) ?? [];
  if (found.join(',') !== REGISTER_COLUMNS.join(','))
    return { ok: false, errors: [headerError(found)] };
  if (records.length === 0) {
    return {
      ok: false,
      errors: [{ line: 2, message: m.noRows }],
    };
  }
  if (records.length > REGISTER_MAX_ROWS) {
    return {
      ok: false,
      errors: [
        {
          line: 1,
          message: formatMessage(m.tooManyRows, { rows: records.length, max: REGISTER_MAX_ROWS }),
        },
      ],
    };
  }

  const errors: RegisterError[] = [];
  const rows: RegisterRow[] = [];
  const firstLineOfCertificate = new Map<string, number>();
  for (const { line, cells } of records) {
    const fail = (
      column: RegisterColumn | undefined,
      message: Message,
      params: Record<string, string | number> = {},
    ) =>
      errors.push({
        line,
        ...(column ? { column } : {}),
        message: formatMessage(message, params),
      });
    const [
      productName = '',
      producer = '',
      stars = '',
      certificateNo = '',
      decision = '',
      expires = '',
      group = '',
      commune = '',
    ] = cells;
    if (cells.length !== REGISTER_COLUMNS.length) {
      fail(undefined, m.columnCount, { expected: REGISTER_COLUMNS.length, found: cells.length });
      continue;
    }
    const before = errors.length;

    if (!productName) fail('product_name', m.productNameMissing);
    else if (productName.length > MAX_TEXT)
      fail('product_name', m.productNameLong, { max: MAX_TEXT });
    if (!producer) fail('producer', m.producerMissing);
    else if (producer.length > MAX_TEXT) fail('producer', m.producerLong, { max: MAX_TEXT });
    if (!['3', '4', '5'].includes(stars)) fail('stars', m.stars, { stars });

    // "1201/QĐ-UBND" and "1201/qđ-ubnd " are the same certificate.
    const certificateKey = foldKey(certificateNo);
    const first = firstLineOfCertificate.get(certificateKey);
    if (!certificateNo) fail('certificate_no', m.certificateMissing);
    else if (first !== undefined)
      fail('certificate_no', m.certificateRepeated, { certificate: certificateNo, first });
    else firstLineOfCertificate.set(certificateKey, line);

    const decisionDate = parseCalendarDate(decision);
    if (!decisionDate) fail('decision_date', m.decisionDate, { date: decision });
    const expiresOn = expires
      ? parseCalendarDate(expires)
      : decisionDate
        ? addMonths(decisionDate, CERTIFICATE_VALIDITY_MONTHS)
        : null;
    if (expires && !expiresOn) fail('expires_on', m.expiryDate, { date: expires });
    else if (expiresOn && decisionDate && expiresOn <= decisionDate)
      fail('expires_on', m.expiryBeforeDecision, { date: expires });

    const ocopGroup = matchOcopGroup(group);
    if (!ocopGroup) fail('group', m.group, { group });

    let communeCode: string | null = null;
    if (commune) {
      const match = matchPlace(communes, commune);
      if (match.ok) communeCode = match.place.code;
      else if (match.reason === 'ambiguous') {
        const names = match.candidates.map((c) => `${c.name} (${c.code})`).join(', ');
        fail('commune', m.communeAmbiguous, { commune, names });
      } else fail('commune', m.communeUnknown, { commune });
    }

    if (errors.length > before || !decisionDate || !expiresOn || !ocopGroup) continue;
    rows.push({
      line,
      productName,
      producer,
      stars: Number(stars) as 3 | 4 | 5,
      certificateNo,
      decisionDate,
      expiresOn,
      group: ocopGroup,
      communeCode,
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

/** `parseRegisterCsv` with the communes of `provinceCode` taken from the loaded place index. */
export function checkRegisterCsv(
  text: string,
  places: PlaceIndex,
  provinceCode: string,
): RegisterCheck {
  const communes = (places.communesByProvince.get(provinceCode) ?? []).map((c) => ({
    code: c.code,
    name: c.fullName,
  }));
  return parseRegisterCsv(text, communes);
}
