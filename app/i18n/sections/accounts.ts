// Account pages (sign-up, sign-in, password reset) and the admin mailbox, Vietnamese first; merged into
// app/i18n/vi.ts and en.ts.
export const viAccounts = {
  acTitleSignUp: 'Đăng ký — Chợ Phiên',
  acTitleSignIn: 'Đăng nhập — Chợ Phiên',
  acTitleForgot: 'Quên mật khẩu — Chợ Phiên',
  acTitleReset: 'Đặt mật khẩu mới — Chợ Phiên',
  acTitleMailbox: 'Hộp thư đi — Chợ Phiên',
  acMailboxHeading: 'Hộp thư đi',
  acMailboxSmtp: 'E-mail được gửi qua SMTP; danh sách dưới đây là bản lưu.',
  acMailboxNoSmtp: 'Chưa cấu hình SMTP_URL: e-mail chỉ hiện ở đây.',
  acMailTo: 'Tới {to}',
  acMailSent: 'đã gửi',
  acMailError: 'lỗi: {error}',
  acMailNotSent: 'chưa gửi',
};

export const enAccounts: typeof viAccounts = {
  acTitleSignUp: 'Sign up — Chợ Phiên',
  acTitleSignIn: 'Sign in — Chợ Phiên',
  acTitleForgot: 'Forgotten password — Chợ Phiên',
  acTitleReset: 'New password — Chợ Phiên',
  acTitleMailbox: 'Outgoing mail — Chợ Phiên',
  acMailboxHeading: 'Outgoing mail',
  acMailboxSmtp: 'Mail is sent through SMTP; this is the record.',
  acMailboxNoSmtp: 'SMTP_URL is not set: mail only appears here.',
  acMailTo: 'To {to}',
  acMailSent: 'sent',
  acMailError: 'error: {error}',
  acMailNotSent: 'not sent',
};
