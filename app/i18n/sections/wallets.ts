// VNPay, MoMo and ZaloPay: the checkout's choices, the return from a gateway, the demo banner and the
// operator's payments by method; merged into app/i18n/vi.ts and en.ts.
export const viWallets = {
  orPayMethod_vnpay: 'VNPay (thẻ ATM, ứng dụng ngân hàng, VNPAY-QR)',
  orPayMethodHint_vnpay: 'Chuyển sang cổng VNPay để thanh toán.',
  orPayMethod_momo: 'Ví MoMo',
  orPayMethodHint_momo: 'Mở ứng dụng MoMo hoặc quét mã để thanh toán.',
  orPayMethod_zalopay: 'Ví ZaloPay',
  orPayMethodHint_zalopay: 'Thanh toán bằng ZaloPay.',
  toMethodVnpay: 'VNPay',
  toMethodMomo: 'Ví MoMo',
  toMethodZalopay: 'Ví ZaloPay',
  orPayMethodsOff: 'Chưa bật trên trang này',
  orPayMethodOffHint: 'Đặt {keys} để bật.',

  waPayWith: 'Thanh toán {amount} qua {method}',
  waReturnedPaid:
    'Cổng thanh toán báo giao dịch thành công. Trang sẽ cập nhật ngay khi chúng tôi nhận được xác nhận.',
  waReturnedFailed: 'Giao dịch chưa thành công hoặc đã bị huỷ. Bạn có thể thử lại.',
  waReturnedForged:
    'Không kiểm tra được kết quả từ cổng thanh toán; trạng thái dưới đây là của chúng tôi.',
  waDemoBanner:
    'Bản demo: tài khoản nhận tiền là tài khoản thử nghiệm, đừng chuyển tiền thật. Người vận hành đánh dấu “đã nhận” ở trang Thanh toán.',

  waByMethodHeading: 'Thanh toán theo phương thức',
  waMethod: 'Phương thức',
  waReceivedCount: 'Số giao dịch',
  waReceivedVnd: 'Đã nhận',
  waHeldCount: 'Đang giữ',
  waHeldReason: 'Lý do giữ',
  waExportHeading: 'Đối soát (CSV)',
  waExportHint: 'Mọi thông báo thanh toán của một phương thức trong một ngày (giờ Việt Nam).',
  waExportDay: 'Ngày',
  waExportAll: 'Tất cả phương thức',
  waExportButton: 'Tải CSV',
  waConfiguredHeading: 'Cổng thanh toán',
  waConfiguredOn: 'Đang bật',
  waConfiguredOff: 'Chưa bật — đặt {keys}',
};

export const enWallets: typeof viWallets = {
  orPayMethod_vnpay: 'VNPay (ATM card, banking app, VNPAY-QR)',
  orPayMethodHint_vnpay: 'You go on to the VNPay gateway to pay.',
  orPayMethod_momo: 'MoMo wallet',
  orPayMethodHint_momo: 'Open the MoMo app or scan its code to pay.',
  orPayMethod_zalopay: 'ZaloPay wallet',
  orPayMethodHint_zalopay: 'Pay with ZaloPay.',
  toMethodVnpay: 'VNPay',
  toMethodMomo: 'MoMo wallet',
  toMethodZalopay: 'ZaloPay wallet',
  orPayMethodsOff: 'Not turned on here',
  orPayMethodOffHint: 'Set {keys} to turn it on.',

  waPayWith: 'Pay {amount} with {method}',
  waReturnedPaid:
    'The gateway reports the payment as successful. This page updates as soon as we receive its confirmation.',
  waReturnedFailed: 'The payment did not go through or was cancelled. You can try again.',
  waReturnedForged: 'The result from the gateway could not be verified; the status below is ours.',
  waDemoBanner:
    'Demo: the receiving account is a test account, do not send real money. The operator marks it “received” on the Payments page.',

  waByMethodHeading: 'Payments by method',
  waMethod: 'Method',
  waReceivedCount: 'Transactions',
  waReceivedVnd: 'Received',
  waHeldCount: 'Held',
  waHeldReason: 'Why held',
  waExportHeading: 'Reconciliation (CSV)',
  waExportHint: 'Every payment notification of one method on one day (Vietnam time).',
  waExportDay: 'Day',
  waExportAll: 'All methods',
  waExportButton: 'Download CSV',
  waConfiguredHeading: 'Payment gateways',
  waConfiguredOn: 'On',
  waConfiguredOff: 'Off — set {keys}',
};
