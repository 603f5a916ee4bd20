import { defineMessages } from '../messages';

/** VNPay, MoMo and ZaloPay: refunds and the operator's reconciliation export. */
export const walletsMessages = defineMessages('wallets', {
  gatewayRefundUnavailable: {
    vi: 'Cổng thanh toán này chưa được cấu hình hoặc không có mã giao dịch, nên không hoàn tiền được từ đây.',
    en: 'This payment gateway is not configured or the payment has no transaction id, so it cannot be refunded from here.',
  },
  gatewayRefundFailed: {
    vi: 'Cổng thanh toán từ chối hoàn tiền: {reason}. Chưa có gì thay đổi.',
    en: 'The payment gateway refused the refund: {reason}. Nothing was changed.',
  },
  exportDayInvalid: {
    vi: 'Ngày đối soát phải có dạng YYYY-MM-DD.',
    en: 'The reconciliation day must look like YYYY-MM-DD.',
  },
  exportMethodInvalid: {
    vi: 'Phương thức thanh toán không hợp lệ.',
    en: 'Unknown payment method.',
  },
});
