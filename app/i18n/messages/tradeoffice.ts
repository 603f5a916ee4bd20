import { defineMessages } from '../messages';

/** Trade office: the OCOP register, the dashboard's parameters, exports, the review queue. */
export const tradeofficeMessages = defineMessages('tradeoffice', {
  unknownIntent: { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' },
  provinceUnknown: { vi: 'Không có tỉnh này.', en: 'There is no such province.' },
  registerFileRequired: {
    vi: 'Hãy chọn tệp CSV của sổ OCOP.',
    en: 'Choose the register CSV file.',
  },
  matchOwnProvinceOnly: {
    vi: 'Chỉ ghép với sản phẩm của tỉnh mình.',
    en: 'Only match listings of your own province.',
  },
  reportPeriodInvalid: {
    vi: 'Khoảng thời gian không hợp lệ: “từ ngày” phải trước “đến ngày”.',
    en: 'Invalid period: the start must come before the end.',
  },
  exportTableUnknown: { vi: 'Không có bảng này.', en: 'There is no such table.' },
  reviewDecisionInvalid: { vi: 'Quyết định không hợp lệ.', en: 'Unknown decision.' },

  // The drill-down's query string.
  figureUnknown: { vi: 'Không có số liệu “{figure}”.', en: 'There is no figure “{figure}”.' },
  starsInvalid: { vi: 'Hạng sao phải là 3, 4 hoặc 5.', en: 'Stars must be 3, 4 or 5.' },
  groupUnknown: {
    vi: 'Nhóm sản phẩm “{group}” không có.',
    en: 'Unknown product group “{group}”.',
  },
  communeCodeInvalid: { vi: 'Mã xã không hợp lệ.', en: 'Invalid commune code.' },
  monthFormat: { vi: 'Tháng phải có dạng YYYY-MM.', en: 'The month must look like YYYY-MM.' },
  methodUnknown: { vi: 'Hình thức thanh toán không hợp lệ.', en: 'Unknown payment method.' },
  monthRequired: { vi: 'Hãy chọn tháng.', en: 'Choose a month.' },
  monthOutsideChart: {
    vi: 'Tháng này không nằm trong 12 tháng của biểu đồ.',
    en: 'This month is not among the 12 months of the chart.',
  },
  figureNotFound: { vi: 'Không có số liệu này.', en: 'There is no such figure.' },
});

/** The register CSV's problems, each naming its line (docs/register-format.md). */
export const registerMessages = defineMessages('tradeofficeRegister', {
  brokenQuote: {
    vi: 'Tệp CSV bị lỗi dấu ngoặc kép (") gần dòng này: ô có dấu phẩy hoặc xuống dòng phải nằm trọn trong ngoặc kép.',
    en: 'The CSV has a broken double quote (") near this line: a cell with commas or line breaks must be fully quoted.',
  },
  unreadable: {
    vi: 'Tệp CSV không đọc được gần dòng này.',
    en: 'The CSV cannot be read near this line.',
  },
  header: {
    vi: 'Dòng tiêu đề phải đúng là: {columns} (tệp có: {found}).',
    en: 'The header row must be exactly: {columns} (found: {found}).',
  },
  headerEmpty: {
    vi: 'Dòng tiêu đề phải đúng là: {columns} (tệp có: trống).',
    en: 'The header row must be exactly: {columns} (found: nothing).',
  },
  noRows: { vi: 'Sổ không có dòng sản phẩm nào.', en: 'The register has no product rows.' },
  tooManyRows: {
    vi: 'Sổ có {rows} dòng, tối đa {max}.',
    en: 'The register has {rows} rows; at most {max}.',
  },
  columnCount: {
    vi: 'Cần {expected} cột, dòng này có {found}.',
    en: 'Expected {expected} columns, found {found}.',
  },
  productNameMissing: { vi: 'Thiếu tên sản phẩm.', en: 'The product name is missing.' },
  productNameLong: {
    vi: 'Tên sản phẩm dài quá {max} ký tự.',
    en: 'The product name is longer than {max} characters.',
  },
  producerMissing: { vi: 'Thiếu tên chủ thể.', en: 'The producer is missing.' },
  producerLong: {
    vi: 'Tên chủ thể dài quá {max} ký tự.',
    en: 'The producer is longer than {max} characters.',
  },
  stars: {
    vi: 'Hạng sao “{stars}” phải là 3, 4 hoặc 5.',
    en: 'Stars “{stars}” must be 3, 4 or 5.',
  },
  certificateMissing: {
    vi: 'Thiếu số quyết định/giấy chứng nhận.',
    en: 'The certificate number is missing.',
  },
  certificateRepeated: {
    vi: 'Số chứng nhận {certificate} trùng với dòng {first}.',
    en: 'Certificate {certificate} repeats line {first}.',
  },
  decisionDate: {
    vi: 'Ngày quyết định “{date}” không hợp lệ. Dùng YYYY-MM-DD hoặc DD/MM/YYYY.',
    en: 'Decision date “{date}” is not valid. Use YYYY-MM-DD or DD/MM/YYYY.',
  },
  expiryDate: {
    vi: 'Ngày hết hạn “{date}” không hợp lệ. Dùng YYYY-MM-DD hoặc DD/MM/YYYY, hoặc để trống.',
    en: 'Expiry date “{date}” is not valid. Use YYYY-MM-DD or DD/MM/YYYY, or leave it empty.',
  },
  expiryBeforeDecision: {
    vi: 'Ngày hết hạn “{date}” phải sau ngày quyết định.',
    en: 'Expiry date “{date}” must come after the decision date.',
  },
  group: {
    vi: 'Nhóm sản phẩm “{group}” không hợp lệ (food, beverage, herbal, textile, souvenir, tourism hoặc tên tiếng Việt).',
    en: 'Unknown product group “{group}” (food, beverage, herbal, textile, souvenir, tourism or the Vietnamese name).',
  },
  communeAmbiguous: {
    vi: '“{commune}” có thể là {names}: hãy ghi rõ tiền tố hoặc mã.',
    en: '“{commune}” could be {names}: give the prefix or the code.',
  },
  communeUnknown: {
    vi: 'Không tìm thấy xã/phường “{commune}” trong tỉnh.',
    en: 'No commune or ward “{commune}” in the province.',
  },
});

/** Column headers of the drill-down tables (the CSV uses the keys, the page these names). */
export const drillColumnNames = defineMessages('tradeofficeColumn', {
  certificate_no: { vi: 'Số chứng nhận', en: 'Certificate' },
  product_name: { vi: 'Sản phẩm', en: 'Product' },
  product: { vi: 'Sản phẩm', en: 'Product' },
  producer: { vi: 'Chủ thể', en: 'Producer' },
  stars: { vi: 'Sao', en: 'Stars' },
  group: { vi: 'Nhóm', en: 'Group' },
  commune: { vi: 'Xã, phường', en: 'Commune' },
  decision_date: { vi: 'Ngày quyết định', en: 'Decision date' },
  expires_on: { vi: 'Hết hạn', en: 'Expires' },
  listingOnSite: { vi: 'Sản phẩm trên Chợ Phiên', en: 'Listing on Chợ Phiên' },
  listing: { vi: 'Sản phẩm', en: 'Listing' },
  organization: { vi: 'Tổ chức', en: 'Organization' },
  listing_status: { vi: 'Trạng thái', en: 'Status' },
  published_at: { vi: 'Đăng bán', en: 'Published' },
  online: { vi: 'Đang bán', en: 'Online' },
  online_then: { vi: 'Đang bán ngày {day}', en: 'Online on {day}' },
  days_left: { vi: 'Còn (ngày)', en: 'Days left' },
  code: { vi: 'Mã đơn', en: 'Order' },
  placed_on: { vi: 'Ngày đặt', en: 'Placed' },
  goods_vnd: { vi: 'Tiền hàng (₫)', en: 'Goods (₫)' },
  total_vnd: { vi: 'Tổng (₫)', en: 'Total (₫)' },
  method: { vi: 'Thanh toán', en: 'Payment' },
  state: { vi: 'Trạng thái', en: 'State' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  tax_code: { vi: 'Mã số thuế', en: 'Tax code' },
  registered: { vi: 'Đăng ký', en: 'Registered' },
  waiting_days: { vi: 'Số ngày chờ', en: 'Days waiting' },
  price_vnd: { vi: 'Giá (₫)', en: 'Price (₫)' },
  submitted: { vi: 'Gửi duyệt', en: 'Submitted' },
  lot: { vi: 'Lô', en: 'Lot' },
  serial_from: { vi: 'Từ số', en: 'From serial' },
  serial_to: { vi: 'Đến số', en: 'To serial' },
  count: { vi: 'Số tem', en: 'Stamps' },
  issued_on: { vi: 'Ngày phát hành', en: 'Issued' },
  serial: { vi: 'Số tem', en: 'Serial' },
  scanned_at: { vi: 'Lúc quét (UTC)', en: 'Scanned (UTC)' },
  verdict: { vi: 'Kết quả', en: 'Verdict' },
  flagged_scans: { vi: 'Lần quét bị nghi', en: 'Flagged scans' },
  first: { vi: 'Lần đầu (UTC)', en: 'First (UTC)' },
  last: { vi: 'Lần cuối (UTC)', en: 'Last (UTC)' },
  reported_on: { vi: 'Ngày báo', en: 'Reported' },
  message: { vi: 'Nội dung', en: 'Message' },
  status: { vi: 'Trạng thái', en: 'Status' },
});
