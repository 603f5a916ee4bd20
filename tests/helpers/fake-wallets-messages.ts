import { createHmac } from 'node:crypto';

/**
 * The fake gateways' test credentials and the signed messages they send back to us (notification and
 * return parameters), built with their own code, independent of app/payments/providers.
 */
export const WALLET_KEYS = {
  vnpay: { tmnCode: 'CHOPHIEN', hashSecret: 'vnpay-test-hash-secret-0123456789' },
  momo: {
    partnerCode: 'MOMOCHOPHIEN',
    accessKey: 'momo-test-access',
    secretKey: 'momo-test-secret-key-0123456789',
  },
  zalopay: {
    appId: '2553',
    key1: 'zalopay-test-key1-0123456789ab',
    key2: 'zalopay-test-key2-0123456789ab',
  },
};

export const hmac = (algorithm: 'sha256' | 'sha512', key: string, data: string) =>
  createHmac(algorithm, key).update(data, 'utf8').digest('hex');

export interface WalletAttempt {
  provider: 'vnpay' | 'momo' | 'zalopay';
  /** vnp_TxnRef, MoMo orderId, ZaloPay app_trans_id. */
  orderId: string;
  amount: number;
  returnUrl: string;
  notifyUrl: string;
  /** VNPay: the payment's vnp_CreateDate, which querydr must send back as vnp_TransactionDate. */
  createDate?: string;
}

// VNPay: sorted vnp_ params, form-encoded, HMAC-SHA512 (the IPN is a GET to the URL set in VNPay's portal).
export const vnpayQuery = (params: Record<string, string>) => {
  const sorted = Object.keys(params)
    .filter((k) => params[k] !== '')
    .sort()
    .map((k) => `${encodeForm(k)}=${encodeForm(params[k]!)}`)
    .join('&');
  return `${sorted}&vnp_SecureHash=${hmac('sha512', WALLET_KEYS.vnpay.hashSecret, sorted)}`;
};
export const vnpayResult = (attempt: WalletAttempt, o: NotificationOptions, transId: string) =>
  vnpayQuery({
    vnp_Amount: String((o.amount ?? attempt.amount) * 100),
    vnp_BankCode: 'NCB',
    vnp_BankTranNo: `VNP${transId}`,
    vnp_CardType: 'ATM',
    vnp_OrderInfo: `Thanh toan don hang ${attempt.orderId}`,
    vnp_PayDate: '20261202130000',
    vnp_ResponseCode: o.failed ? '24' : '00',
    vnp_TmnCode: WALLET_KEYS.vnpay.tmnCode,
    vnp_TransactionNo: transId,
    vnp_TransactionStatus: o.failed ? '02' : '00',
    vnp_TxnRef: attempt.orderId,
  });

// MoMo: the documented field order of the result signature.
export const momoResult = (attempt: WalletAttempt, o: NotificationOptions, transId: string) => {
  const { accessKey, secretKey, partnerCode } = WALLET_KEYS.momo;
  const fields = {
    partnerCode,
    orderId: attempt.orderId,
    requestId: attempt.orderId,
    amount: o.amount ?? attempt.amount,
    orderInfo: 'Cho Phien',
    orderType: 'momo_wallet',
    transId: Number(transId),
    resultCode: o.failed ? 1006 : 0,
    message: o.failed ? 'Transaction denied by user.' : 'Successful.',
    payType: 'qr',
    responseTime: 1764680400000,
    extraData: '',
  };
  const raw = `accessKey=${accessKey}&amount=${fields.amount}&extraData=${fields.extraData}&message=${fields.message}&orderId=${fields.orderId}&orderInfo=${fields.orderInfo}&orderType=${fields.orderType}&partnerCode=${partnerCode}&payType=${fields.payType}&requestId=${fields.requestId}&responseTime=${fields.responseTime}&resultCode=${fields.resultCode}&transId=${fields.transId}`;
  return { ...fields, signature: hmac('sha256', secretKey, raw) };
};

// ZaloPay: `data` is a JSON string, mac = HMAC-SHA256(key2, data).
export const zalopayCallback = (
  attempt: WalletAttempt,
  o: NotificationOptions,
  transId: string,
) => {
  const data = JSON.stringify({
    app_id: Number(WALLET_KEYS.zalopay.appId),
    app_trans_id: attempt.orderId,
    app_time: 1764680400000,
    app_user: 'cho-phien',
    amount: o.amount ?? attempt.amount,
    embed_data: '{}',
    item: '[]',
    zp_trans_id: Number(transId),
    server_time: 1764680460000,
    channel: 38,
    merchant_user_id: '',
    user_fee_amount: 0,
    discount_amount: 0,
  });
  return { data, mac: hmac('sha256', WALLET_KEYS.zalopay.key2, data), type: 1 };
};

export interface NotificationOptions {
  amount?: number;
  transactionId?: string;
  failed?: boolean;
}

/** application/x-www-form-urlencoded, as Java's URLEncoder (VNPay's reference) writes it. */
function encodeForm(value: string): string {
  return encodeURIComponent(value)
    .replace(/%20/g, '+')
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The fields of a VNPay merchant API request (querydr or refund) its hash covers, in order. */
export function vnpayRequestFields(command: string | undefined): string[] {
  return command === 'refund'
    ? [
        'vnp_RequestId',
        'vnp_Version',
        'vnp_Command',
        'vnp_TmnCode',
        'vnp_TransactionType',
        'vnp_TxnRef',
        'vnp_Amount',
        'vnp_TransactionNo',
        'vnp_TransactionDate',
        'vnp_CreateBy',
        'vnp_CreateDate',
        'vnp_IpAddr',
        'vnp_OrderInfo',
      ]
    : [
        'vnp_RequestId',
        'vnp_Version',
        'vnp_Command',
        'vnp_TmnCode',
        'vnp_TxnRef',
        'vnp_TransactionDate',
        'vnp_CreateDate',
        'vnp_IpAddr',
        'vnp_OrderInfo',
      ];
}

/** VNPay's signed answer to a refund (or an unverified query). */
export function vnpayTransactionReply(
  b: Record<string, string>,
  ok: boolean,
  id: number,
): Record<string, string> {
  const reply: Record<string, string> = {
    vnp_ResponseId: `R${id}`,
    vnp_Command: b.vnp_Command ?? '',
    vnp_ResponseCode: ok ? '00' : '97',
    vnp_Message: ok ? 'Success' : 'Invalid checksum',
    vnp_TmnCode: WALLET_KEYS.vnpay.tmnCode,
    vnp_TxnRef: b.vnp_TxnRef ?? '',
    vnp_Amount: b.vnp_Amount ?? '0',
    vnp_BankCode: 'NCB',
    vnp_PayDate: b.vnp_TransactionDate ?? '',
    vnp_TransactionNo: b.vnp_TransactionNo ?? '',
    vnp_TransactionType: b.vnp_TransactionType ?? '01',
    vnp_TransactionStatus: b.vnp_Command === 'refund' ? '05' : '00',
    vnp_OrderInfo: b.vnp_OrderInfo ?? '',
    vnp_PromotionCode: '',
    vnp_PromotionAmount: '',
  };
  const replyFields = [
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
    ...(b.vnp_Command === 'refund' ? [] : ['vnp_PromotionCode', 'vnp_PromotionAmount']),
  ];
  reply.vnp_SecureHash = hmac(
    'sha512',
    WALLET_KEYS.vnpay.hashSecret,
    replyFields.map((f) => reply[f] ?? '').join('|'),
  );
  return reply;
}
