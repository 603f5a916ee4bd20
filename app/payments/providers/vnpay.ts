import { GatewayAnswerForged, hmacHex, postJson, sameHex, vietnamTimestamp } from './hmac';

// VNPay payment gateway, API version 2.1.0 (https://sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html,
// https://sandbox.vnpayment.vn/apis/docs/truy-van-hoan-tien/querydr&refund.html). Our own module: the
// `vnpay` npm package (2.5.0) was read and not used — its verifySecureHash compares with `===` (not
// constant time), it converts vnp_Amount in place (× 100 / ÷ 100) and ships a file logger; the
// signing itself is a few lines (docs/decisions/014-wallets-and-gateways.md).

export interface VnpayConfig {
  tmnCode: string;
  hashSecret: string;
  /** The payment page, e.g. https://sandbox.vnpayment.vn/paymentv2/vpcpay.html */
  payUrl: string;
  /** querydr and refund, e.g. https://sandbox.vnpayment.vn/merchant_webapi/api/transaction */
  apiUrl: string;
}

/**
 * The text VNPay signs: every vnp_ parameter except the hash itself, sorted by name, each name and
 * value form-encoded (space as `+`, as Java's URLEncoder and the docs' example URL do), joined by `&`.
 * Empty values are left out, as VNPay's own sample code does.
 */
export function vnpaySignData(params: Iterable<[string, string]>): string {
  const kept = [...params].filter(
    ([key, value]) =>
      key.startsWith('vnp_') &&
      key !== 'vnp_SecureHash' &&
      key !== 'vnp_SecureHashType' &&
      value !== '',
  );
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(kept).toString();
}

export function vnpaySign(params: Iterable<[string, string]>, hashSecret: string): string {
  return hmacHex('sha512', hashSecret, vnpaySignData(params));
}

export interface VnpayPaymentInput {
  txnRef: string;
  amountVnd: number;
  orderInfo: string;
  returnUrl: string;
  ipAddr: string;
  now: Date;
  expiresAt: Date;
  locale?: 'vn' | 'en';
}

/** The signed URL that sends the buyer to VNPay's payment page (vnp_Command=pay). */
export function vnpayPaymentUrl(config: VnpayConfig, input: VnpayPaymentInput): string {
  const params: Array<[string, string]> = [
    ['vnp_Version', '2.1.0'],
    ['vnp_Command', 'pay'],
    ['vnp_TmnCode', config.tmnCode],
    // VNPay wants the amount × 100 (no decimal separator).
    ['vnp_Amount', String(input.amountVnd * 100)],
    ['vnp_CreateDate', vietnamTimestamp(input.now)],
    ['vnp_ExpireDate', vietnamTimestamp(input.expiresAt)],
    ['vnp_CurrCode', 'VND'],
    ['vnp_IpAddr', input.ipAddr],
    ['vnp_Locale', input.locale ?? 'vn'],
    ['vnp_OrderInfo', input.orderInfo],
    ['vnp_OrderType', 'other'],
    ['vnp_ReturnUrl', input.returnUrl],
    ['vnp_TxnRef', input.txnRef],
  ];
  const data = vnpaySignData(params);
  return `${config.payUrl}?${data}&vnp_SecureHash=${hmacHex('sha512', config.hashSecret, data)}`;
}

/** A payment result VNPay sent (IPN or return URL), its signature checked on the parameters as received. */
export interface VnpayResult {
  tmnCode: string;
  txnRef: string;
  amountVnd: number;
  /** False when vnp_Amount is not whole đồng × 100. */
  amountValid: boolean;
  responseCode: string;
  transactionStatus: string;
  transactionNo: string;
  payDate: string;
  bankCode: string;
  /** vnp_ResponseCode and vnp_TransactionStatus both 00. */
  paid: boolean;
}

export function verifyVnpayResult(query: URLSearchParams, hashSecret: string): VnpayResult | null {
  const received = query.get('vnp_SecureHash');
  if (!sameHex(vnpaySign(query.entries(), hashSecret), received)) return null;
  const rawAmount = query.get('vnp_Amount') ?? '';
  const amountValid = /^\d{3,15}$/.test(rawAmount) && rawAmount.endsWith('00');
  const responseCode = query.get('vnp_ResponseCode') ?? '';
  const transactionStatus = query.get('vnp_TransactionStatus') ?? '';
  return {
    tmnCode: query.get('vnp_TmnCode') ?? '',
    txnRef: query.get('vnp_TxnRef') ?? '',
    amountVnd: amountValid ? Number(rawAmount) / 100 : 0,
    amountValid,
    responseCode,
    transactionStatus,
    transactionNo: query.get('vnp_TransactionNo') ?? '',
    payDate: query.get('vnp_PayDate') ?? '',
    bankCode: query.get('vnp_BankCode') ?? '',
    paid: responseCode === '00' && transactionStatus === '00',
  };
}

/** The IPN answers VNPay documents (JSON body `{ RspCode, Message }`). */
export const VNPAY_IPN = {
  ok: { RspCode: '00', Message: 'Confirm Success' },
  orderNotFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'invalid amount' },
  invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  unknown: { RspCode: '99', Message: 'Unknow error' },
} as const;

const join = (values: string[]) => values.join('|');

interface ApiCall {
  requestId: string;
  txnRef: string;
  /** vnp_PayDate of the payment, yyyyMMddHHmmss. */
  transactionDate: string;
  ipAddr: string;
  now: Date;
}

/** The fields VNPay's merchant API hashes, in order (querydr and refund requests, their answers). */
const QUERY_FIELDS = [
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
const REFUND_FIELDS = [
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
];
const REPLY_FIELDS = [
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
];

/** One call of VNPay's merchant API: the body signed over `fields`, the answer's hash checked over `replyFields`. */
async function merchantApi(
  config: VnpayConfig,
  body: Record<string, string>,
  fields: string[],
  replyFields: string[],
): Promise<{ get: (key: string) => string; signed: boolean }> {
  const data = join(fields.map((field) => body[field] ?? ''));
  const reply = await postJson(config.apiUrl, {
    ...body,
    vnp_SecureHash: hmacHex('sha512', config.hashSecret, data),
  });
  const get = (key: string) => String(reply[key] ?? '');
  const replyData = join(replyFields.map(get));
  return {
    get,
    signed: sameHex(hmacHex('sha512', config.hashSecret, replyData), get('vnp_SecureHash')),
  };
}

/** querydr: what VNPay knows of a payment. The response's own hash is checked. */
export async function vnpayQuery(config: VnpayConfig, call: ApiCall) {
  const body = {
    vnp_RequestId: call.requestId,
    vnp_Version: '2.1.0',
    vnp_Command: 'querydr',
    vnp_TmnCode: config.tmnCode,
    vnp_TxnRef: call.txnRef,
    vnp_OrderInfo: `Truy van ${call.txnRef}`,
    vnp_TransactionDate: call.transactionDate,
    vnp_CreateDate: vietnamTimestamp(call.now),
    vnp_IpAddr: call.ipAddr,
  };
  const { get: s, signed } = await merchantApi(config, body, QUERY_FIELDS, [
    ...REPLY_FIELDS,
    'vnp_PromotionCode',
    'vnp_PromotionAmount',
  ]);
  if (!signed) throw new GatewayAnswerForged('VNPay querydr answer has a bad signature');
  if (s('vnp_TmnCode') !== config.tmnCode || (s('vnp_TxnRef') && s('vnp_TxnRef') !== call.txnRef))
    throw new GatewayAnswerForged('VNPay querydr answer is about another payment');
  return {
    responseCode: s('vnp_ResponseCode'),
    transactionStatus: s('vnp_TransactionStatus'),
    amountVnd: Number(s('vnp_Amount')) / 100,
    transactionNo: s('vnp_TransactionNo'),
    payDate: s('vnp_PayDate'),
  };
}

/** Refund of a VNPay payment (type 02 full, 03 partial); throws unless VNPay answers 00. */
export async function vnpayRefund(
  config: VnpayConfig,
  call: ApiCall & { amountVnd: number; transactionNo: string; createdBy: string; partial: boolean },
): Promise<{ refundId: string }> {
  const body = {
    vnp_RequestId: call.requestId,
    vnp_Version: '2.1.0',
    vnp_Command: 'refund',
    vnp_TmnCode: config.tmnCode,
    vnp_TransactionType: call.partial ? '03' : '02',
    vnp_TxnRef: call.txnRef,
    vnp_Amount: String(call.amountVnd * 100),
    vnp_TransactionNo: call.transactionNo,
    vnp_TransactionDate: call.transactionDate,
    vnp_CreateBy: call.createdBy,
    vnp_CreateDate: vietnamTimestamp(call.now),
    vnp_IpAddr: call.ipAddr,
    vnp_OrderInfo: `Hoan tien ${call.txnRef}`,
  };
  const { get: s, signed } = await merchantApi(config, body, REFUND_FIELDS, REPLY_FIELDS);
  if (!signed) throw new Error('VNPay refund answer has a bad signature');
  if (s('vnp_ResponseCode') !== '00')
    throw new Error(`VNPay refused the refund: ${s('vnp_ResponseCode')} ${s('vnp_Message')}`);
  return { refundId: `vnpay:${s('vnp_ResponseId') || call.requestId}` };
}
