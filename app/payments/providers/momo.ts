import { GatewayAnswerForged, hmacHex, postJson, sameHex } from './hmac';

// MoMo payment gateway, All-In-One v2 (https://developers.momo.vn/v3/docs/payment/api/wallet/onetime,
// https://developers.momo.vn/v3/docs/payment/api/payment-api/refund). Every signature is HMAC-SHA256
// with the secret key over `key=value` pairs joined by `&`, in the order each API documents (names a–z).

export interface MomoConfig {
  partnerCode: string;
  accessKey: string;
  secretKey: string;
  /** e.g. https://test-payment.momo.vn */
  endpoint: string;
}

type Pairs = Array<[string, string | number]>;
const raw = (pairs: Pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&');

/** The raw signature of the create request (captureWallet), in MoMo's documented field order. */
export function momoCreateSignatureData(config: MomoConfig, request: MomoCreateRequest): string {
  return raw([
    ['accessKey', config.accessKey],
    ['amount', request.amount],
    ['extraData', request.extraData],
    ['ipnUrl', request.ipnUrl],
    ['orderId', request.orderId],
    ['orderInfo', request.orderInfo],
    ['partnerCode', config.partnerCode],
    ['redirectUrl', request.redirectUrl],
    ['requestId', request.requestId],
    ['requestType', request.requestType],
  ]);
}

export interface MomoCreateRequest {
  requestId: string;
  orderId: string;
  amount: number;
  orderInfo: string;
  redirectUrl: string;
  ipnUrl: string;
  requestType: 'captureWallet';
  extraData: string;
}

/** Creates the payment and returns MoMo's payment page; throws unless resultCode is 0. */
export async function momoCreate(config: MomoConfig, request: MomoCreateRequest): Promise<string> {
  const signature = hmacHex('sha256', config.secretKey, momoCreateSignatureData(config, request));
  const reply = await postJson(`${config.endpoint}/v2/gateway/api/create`, {
    partnerCode: config.partnerCode,
    ...request,
    lang: 'vi',
    signature,
  });
  if (reply.resultCode !== 0 || typeof reply.payUrl !== 'string')
    throw new Error(
      `MoMo refused the payment: ${String(reply.resultCode)} ${String(reply.message)}`,
    );
  return reply.payUrl;
}

/** The fields of a payment result (IPN body or redirect query), as MoMo signs them. */
const RESULT_FIELDS = [
  'accessKey',
  'amount',
  'extraData',
  'message',
  'orderId',
  'orderInfo',
  'orderType',
  'partnerCode',
  'payType',
  'requestId',
  'responseTime',
  'resultCode',
  'transId',
] as const;

export function momoResultSignatureData(
  accessKey: string,
  fields: Record<string, unknown>,
): string {
  return raw(
    RESULT_FIELDS.map((name) => [name, name === 'accessKey' ? accessKey : valueText(fields[name])]),
  );
}

function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

export interface MomoResult {
  partnerCode: string;
  orderId: string;
  transId: string;
  amountVnd: number;
  amountValid: boolean;
  resultCode: number;
  paid: boolean;
  responseTime: string;
}

/** Checks an IPN body (JSON) or redirect query (as an object) against its signature. */
export function verifyMomoResult(
  config: MomoConfig,
  fields: Record<string, unknown>,
): MomoResult | null {
  const expected = hmacHex(
    'sha256',
    config.secretKey,
    momoResultSignatureData(config.accessKey, fields),
  );
  if (!sameHex(expected, valueText(fields.signature))) return null;
  const amount = valueText(fields.amount);
  const amountValid = /^\d{1,15}$/.test(amount);
  const resultCode = Number(valueText(fields.resultCode));
  return {
    partnerCode: valueText(fields.partnerCode),
    orderId: valueText(fields.orderId),
    transId: valueText(fields.transId),
    amountVnd: amountValid ? Number(amount) : 0,
    amountValid,
    resultCode,
    // 0: paid; 9000: authorised, captured at once for captureWallet.
    paid: resultCode === 0 || resultCode === 9000,
    responseTime: valueText(fields.responseTime),
  };
}

/** Full or partial refund of a MoMo transaction; throws unless resultCode is 0. */
export async function momoRefund(
  config: MomoConfig,
  call: {
    requestId: string;
    orderId: string;
    amountVnd: number;
    transId: string;
    description: string;
  },
): Promise<{ refundId: string }> {
  const data = raw([
    ['accessKey', config.accessKey],
    ['amount', call.amountVnd],
    ['description', call.description],
    ['orderId', call.orderId],
    ['partnerCode', config.partnerCode],
    ['requestId', call.requestId],
    ['transId', call.transId],
  ]);
  const reply = await postJson(`${config.endpoint}/v2/gateway/api/refund`, {
    partnerCode: config.partnerCode,
    orderId: call.orderId,
    requestId: call.requestId,
    amount: call.amountVnd,
    transId: Number(call.transId),
    lang: 'vi',
    description: call.description,
    signature: hmacHex('sha256', config.secretKey, data),
  });
  if (reply.resultCode !== 0)
    throw new Error(
      `MoMo refused the refund: ${String(reply.resultCode)} ${String(reply.message)}`,
    );
  return { refundId: `momo:${valueText(reply.transId) || call.requestId}` };
}

/**
 * What MoMo knows of a payment (transaction status query). MoMo does not sign this answer; the
 * request is signed and the answer must be about our partner code and this order id.
 */
export async function momoQuery(
  config: MomoConfig,
  call: { requestId: string; orderId: string },
): Promise<{ resultCode: number; amountVnd: number; transId: string; responseTime: string }> {
  const data = raw([
    ['accessKey', config.accessKey],
    ['orderId', call.orderId],
    ['partnerCode', config.partnerCode],
    ['requestId', call.requestId],
  ]);
  const reply = await postJson(`${config.endpoint}/v2/gateway/api/query`, {
    partnerCode: config.partnerCode,
    requestId: call.requestId,
    orderId: call.orderId,
    lang: 'vi',
    signature: hmacHex('sha256', config.secretKey, data),
  });
  if (
    valueText(reply.partnerCode) !== config.partnerCode ||
    valueText(reply.orderId) !== call.orderId
  )
    throw new GatewayAnswerForged('MoMo query answer is about another payment');
  return {
    resultCode: Number(reply.resultCode),
    amountVnd: Number(reply.amount ?? 0),
    transId: valueText(reply.transId),
    responseTime: valueText(reply.responseTime),
  };
}
