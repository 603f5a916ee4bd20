import { defineMessages } from '../messages';

/** Payments: bank transfers (VietQR and the bank's webhook), Stripe cards, refunds, the operator's page. */
export const paymentsMessages = defineMessages('payments', {
  // The bank's notification (answered to the bank in English; Vietnamese for the log reader).
  bodyNotJson: { vi: 'Nội dung không phải JSON hợp lệ.', en: 'The body is not valid JSON.' },
  bankFieldsInvalid: {
    vi: 'Thông báo ngân hàng thiếu hoặc sai trường: {fields}.',
    en: 'The bank notification has missing or invalid fields: {fields}.',
  },
  stripeSignatureInvalid: {
    vi: 'Chữ ký webhook Stripe không hợp lệ.',
    en: 'The Stripe webhook signature is not valid.',
  },

  // VietQR payloads.
  bankBinFormat: {
    vi: 'Mã BIN ngân hàng phải gồm đúng 6 chữ số.',
    en: 'The bank BIN must be exactly 6 digits.',
  },
  accountNumberFormat: {
    vi: 'Số tài khoản phải gồm 1–19 chữ cái hoặc chữ số, không dấu cách.',
    en: 'The account number must be 1–19 letters or digits, without spaces.',
  },
  amountPositive: {
    vi: 'Số tiền phải là số đồng nguyên dương.',
    en: 'The amount must be a positive whole number of đồng.',
  },
  memoTooLong: {
    vi: 'Nội dung chuyển khoản tối đa {max} ký tự.',
    en: 'The transfer message may have at most {max} characters.',
  },
  memoCharacters: {
    vi: 'Nội dung chuyển khoản chỉ được có chữ, số, dấu cách và . , - _ / : + ( ).',
    en: 'The transfer message may only contain letters, digits, spaces and . , - _ / : + ( ).',
  },
  qrInvalid: {
    vi: 'Mã QR thanh toán không hợp lệ: {reason}',
    en: 'Invalid payment QR code: {reason}',
  },

  // The buyer's checkout page.
  notAwaitingCard: {
    vi: 'Đơn này không chờ thanh toán thẻ.',
    en: 'This checkout is not awaiting a card payment.',
  },

  // Refunds.
  refundReasonRequired: {
    vi: 'Cần ghi lý do hoàn tiền.',
    en: 'Please give a reason for the refund.',
  },
  nothingToRefund: {
    vi: 'Đơn hàng chưa được thanh toán nên không có gì để hoàn.',
    en: 'The order was never paid, so there is nothing to refund.',
  },
  cardRefundUnavailable: {
    vi: 'Chưa cấu hình Stripe nên không hoàn tiền thẻ được từ đây.',
    en: 'Stripe is not configured, so card refunds cannot be made from here.',
  },
  orderCodeInvalid: { vi: 'Mã đơn không đúng.', en: 'That order code is not valid.' },
  orderCodeUnknown: { vi: 'Không có đơn với mã này.', en: 'No order has this code.' },

  // The operator's payments page.
  receivedAmount: {
    vi: 'Nhập số tiền đã nhận, ví dụ 250.000.',
    en: 'Enter the amount received, e.g. 250,000.',
  },
  transactionIdLength: {
    vi: 'Nhập mã giao dịch ngân hàng (3–100 ký tự).',
    en: 'Enter the bank transaction id (3–100 characters).',
  },
  resolutionNote: {
    vi: 'Ghi lại đã xử lý thế nào (ít nhất 3 ký tự).',
    en: 'Say how it was handled (at least 3 characters).',
  },
  unknownAction: { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' },
  refundedInStripe: { vi: 'Hoàn tiền trên Stripe', en: 'Refunded in Stripe' },
  markedByOperator: {
    vi: 'Đánh dấu bởi quản trị viên #{id}',
    en: 'Marked by operator #{id}',
  },
});
