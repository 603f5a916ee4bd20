import { isValidGtin } from '~/lib/gtin';
import { addMonths, parseCalendarDate } from '~/lib/dates';
import type { Message } from '~/lib/errors';
import { fold } from '~/lib/text';
import { OCOP_GROUP_NAMES_EN, OCOP_GROUP_NAMES_VI, OCOP_GROUPS, type OcopGroup } from '../groups';
import { matchCommune, matchProvince, type PlaceIndex } from '../place-match';
import type { ImportColumn, ImportError, RawImportRow } from './csv-format';

export interface ValidRow {
  line: number;
  cooperative: string;
  provinceCode: string;
  communeCode: string | null;
  name: string;
  description: string;
  group: OcopGroup;
  category: string;
  unit: string;
  priceVnd: number;
  stock: number;
  ocop: { stars: 3 | 4 | 5; certificateNo: string; issuedOn: string; expiresOn: string } | null;
  gtin: string | null;
  weightG: number | null;
  image: string | null;
}

const key = (text: string) => fold(text).replace(/\s+/g, ' ').trim();

export function matchGroup(text: string): OcopGroup | null {
  const value = key(text);
  return (
    OCOP_GROUPS.find(
      (g) =>
        g === value ||
        key(OCOP_GROUP_NAMES_VI[g]) === value ||
        key(OCOP_GROUP_NAMES_EN[g]) === value,
    ) ?? null
  );
}

/** Checks one row; returns the typed row or every problem found in it. */
export function validateImportRow(
  row: RawImportRow,
  places: PlaceIndex,
): { row: ValidRow } | { errors: ImportError[] } {
  const errors: ImportError[] = [];
  const fail = (column: ImportColumn, vi: string, en: string) =>
    errors.push({ line: row.line, column, message: { vi, en } });
  const required = (column: ImportColumn, label: Message) => {
    if (!row[column]) fail(column, `Thiếu ${label.vi}.`, `${label.en} is missing.`);
  };
  required('cooperative', { vi: 'tên hợp tác xã', en: 'The cooperative' });
  required('name', { vi: 'tên sản phẩm', en: 'The product name' });
  required('unit', { vi: 'đơn vị tính', en: 'The unit' });

  const province = matchProvince(places, row.province);
  if (!province)
    fail(
      'province',
      `Không tìm thấy tỉnh “${row.province}”.`,
      `Unknown province “${row.province}”.`,
    );
  const commune = province && row.commune ? matchCommune(places, province.code, row.commune) : null;
  if (province && row.commune && !commune) {
    fail(
      'commune',
      `Không tìm thấy xã/phường “${row.commune}” ở ${province.name}.`,
      `No commune or ward “${row.commune}” in ${province.name}.`,
    );
  }
  const group = matchGroup(row.group);
  if (!group)
    fail(
      'group',
      `Nhóm sản phẩm “${row.group}” không hợp lệ (food, beverage, herbal, textile, souvenir, tourism hoặc tên tiếng Việt).`,
      `Unknown product group “${row.group}” (food, beverage, herbal, textile, souvenir, tourism or the Vietnamese name).`,
    );

  const price = /^\d+$/.test(row.price_vnd) ? Number(row.price_vnd) : NaN;
  if (!Number.isSafeInteger(price) || price <= 0)
    fail(
      'price_vnd',
      `Giá “${row.price_vnd}” phải là số nguyên dương (đồng), ví dụ 120000.`,
      `Price “${row.price_vnd}” must be a positive whole number of đồng, e.g. 120000.`,
    );
  const stock = row.stock === '' ? 0 : /^\d+$/.test(row.stock) ? Number(row.stock) : NaN;
  if (!Number.isSafeInteger(stock))
    fail(
      'stock',
      `Tồn kho “${row.stock}” phải là số nguyên không âm.`,
      `Stock “${row.stock}” must be a whole number, 0 or more.`,
    );
  const weight =
    row.weight_g === ''
      ? null
      : /^\d+$/.test(row.weight_g) && Number(row.weight_g) > 0
        ? Number(row.weight_g)
        : NaN;
  if (Number.isNaN(weight))
    fail(
      'weight_g',
      `Khối lượng “${row.weight_g}” phải là số gam nguyên dương.`,
      `Weight “${row.weight_g}” must be a positive whole number of grams.`,
    );

  let ocop: ValidRow['ocop'] = null;
  if (row.ocop_stars !== '') {
    if (!['3', '4', '5'].includes(row.ocop_stars)) {
      fail(
        'ocop_stars',
        `Hạng OCOP “${row.ocop_stars}” phải để trống hoặc là 3, 4, 5.`,
        `OCOP stars “${row.ocop_stars}” must be blank, 3, 4 or 5.`,
      );
    } else {
      const issuedOn = parseCalendarDate(row.ocop_issued_on);
      if (!row.ocop_certificate_no)
        fail(
          'ocop_certificate_no',
          'Sản phẩm OCOP cần số giấy chứng nhận.',
          'An OCOP product needs its certificate number.',
        );
      if (!issuedOn)
        fail(
          'ocop_issued_on',
          `Ngày cấp “${row.ocop_issued_on}” không hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY).`,
          `Issue date “${row.ocop_issued_on}” is not a valid date (YYYY-MM-DD or DD/MM/YYYY).`,
        );
      if (issuedOn && row.ocop_certificate_no) {
        ocop = {
          stars: Number(row.ocop_stars) as 3 | 4 | 5,
          certificateNo: row.ocop_certificate_no,
          issuedOn,
          expiresOn: addMonths(issuedOn, 36),
        };
      }
    }
  } else if (row.ocop_certificate_no || row.ocop_issued_on) {
    fail(
      'ocop_stars',
      'Có số giấy chứng nhận OCOP nhưng thiếu hạng sao.',
      'An OCOP certificate is given without its stars.',
    );
  }
  if (row.gtin && !isValidGtin(row.gtin))
    fail(
      'gtin',
      `Mã GTIN “${row.gtin}” sai (độ dài hoặc số kiểm tra).`,
      `GTIN “${row.gtin}” is invalid (length or check digit).`,
    );

  if (errors.length) return { errors };
  return {
    row: {
      line: row.line,
      cooperative: row.cooperative.replace(/\s+/g, ' '),
      provinceCode: province!.code,
      communeCode: commune?.code ?? null,
      name: row.name.replace(/\s+/g, ' '),
      description: row.description,
      group: group!,
      category: row.category,
      unit: row.unit,
      priceVnd: price,
      stock,
      ocop,
      gtin: row.gtin || null,
      weightG: weight,
      image: row.image || null,
    },
  };
}
