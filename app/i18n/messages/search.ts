import { defineMessages } from '../messages';

/** Search: the catalogue page's and the API's URL parameters. */
export const searchMessages = defineMessages('search', {
  queryTooLong: {
    vi: 'Từ khoá quá dài (tối đa 200 ký tự).',
    en: 'The query is too long (200 characters at most).',
  },
  unknownProvince: {
    vi: 'Không có tỉnh “{value}”. Dùng mã tỉnh (ví dụ 15) hoặc tên viết liền (lao-cai).',
    en: 'Unknown province “{value}”. Use its code (e.g. 15) or slug (lao-cai).',
  },
  unknownGroup: {
    vi: 'Nhóm sản phẩm “{value}” không hợp lệ (food, beverage, herbal, textile, souvenir, tourism).',
    en: 'Unknown product group “{value}” (food, beverage, herbal, textile, souvenir, tourism).',
  },
  starsInvalid: { vi: 'Hạng sao OCOP phải là 3, 4 hoặc 5.', en: 'OCOP stars must be 3, 4 or 5.' },
  minPriceInvalid: {
    vi: 'Giá từ phải là số nguyên đồng không âm, ví dụ 50000.',
    en: 'min_price must be a whole, non-negative number of đồng, e.g. 50000.',
  },
  maxPriceInvalid: {
    vi: 'Giá đến phải là số nguyên đồng không âm, ví dụ 500000.',
    en: 'max_price must be a whole, non-negative number of đồng, e.g. 500000.',
  },
  priceRangeInverted: {
    vi: 'Giá đến phải lớn hơn hoặc bằng giá từ.',
    en: 'max_price must not be below min_price.',
  },
  inStockInvalid: {
    vi: 'in_stock chỉ nhận 1 (chỉ hàng còn) hoặc 0.',
    en: 'in_stock must be 1 (in stock only) or 0.',
  },
  sortInvalid: {
    vi: 'Cách sắp xếp không hợp lệ. Dùng: {sorts}.',
    en: 'Unknown sort. Use one of: {sorts}.',
  },
  pageInvalid: { vi: 'Số trang phải từ 1 đến {max}.', en: 'page must be between 1 and {max}.' },
  perPageInvalid: {
    vi: 'Số kết quả mỗi trang phải từ 1 đến {max}.',
    en: 'per_page must be between 1 and {max}.',
  },
  priceNotWhole: {
    vi: 'Giá phải là số nguyên không âm (đồng).',
    en: 'Prices must be whole, non-negative amounts of VND.',
  },
});
