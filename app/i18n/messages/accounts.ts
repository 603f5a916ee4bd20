import { defineMessages } from '../messages';

/** Accounts: sign-up, sign-in, password reset, rate limits. */
export const accountsMessages = defineMessages('accounts', {
  identifierInvalid: {
    vi: 'Hãy nhập số điện thoại Việt Nam (ví dụ 0912 345 678) hoặc địa chỉ e-mail.',
    en: 'Enter a Vietnamese phone number (e.g. 0912 345 678) or an e-mail address.',
  },
  displayNameLength: {
    vi: 'Hãy nhập họ tên (2–100 ký tự).',
    en: 'Enter your name (2–100 characters).',
  },
  identifierTaken: {
    vi: 'Số điện thoại hoặc e-mail này đã có tài khoản. Hãy đăng nhập hoặc lấy lại mật khẩu.',
    en: 'This phone number or e-mail already has an account. Sign in or reset the password.',
  },
  badCredentials: {
    vi: 'Sai số điện thoại/e-mail hoặc mật khẩu.',
    en: 'Wrong phone/e-mail or password.',
  },
  resetLinkInvalid: {
    vi: 'Liên kết đặt lại mật khẩu không hợp lệ hoặc đã hết hạn. Hãy yêu cầu liên kết mới.',
    en: 'This reset link is invalid or has expired. Ask for a new one.',
  },
  resetLinkUsed: { vi: 'Liên kết này đã được dùng.', en: 'This link was already used.' },
  passwordTooShort: {
    vi: 'Mật khẩu cần ít nhất {min} ký tự.',
    en: 'The password needs at least {min} characters.',
  },
  passwordTooLong: {
    vi: 'Mật khẩu quá dài (tối đa {max} ký tự).',
    en: 'The password is too long ({max} characters at most).',
  },
  passwordTooCommon: {
    vi: 'Mật khẩu này quá dễ đoán. Hãy chọn mật khẩu khác.',
    en: 'This password is too easy to guess. Choose another one.',
  },
  tooManyAttempts: {
    vi: 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau {minutes} phút.',
    en: 'Too many attempts. Please try again in {minutes} minutes.',
  },
  tooManyAttemptsOneMinute: {
    vi: 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau 1 phút.',
    en: 'Too many attempts. Please try again in 1 minute.',
  },
});

/**
 * The password-reset e-mail: both languages in one mail, since an account has chosen no language.
 */
export function passwordResetEmail(params: { name: string; minutes: number; link: string }) {
  const { name, minutes, link } = params;
  return {
    subject: 'Đặt lại mật khẩu Chợ Phiên / Reset your Chợ Phiên password',
    text: `Chào ${name},\n\nMở liên kết sau trong ${minutes} phút để đặt mật khẩu mới (chỉ dùng được một lần):\n${link}\n\nNếu bạn không yêu cầu, hãy bỏ qua e-mail này.\n\n—\nOpen the link above within ${minutes} minutes to choose a new password (it works once). If you did not ask for it, ignore this e-mail.`,
  };
}
