import { defineMessages } from '../messages';

/** Messages every area uses: access, missing things, form basics. */
export const commonMessages = defineMessages('common', {
  notFound: { vi: 'Không tìm thấy.', en: 'Not found.' },
  forbidden: {
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  invalidValue: { vi: 'Giá trị chưa hợp lệ.', en: 'This value is not valid.' },
  required: { vi: 'Hãy điền mục này.', en: 'Please fill this in.' },
  tooLong: { vi: 'Quá dài: tối đa {max} ký tự.', en: 'Too long: {max} characters at most.' },
  wholeNumber: { vi: 'Hãy nhập một số nguyên.', en: 'Enter a whole number.' },
  chooseOne: { vi: 'Hãy chọn một mục trong danh sách.', en: 'Choose one of the options.' },
  notAForm: {
    vi: 'Yêu cầu không phải là một biểu mẫu: hãy gửi lại từ trang web.',
    en: 'This request is not a form: please send it again from the page.',
  },
  brokenForm: {
    vi: 'Không đọc được biểu mẫu đã gửi: hãy thử lại.',
    en: 'The submitted form could not be read: please try again.',
  },
  bodyTooLarge: {
    vi: 'Dữ liệu gửi lên quá lớn: tối đa 10 MB.',
    en: 'What was sent is too large: 10 MB at most.',
  },
  formInvalid: {
    vi: 'Một số thông tin chưa hợp lệ: xem các mục được đánh dấu.',
    en: 'Some information is not valid: see the marked fields.',
  },
});
