import { defineMessages } from '../messages';

/** Limits on spreadsheet previews and imports (issue 14): a file at a time, a budget per organization. */
export const importLimitMessages = defineMessages('importLimits', {
  alreadyRunning: {
    vi: 'Một tệp CSV của tổ chức này đang được kiểm tra: hãy đợi xong rồi thử lại.',
    en: 'A CSV file of this organization is being checked: wait for it to finish, then try again.',
  },
  registerTooLarge: {
    vi: 'Tệp danh sách OCOP tối đa 2 MB.',
    en: 'The OCOP register file is 2 MB at most.',
  },
  tooManyRows: {
    vi: 'Tệp có quá nhiều dòng: tối đa {max} sản phẩm mỗi lần nhập.',
    en: 'The file has too many rows: {max} products per import at most.',
  },
  moreRows: { vi: '… và {n} dòng nữa.', en: '… and {n} more rows.' },
  tooMany: {
    vi: 'Đã kiểm tra quá nhiều tệp CSV: hãy thử lại sau {minutes} phút.',
    en: 'Too many CSV files checked: try again in {minutes} minutes.',
  },
});
