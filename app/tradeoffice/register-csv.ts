import { parse } from 'csv-parse/sync';
import { type OcopGroup, type PlaceIndex } from '~/catalogue';
import type { Message } from '~/lib/errors';
import {
  addMonths,
  foldKey,
  matchOcopGroup,
  matchPlace,
  parseCalendarDate,
  type Place,
} from './parse-helpers';

/** The official register's columns, in this order; see docs/register-format.md. */
export const REGISTER_COLUMNS = [
  'product_name',
  'producer',
  'stars',
  'certificate_no',
  'decision_date',
  'expires_on',
  'group',
  'commune',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

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
        message: quote
          ? {
              vi: 'Tệp CSV bị lỗi dấu ngoặc kép (") gần dòng này: ô có dấu phẩy hoặc xuống dòng phải nằm trọn trong ngoặc kép.',
              en: 'The CSV has a broken double quote (") near this line: a cell with commas or line breaks must be fully quoted.',
            }
          : {
              vi: 'Tệp CSV không đọc được gần dòng này.',
              en: 'The CSV cannot be read near this line.',
            },
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
  message: {
    vi: `Dòng tiêu đề phải đúng là: ${REGISTER_COLUMNS.join(',')} (tệp có: ${found.join(',') || 'trống'}).`,
    en: `The header row must be exactly: ${REGISTER_COLUMNS.join(',')} (found: ${found.join(',') || 'nothing'}).`,
  },
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
      errors: [
        {
          line: 2,
          message: {
            vi: 'Sổ không có dòng sản phẩm nào.',
            en: 'The register has no product rows.',
          },
        },
      ],
    };
  }
  if (records.length > REGISTER_MAX_ROWS) {
    return {
      ok: false,
      errors: [
        {
          line: 1,
          message: {
            vi: `Sổ có ${records.length} dòng, tối đa ${REGISTER_MAX_ROWS}.`,
            en: `The register has ${records.length} rows; at most ${REGISTER_MAX_ROWS}.`,
          },
        },
      ],
    };
  }

  const errors: RegisterError[] = [];
  const rows: RegisterRow[] = [];
  const firstLineOfCertificate = new Map<string, number>();
  for (const { line, cells } of records) {
    const fail = (column: RegisterColumn | undefined, vi: string, en: string) =>
      errors.push({ line, ...(column ? { column } : {}), message: { vi, en } });
    if (cells.length !== REGISTER_COLUMNS.length) {
      fail(
        undefined,
        `Cần ${REGISTER_COLUMNS.length} cột, dòng này có ${cells.length}.`,
        `Expected ${REGISTER_COLUMNS.length} columns, found ${cells.length}.`,
      );
      continue;
    }
    const before = errors.length;
    const [productName, producer, stars, certificateNo, decision, expires, group, commune] = cells;

    if (!productName) fail('product_name', 'Thiếu tên sản phẩm.', 'The product name is missing.');
    else if (productName.length > MAX_TEXT)
      fail(
        'product_name',
        `Tên sản phẩm dài quá ${MAX_TEXT} ký tự.`,
        `The product name is longer than ${MAX_TEXT} characters.`,
      );
    if (!producer) fail('producer', 'Thiếu tên chủ thể.', 'The producer is missing.');
    else if (producer.length > MAX_TEXT)
      fail(
        'producer',
        `Tên chủ thể dài quá ${MAX_TEXT} ký tự.`,
        `The producer is longer than ${MAX_TEXT} characters.`,
      );
    if (!['3', '4', '5'].includes(stars))
      fail(
        'stars',
        `Hạng sao “${stars}” phải là 3, 4 hoặc 5.`,
        `Stars “${stars}” must be 3, 4 or 5.`,
      );

    // "1201/QĐ-UBND" and "1201/qđ-ubnd " are the same certificate.
    const certificateKey = foldKey(certificateNo);
    if (!certificateNo)
      fail(
        'certificate_no',
        'Thiếu số quyết định/giấy chứng nhận.',
        'The certificate number is missing.',
      );
    else if (firstLineOfCertificate.has(certificateKey)) {
      const first = firstLineOfCertificate.get(certificateKey);
      fail(
        'certificate_no',
        `Số chứng nhận ${certificateNo} trùng với dòng ${first}.`,
        `Certificate ${certificateNo} repeats line ${first}.`,
      );
    } else firstLineOfCertificate.set(certificateKey, line);

    const decisionDate = parseCalendarDate(decision);
    if (!decisionDate)
      fail(
        'decision_date',
        `Ngày quyết định “${decision}” không hợp lệ. Dùng YYYY-MM-DD hoặc DD/MM/YYYY.`,
        `Decision date “${decision}” is not valid. Use YYYY-MM-DD or DD/MM/YYYY.`,
      );
    const expiresOn = expires
      ? parseCalendarDate(expires)
      : decisionDate
        ? addMonths(decisionDate, CERTIFICATE_VALIDITY_MONTHS)
        : null;
    if (expires && !expiresOn)
      fail(
        'expires_on',
        `Ngày hết hạn “${expires}” không hợp lệ. Dùng YYYY-MM-DD hoặc DD/MM/YYYY, hoặc để trống.`,
        `Expiry date “${expires}” is not valid. Use YYYY-MM-DD or DD/MM/YYYY, or leave it empty.`,
      );
    else if (expiresOn && decisionDate && expiresOn <= decisionDate)
      fail(
        'expires_on',
        `Ngày hết hạn “${expires}” phải sau ngày quyết định.`,
        `Expiry date “${expires}” must come after the decision date.`,
      );

    const ocopGroup = matchOcopGroup(group);
    if (!ocopGroup)
      fail(
        'group',
        `Nhóm sản phẩm “${group}” không hợp lệ (food, beverage, herbal, textile, souvenir, tourism hoặc tên tiếng Việt).`,
        `Unknown product group “${group}” (food, beverage, herbal, textile, souvenir, tourism or the Vietnamese name).`,
      );

    let communeCode: string | null = null;
    if (commune) {
      const match = matchPlace(communes, commune);
      if (match.ok) communeCode = match.place.code;
      else if (match.reason === 'ambiguous') {
        const names = match.candidates.map((c) => `${c.name} (${c.code})`).join(', ');
        fail(
          'commune',
          `“${commune}” có thể là ${names}: hãy ghi rõ tiền tố hoặc mã.`,
          `“${commune}” could be ${names}: give the prefix or the code.`,
        );
      } else
        fail(
          'commune',
          `Không tìm thấy xã/phường “${commune}” trong tỉnh.`,
          `No commune or ward “${commune}” in the province.`,
        );
    }

    if (errors.length > before) continue;
    rows.push({
      line,
      productName,
      producer,
      stars: Number(stars) as 3 | 4 | 5,
      certificateNo,
      decisionDate: decisionDate!,
      expiresOn: expiresOn!,
      group: ocopGroup!,
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
