import { isValidGtin } from '~/lib/gtin';
import { addMonths, parseCalendarDate } from '~/lib/dates';
import { formatMessage, type KeyedMessage } from '~/i18n/messages';
import { importMessages as m } from '~/i18n/messages/catalogue-import';
import { fold } from '~/lib/text';
import { OCOP_GROUP_NAMES_EN, OCOP_GROUP_NAMES_VI, OCOP_GROUPS, type OcopGroup } from '../groups';
import { placeMessages } from '~/i18n/messages/places';
import { findCommuneMatch, findProvinceMatch, type PlaceIndex } from '../place-match';
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
  const fail = (
    column: ImportColumn,
    message: KeyedMessage,
    params: Record<string, string | number> = {},
  ) => errors.push({ line: row.line, column, message: formatMessage(message, params) });
  const required = (column: ImportColumn, message: KeyedMessage) => {
    if (!row[column]) fail(column, message);
  };
  required('cooperative', m.missingCooperative);
  required('name', m.missingName);
  required('unit', m.missingUnit);

  const names = (candidates: Array<{ fullName: string; code: string }>) =>
    candidates.map((c) => `${c.fullName} (${c.code})`).join(', ');
  const provinceMatch = findProvinceMatch(places, row.province);
  const province = provinceMatch.ok ? provinceMatch.place : null;
  if (!provinceMatch.ok && provinceMatch.reason === 'ambiguous') {
    fail('province', placeMessages.ambiguousProvince, {
      value: row.province,
      names: names(provinceMatch.candidates),
    });
  } else if (!province) fail('province', m.unknownProvince, { value: row.province });
  const communeMatch =
    province && row.commune ? findCommuneMatch(places, province.code, row.commune) : null;
  const commune = communeMatch?.ok ? communeMatch.place : null;
  if (province && communeMatch && !communeMatch.ok) {
    if (communeMatch.reason === 'ambiguous')
      fail('commune', placeMessages.ambiguousCommune, {
        value: row.commune,
        province: province.name,
        names: names(communeMatch.candidates),
      });
    else fail('commune', m.unknownCommune, { value: row.commune, province: province.name });
  }
  const group = matchGroup(row.group);
  if (!group) fail('group', m.unknownGroup, { value: row.group });

  const price = /^\d+$/.test(row.price_vnd) ? Number(row.price_vnd) : NaN;
  if (!Number.isSafeInteger(price) || price <= 0)
    fail('price_vnd', m.price, { value: row.price_vnd });
  const stock = row.stock === '' ? 0 : /^\d+$/.test(row.stock) ? Number(row.stock) : NaN;
  if (!Number.isSafeInteger(stock)) fail('stock', m.stock, { value: row.stock });
  const weight =
    row.weight_g === ''
      ? null
      : /^\d+$/.test(row.weight_g) && Number(row.weight_g) > 0
        ? Number(row.weight_g)
        : NaN;
  if (Number.isNaN(weight)) fail('weight_g', m.weight, { value: row.weight_g });

  let ocop: ValidRow['ocop'] = null;
  if (row.ocop_stars !== '') {
    if (!['3', '4', '5'].includes(row.ocop_stars)) {
      fail('ocop_stars', m.ocopStars, { value: row.ocop_stars });
    } else {
      const issuedOn = parseCalendarDate(row.ocop_issued_on);
      if (!row.ocop_certificate_no) fail('ocop_certificate_no', m.ocopCertificateNo);
      if (!issuedOn) fail('ocop_issued_on', m.ocopIssuedOn, { value: row.ocop_issued_on });
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
    fail('ocop_stars', m.ocopWithoutStars);
  }
  if (row.gtin && !isValidGtin(row.gtin)) fail('gtin', m.gtin, { value: row.gtin });

  if (errors.length || !province || !group) return { errors };
  return {
    row: {
      line: row.line,
      cooperative: row.cooperative.replace(/\s+/g, ' '),
      provinceCode: province.code,
      communeCode: commune?.code ?? null,
      name: row.name.replace(/\s+/g, ' '),
      description: row.description,
      group,
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
