import type { OcopGroup } from '~/lib/ocop';

/** The places search knows, provided by the catalogue when search starts (search reads no tables). */
export interface PlaceVocabulary {
  provinces: Array<{ code: string; name: string; formerNames: string[] }>;
  communes: Array<{
    code: string;
    provinceCode: string;
    /** Without prefix: "Bum Tở". */
    name: string;
    /** "Xã Bum Tở". */
    fullName: string;
    /** Former commune names and the former province the commune was in (Suối Giàng → "Yên Bái"). */
    formerNames: string[];
  }>;
}

/**
 * Words buyers use for a whole OCOP group rather than for products (folded). They become a group
 * filter; product words ("thổ cẩm", "mật ong") are not here: they stay text and synonyms.
 */
export const GROUP_VOCABULARY: Array<[string, OcopGroup]> = [
  ['homestay', 'tourism'],
  ['home stay', 'tourism'],
  ['du lich cong dong', 'tourism'],
  ['du lich sinh thai', 'tourism'],
  ['du lich trai nghiem', 'tourism'],
  ['du lich', 'tourism'],
  ['diem du lich', 'tourism'],
  ['tour', 'tourism'],
  ['nghi duong', 'tourism'],
  ['luu tru', 'tourism'],
  ['qua bieu', 'souvenir'],
  ['qua tang', 'souvenir'],
  ['qua luu niem', 'souvenir'],
  ['do luu niem', 'souvenir'],
  ['luu niem', 'souvenir'],
  ['thu cong my nghe', 'souvenir'],
  ['do thu cong', 'souvenir'],
  ['my nghe', 'souvenir'],
  ['duoc lieu', 'herbal'],
  ['thao duoc', 'herbal'],
  ['thuoc nam', 'herbal'],
  ['cay thuoc', 'herbal'],
  ['do uong', 'beverage'],
  ['thuc uong', 'beverage'],
  ['nuoc giai khat', 'beverage'],
  ['thuc pham', 'food'],
  ['do an', 'food'],
  ['may mac', 'textile'],
  ['hang det', 'textile'],
  ['vai det', 'textile'],
];

/** Administrative prefixes a buyer may put before a place (folded, as token runs). */
export const PROVINCE_PREFIXES = [['tinh'], ['thanh', 'pho'], ['tp']];
export const COMMUNE_PREFIXES = [['xa'], ['phuong'], ['thi', 'tran'], ['dac', 'khu']];
