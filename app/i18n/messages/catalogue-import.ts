import { defineMessages } from '../messages';

/** Catalogue CSV import: each problem of a file or a row (line and column are given beside it). */
export const importMessages = defineMessages('catalogueImport', {
  unreadable: {
    vi: 'Tệp CSV không đọc được: {error}',
    en: 'The CSV file cannot be read: {error}',
  },
  empty: {
    vi: 'Tệp trống: cần dòng tiêu đề và ít nhất một dòng sản phẩm.',
    en: 'The file is empty: it needs a header row and at least one product row.',
  },
  header: {
    vi: 'Dòng tiêu đề phải đúng là: {columns}',
    en: 'The header row must be exactly: {columns}',
  },
  columnCount: {
    vi: 'Cần {expected} cột, dòng này có {found}.',
    en: 'Expected {expected} columns, found {found}.',
  },
  missingCooperative: { vi: 'Thiếu tên hợp tác xã.', en: 'The cooperative is missing.' },
  missingName: { vi: 'Thiếu tên sản phẩm.', en: 'The product name is missing.' },
  missingUnit: { vi: 'Thiếu đơn vị tính.', en: 'The unit is missing.' },
  unknownProvince: {
    vi: 'Không tìm thấy tỉnh “{value}”.',
    en: 'Unknown province “{value}”.',
  },
  unknownCommune: {
    vi: 'Không tìm thấy xã/phường “{value}” ở {province}.',
    en: 'No commune or ward “{value}” in {province}.',
  },
  unknownGroup: {
    vi: 'Nhóm sản phẩm “{value}” không hợp lệ (food, beverage, herbal, textile, souvenir, tourism hoặc tên tiếng Việt).',
    en: 'Unknown product group “{value}” (food, beverage, herbal, textile, souvenir, tourism or the Vietnamese name).',
  },
  price: {
    vi: 'Giá “{value}” phải là số nguyên dương (đồng), ví dụ 120000.',
    en: 'Price “{value}” must be a positive whole number of đồng, e.g. 120000.',
  },
  stock: {
    vi: 'Tồn kho “{value}” phải là số nguyên không âm.',
    en: 'Stock “{value}” must be a whole number, 0 or more.',
  },
  weight: {
    vi: 'Khối lượng “{value}” phải là số gam nguyên dương.',
    en: 'Weight “{value}” must be a positive whole number of grams.',
  },
  ocopStars: {
    vi: 'Hạng OCOP “{value}” phải để trống hoặc là 3, 4, 5.',
    en: 'OCOP stars “{value}” must be blank, 3, 4 or 5.',
  },
  ocopCertificateNo: {
    vi: 'Sản phẩm OCOP cần số giấy chứng nhận.',
    en: 'An OCOP product needs its certificate number.',
  },
  ocopIssuedOn: {
    vi: 'Ngày cấp “{value}” không hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY).',
    en: 'Issue date “{value}” is not a valid date (YYYY-MM-DD or DD/MM/YYYY).',
  },
  ocopWithoutStars: {
    vi: 'Có số giấy chứng nhận OCOP nhưng thiếu hạng sao.',
    en: 'An OCOP certificate is given without its stars.',
  },
  gtin: {
    vi: 'Mã GTIN “{value}” sai (độ dài hoặc số kiểm tra).',
    en: 'GTIN “{value}” is invalid (length or check digit).',
  },
  duplicate: {
    vi: 'Trùng sản phẩm “{name}” của cùng hợp tác xã ở dòng {line}.',
    en: 'Duplicate product “{name}” of the same cooperative as line {line}.',
  },
  otherCooperative: {
    vi: 'Bạn chỉ được nhập sản phẩm của hợp tác xã mình, không phải “{value}”.',
    en: "You may only import your own cooperative's products, not “{value}”.",
  },
  gtinTaken: {
    vi: 'Mã GTIN {value} đã dùng cho sản phẩm khác.',
    en: 'GTIN {value} already belongs to another product.',
  },
  gtinTakenInFile: {
    vi: 'Mã GTIN {value} đã dùng cho sản phẩm khác (dòng {line}).',
    en: 'GTIN {value} already belongs to another product (line {line}).',
  },
  imageOnWeb: {
    vi: 'Khi nhập trên web, để trống cột ảnh và thêm ảnh ở trang sản phẩm sau khi nhập.',
    en: 'When importing on the web, leave the image column empty and add photos on the product page afterwards.',
  },
  imageOutside: {
    vi: 'Ảnh “{value}” phải nằm trong thư mục của tệp CSV.',
    en: "Image “{value}” must be inside the CSV file's folder.",
  },
  imageUnreadable: { vi: 'Không đọc được ảnh “{value}”.', en: 'Cannot read image “{value}”.' },
});
