import { defineMessages } from '../messages';

/** The operator asking VNPay, MoMo or ZaloPay about a payment whose notification never came. */
export const gatewayQueryMessages = defineMessages('gatewayQuery', {
  referenceInvalid: {
    vi: 'Mã thanh toán phải có dạng TT và 8 ký tự (ví dụ TT1A2B3C4D).',
    en: 'The payment reference looks like TT and 8 characters (e.g. TT1A2B3C4D).',
  },
  checkoutNotFound: {
    vi: 'Không có đơn thanh toán nào với mã này.',
    en: 'There is no checkout with this reference.',
  },
  notGateway: {
    vi: 'Đơn này không thanh toán qua VNPay, MoMo hay ZaloPay đang bật, nên không hỏi cổng được.',
    en: 'This checkout is not paid through an enabled VNPay, MoMo or ZaloPay gateway, so there is no gateway to ask.',
  },
  neverSent: {
    vi: 'Người mua chưa sang cổng thanh toán lần nào: không có giao dịch để hỏi.',
    en: 'The buyer never went to the gateway: there is no payment to ask about.',
  },
  unreachable: {
    vi: 'Không liên lạc được với {gateway} ({reason}). Chưa có gì thay đổi; hãy thử lại sau.',
    en: 'Could not reach {gateway} ({reason}). Nothing was changed; try again later.',
  },
  forged: {
    vi: 'Câu trả lời của {gateway} không kiểm tra được (sai chữ ký hoặc không đúng giao dịch). Chưa ghi nhận gì.',
    en: "{gateway}'s answer did not verify (bad signature or another payment). Nothing was recorded.",
  },
});
