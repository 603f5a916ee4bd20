// "Hỏi cổng thanh toán / Check with the gateway" on the operator's payments page (VNPay, MoMo,
// ZaloPay); merged into app/i18n/vi.ts and en.ts.
export const viGatewayQuery = {
  gqHeading: 'Hỏi cổng thanh toán ({n})',
  gqHint:
    'Khi cổng thanh toán không gửi được xác nhận, hỏi thẳng cổng về lần thanh toán gần nhất của đơn. Khoản tiền cổng báo đã trả được ghi nhận đúng một lần.',
  gqAsk: 'Hỏi cổng thanh toán',
  gqReference: 'Mã thanh toán (TT…)',
  gqOtherHeading: 'Hỏi về một đơn khác (đã hết hạn, đã trả…)',
  gqRecorded: '{gateway} báo đã thanh toán. Đã ghi nhận: {what}',
  gqState_pending:
    '{gateway} báo giao dịch đang chờ xử lý, chưa thanh toán (mã {code}). Chưa ghi nhận gì.',
  gqState_failed: '{gateway} báo giao dịch không thành công (mã {code}). Chưa ghi nhận gì.',
  gqState_not_found: '{gateway} không tìm thấy giao dịch này (mã {code}). Chưa ghi nhận gì.',
};

export const enGatewayQuery: typeof viGatewayQuery = {
  gqHeading: 'Check with the gateway ({n})',
  gqHint:
    "When a gateway's confirmation never arrived, ask the gateway about the checkout's latest payment. Money the gateway reports as paid is recorded exactly once.",
  gqAsk: 'Check with the gateway',
  gqReference: 'Payment reference (TT…)',
  gqOtherHeading: 'Ask about another checkout (expired, paid…)',
  gqRecorded: '{gateway} reports it paid. Recorded: {what}',
  gqState_pending:
    '{gateway} reports the payment as pending, not paid (code {code}). Nothing was recorded.',
  gqState_failed:
    '{gateway} reports the payment as not successful (code {code}). Nothing was recorded.',
  gqState_not_found: '{gateway} does not know this payment (code {code}). Nothing was recorded.',
};
