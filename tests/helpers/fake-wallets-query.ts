import { createHmac } from 'node:crypto';

// The query APIs of the fake gateways (tests/helpers/fake-wallets.ts): VNPay querydr (signed answer),
// MoMo /v2/gateway/api/query and ZaloPay /v2/query (answers not signed), in their documented shapes,
// from what each gateway knows was paid. `fault.mode` 'forge' makes the answer one not to trust.

interface Attempt {
  provider: 'vnpay' | 'momo' | 'zalopay';
  orderId: string;
  amount: number;
  createDate?: string;
}

export interface QueryState {
  keys: { vnpayTmnCode: string; vnpayHashSecret: string; momoPartnerCode: string };
  attempts: Attempt[];
  /** What each gateway knows was paid, by order id. */
  paidAtGateway: Map<string, { amount: number }>;
  fault: { mode: 'forge' | 'down' | null };
  transIdOf(attempt: Attempt): string;
  nextId(): number;
}

const hmac = (key: string, data: string) =>
  createHmac('sha512', key).update(data, 'utf8').digest('hex');

/** VNPay's querydr answer for what it knows of vnp_TxnRef, signed as documented (pipe-joined). */
export function vnpayQueryReply(b: Record<string, string>, state: QueryState) {
  const known = state.attempts.find((a) => a.provider === 'vnpay' && a.orderId === b.vnp_TxnRef);
  // VNPay finds the payment by vnp_TxnRef and vnp_TransactionDate (the payment's vnp_CreateDate).
  const found = known && known.createDate === b.vnp_TransactionDate ? known : null;
  const paid = found ? state.paidAtGateway.get(found.orderId) : undefined;
  const reply: Record<string, string> = {
    vnp_ResponseId: `R${state.nextId()}`,
    vnp_Command: 'querydr',
    vnp_ResponseCode: found ? '00' : '91',
    vnp_Message: found ? 'QueryDR Success' : 'Transaction not found',
    vnp_TmnCode: state.keys.vnpayTmnCode,
    vnp_TxnRef: b.vnp_TxnRef ?? '',
    vnp_Amount: found ? String((paid?.amount ?? found.amount) * 100) : '',
    vnp_BankCode: found ? 'NCB' : '',
    vnp_PayDate: paid ? '20261202130000' : '',
    vnp_TransactionNo: paid && found ? state.transIdOf(found) : '',
    vnp_TransactionType: found ? '01' : '',
    vnp_TransactionStatus: !found ? '' : paid ? '00' : '01',
    vnp_OrderInfo: found ? `Thanh toan don hang ${found.orderId}` : '',
    vnp_PromotionCode: '',
    vnp_PromotionAmount: '',
  };
  const fields = [
    'vnp_ResponseId',
    'vnp_Command',
    'vnp_ResponseCode',
    'vnp_Message',
    'vnp_TmnCode',
    'vnp_TxnRef',
    'vnp_Amount',
    'vnp_BankCode',
    'vnp_PayDate',
    'vnp_TransactionNo',
    'vnp_TransactionType',
    'vnp_TransactionStatus',
    'vnp_OrderInfo',
    'vnp_PromotionCode',
    'vnp_PromotionAmount',
  ];
  reply.vnp_SecureHash = hmac(
    state.keys.vnpayHashSecret,
    fields.map((f) => reply[f] ?? '').join('|'),
  );
  // A forged answer: the amount changed after signing.
  if (state.fault.mode === 'forge' && reply.vnp_Amount)
    reply.vnp_Amount = String(Number(reply.vnp_Amount) * 10);
  return reply;
}

/** MoMo's transaction status answer: 0 paid, 1000 initiated (waiting for the user), 42 unknown order. */
export function momoQueryReply(b: Record<string, string | number>, state: QueryState) {
  const partnerCode = state.keys.momoPartnerCode;
  const known = state.attempts.find((a) => a.provider === 'momo' && a.orderId === b.orderId);
  const paid = state.paidAtGateway.get(String(b.orderId));
  return {
    partnerCode,
    // A forged answer: about another order than the one asked for.
    orderId: state.fault.mode === 'forge' ? `${b.orderId}X` : b.orderId,
    requestId: b.requestId,
    extraData: '',
    amount: paid ? paid.amount : (known?.amount ?? 0),
    transId: paid && known ? Number(state.transIdOf(known)) : 0,
    payType: paid ? 'qr' : '',
    resultCode: paid ? 0 : known ? 1000 : 42,
    message: paid
      ? 'Thành công.'
      : known
        ? 'Giao dịch đã được khởi tạo, chờ người dùng xác nhận thanh toán.'
        : 'Yêu cầu bị từ chối vì orderId không tồn tại.',
    refundTrans: [],
    responseTime: Date.now(),
    lastUpdated: Date.now(),
  };
}

/** ZaloPay's query answer: 1 paid, 3 pending (is_processing), 2 failed or unknown. */
export function zalopayQueryReply(b: Record<string, string>, state: QueryState) {
  const known = state.attempts.find(
    (a) => a.provider === 'zalopay' && a.orderId === b.app_trans_id,
  );
  const paid = state.paidAtGateway.get(b.app_trans_id ?? '');
  if (state.fault.mode === 'forge')
    // "Paid" without a transaction id or amount: not an answer to act on.
    return {
      return_code: 1,
      return_message: 'Giao dịch thành công',
      zp_trans_id: 0,
    };
  if (paid && known)
    return {
      return_code: 1,
      return_message: 'Giao dịch thành công',
      sub_return_code: 1,
      sub_return_message: 'Giao dịch thành công',
      is_processing: false,
      amount: paid.amount,
      discount_amount: 0,
      zp_trans_id: Number(state.transIdOf(known)),
      server_time: Date.now(),
    };
  return {
    return_code: known ? 3 : 2,
    return_message: known ? 'Giao dịch chưa thanh toán' : 'Giao dịch không tồn tại',
    sub_return_code: known ? -54 : -92,
    sub_return_message: known ? 'Đơn hàng chưa được thanh toán' : 'Không tìm thấy giao dịch',
    is_processing: !!known,
    amount: 0,
    discount_amount: 0,
    zp_trans_id: 0,
  };
}
