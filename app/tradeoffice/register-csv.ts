import { parse } from 'csv-parse/sync';
import { matchGroup } from '~/catalogue/import/validate-row';
import { matchCommune, type PlaceIndex } from '~/catalogue/place-match';
import type { OcopGroup } from '~/catalogue/groups';
import { addMonths, parseCalendarDate } from '~/lib/dates';
import type { Message } from '~/lib/errors';

export const REGISTER_COLUMNS = ['product_name', 'producer', 'stars', 'certificate_no', 'decision_date', 'expires_on', 'group', 'commune'] as const;

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

export type RegisterCheck = { ok: true; rows: RegisterRow[] } | { ok: false; errors: Array<{ line: number; message: Message }> };

/** Parses the province's official OCOP list; every bad row is reported and then nothing is accepted. */
export function checkRegisterCsv(text: string, places: PlaceIndex, provinceCode: string): RegisterCheck {
  let records: Array<{ info: { lines: number }; record: string[] }>;
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, info: true });
  } catch (error) {
    return { ok: false, errors: [{ line: 1, message: { vi: `Tệp CSV không đọc được: ${(error as Error).message}`, en: `The CSV cannot be read: ${(error as Error).message}` } }] };
  }
  if (records[0]?.record.map((h) => h.trim()).join(',') !== REGISTER_COLUMNS.join(',')) {
    return { ok: false, errors: [{ line: 1, message: { vi: `Dòng tiêu đề phải đúng là: ${REGISTER_COLUMNS.join(',')}`, en: `The header row must be exactly: ${REGISTER_COLUMNS.join(',')}` } }] };
  }
  const errors: Array<{ line: number; message: Message }> = [];
  const rows: RegisterRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const fail = (vi: string, en: string) => errors.push({ line, message: { vi, en } });
    if (record.length !== REGISTER_COLUMNS.length) {
      fail(`Cần ${REGISTER_COLUMNS.length} cột, dòng này có ${record.length}.`, `Expected ${REGISTER_COLUMNS.length} columns, found ${record.length}.`);
      continue;
    }
    const [productName, producer, stars, certificateNo, decision, expires, group, commune] = record.map((v) => v.trim());
    const before = errors.length;
    if (!productName) fail('Thiếu tên sản phẩm.', 'The product name is missing.');
    if (!producer) fail('Thiếu tên chủ thể.', 'The producer is missing.');
    if (!['3', '4', '5'].includes(stars)) fail(`Hạng sao “${stars}” phải là 3, 4 hoặc 5.`, `Stars “${stars}” must be 3, 4 or 5.`);
    if (!certificateNo) fail('Thiếu số quyết định/giấy chứng nhận.', 'The certificate number is missing.');
    else if (seen.has(certificateNo)) fail(`Số chứng nhận ${certificateNo} trùng với dòng ${seen.get(certificateNo)}.`, `Certificate ${certificateNo} repeats line ${seen.get(certificateNo)}.`);
    const decisionDate = parseCalendarDate(decision);
    if (!decisionDate) fail(`Ngày quyết định “${decision}” không hợp lệ.`, `Decision date “${decision}” is not valid.`);
    const expiresOn = expires ? parseCalendarDate(expires) : decisionDate ? addMonths(decisionDate, 36) : null;
    if (expires && !expiresOn) fail(`Ngày hết hạn “${expires}” không hợp lệ.`, `Expiry date “${expires}” is not valid.`);
    const ocopGroup = matchGroup(group);
    if (!ocopGroup) fail(`Nhóm sản phẩm “${group}” không hợp lệ.`, `Unknown product group “${group}”.`);
    const communeMatch = commune ? matchCommune(places, provinceCode, commune) : null;
    if (commune && !communeMatch) fail(`Không tìm thấy xã/phường “${commune}” trong tỉnh.`, `No commune or ward “${commune}” in the province.`);
    if (certificateNo) seen.set(certificateNo, line);
    if (errors.length > before) continue;
    rows.push({ line, productName, producer, stars: Number(stars) as 3 | 4 | 5, certificateNo, decisionDate: decisionDate!, expiresOn: expiresOn!, group: ocopGroup!, communeCode: communeMatch?.code ?? null });
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
