import { GatewayAnswerForged, hmacHex, sameHex, vietnamTimestamp } from './hmac';

// ZaloPay gateway API v2 (https://docs.zalopay.vn/v2/general/overview.html: create order, callback,
// query, refund). The order's mac is HMAC-SHA256 with key1 over
// app_id|app_trans_id|app_user|amount|app_time|embed_data|item; the callback's mac is HMAC-SHA256 with
// key2 over the callback's `data` string exactly as received.

export interface ZalopayConfig {
  appId: string;
  key1: string;
  key2: string;
  /** e.g. https://sb-openapi.zalopay.vn */
  endpoint: string;
}

export interface ZalopayOrder {
  app_id: string;
  app_trans_id: string;
  app_user: string;
  amount: number;
  app_time: number;
  embed_data: string;
  item: string;
}

export function zalopayOrderMacData(order: ZalopayOrder): string {
  return [
    order.app_id,
    order.app_trans_id,
    order.app_user,
    order.amount,
    order.app_time,
    order.embed_data,
    order.item,
  ].join('|');
}

/** app_trans_id must start with the date in Vietnam (yymmdd) and be at most 40 characters. */
export function zalopayTransId(attempt: string, at: Date): string {
  return `${vietnamTimestamp(at).slice(2, 8)}_${attempt}`.slice(0, 40);
}

async function postForm(url: string, fields: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`${url} answered ${response.status} without JSON`);
  }
}

/** Creates the order and returns ZaloPay's payment page; throws unless return_code is 1. */
export async function zalopayCreate(
  config: ZalopayConfig,
  input: {
    appTransId: string;
    amountVnd: number;
    now: Date;
    description: string;
    redirectUrl: string;
    callbackUrl: string;
    expireSeconds: number;
  },
): Promise<string> {
  const order: ZalopayOrder = {
    app_id: config.appId,
    app_trans_id: input.appTransId,
    app_user: 'cho-phien',
    amount: input.amountVnd,
    app_time: input.now.getTime(),
    embed_data: JSON.stringify({ redirecturl: input.redirectUrl }),
    item: '[]',
  };
  const reply = await postForm(`${config.endpoint}/v2/create`, {
    ...Object.fromEntries(Object.entries(order).map(([k, v]) => [k, String(v)])),
    description: input.description,
    bank_code: '',
    callback_url: input.callbackUrl,
    expire_duration_seconds: String(input.expireSeconds),
    mac: hmacHex('sha256', config.key1, zalopayOrderMacData(order)),
  });
  if (reply.return_code !== 1 || typeof reply.order_url !== 'string')
    throw new Error(
      `ZaloPay refused the order: ${String(reply.return_code)} ${String(reply.return_message)}`,
    );
  return reply.order_url;
}

export interface ZalopayResult {
  appId: string;
  appTransId: string;
  zpTransId: string;
  amountVnd: number;
  amountValid: boolean;
  serverTime: number;
}

/** Verifies a callback `{ data, mac, type }`: the mac is over `data` as received, with key2. */
export function verifyZalopayCallback(
  config: ZalopayConfig,
  body: Record<string, unknown>,
): ZalopayResult | null {
  if (typeof body.data !== 'string') return null;
  const mac = typeof body.mac === 'string' ? body.mac : '';
  if (!sameHex(hmacHex('sha256', config.key2, body.data), mac)) return null;
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(body.data) as Record<string, unknown>;
  } catch {
    return null;
  }
  const amount = data.amount;
  const amountValid = typeof amount === 'number' && Number.isSafeInteger(amount) && amount > 0;
  return {
    appId: String(data.app_id ?? ''),
    appTransId: String(data.app_trans_id ?? ''),
    zpTransId: String(data.zp_trans_id ?? ''),
    amountVnd: amountValid ? amount : 0,
    amountValid,
    serverTime: Number(data.server_time ?? 0),
  };
}

/**
 * What ZaloPay knows of an order (return_code 1 paid, 2 failed, 3 pending). ZaloPay does not sign
 * this answer; a "paid" one without a transaction id or a whole amount is refused.
 */
export async function zalopayQuery(config: ZalopayConfig, appTransId: string) {
  const reply = await postForm(`${config.endpoint}/v2/query`, {
    app_id: config.appId,
    app_trans_id: appTransId,
    mac: hmacHex('sha256', config.key1, [config.appId, appTransId, config.key1].join('|')),
  });
  const returnCode = Number(reply.return_code);
  const amount = reply.amount;
  const zpTransId = String(reply.zp_trans_id ?? '');
  if (
    returnCode === 1 &&
    (!(typeof amount === 'number' && Number.isSafeInteger(amount) && amount > 0) ||
      !/^[1-9]\d{0,19}$/.test(zpTransId))
  )
    throw new GatewayAnswerForged('ZaloPay query answer says paid without amount or transaction');
  return {
    returnCode,
    amountVnd: typeof amount === 'number' ? amount : 0,
    zpTransId,
    isProcessing: reply.is_processing === true,
    serverTime: String(reply.server_time ?? ''),
  };
}

/** Refunds a ZaloPay payment; throws unless ZaloPay accepts it (1 done, 3 processing). */
export async function zalopayRefund(
  config: ZalopayConfig,
  call: { refundKey: string; zpTransId: string; amountVnd: number; description: string; now: Date },
): Promise<{ refundId: string }> {
  const timestamp = String(call.now.getTime());
  // m_refund_id: yymmdd_appid_xxx, unique per refund; the key makes a retried click the same refund.
  const mRefundId = `${vietnamTimestamp(call.now).slice(2, 8)}_${config.appId}_${call.refundKey}`;
  const reply = await postForm(`${config.endpoint}/v2/refund`, {
    app_id: config.appId,
    m_refund_id: mRefundId,
    zp_trans_id: call.zpTransId,
    amount: String(call.amountVnd),
    timestamp,
    description: call.description,
    mac: hmacHex(
      'sha256',
      config.key1,
      [config.appId, call.zpTransId, call.amountVnd, call.description, timestamp].join('|'),
    ),
  });
  if (reply.return_code !== 1 && reply.return_code !== 3)
    throw new Error(
      `ZaloPay refused the refund: ${String(reply.return_code)} ${String(reply.return_message)}`,
    );
  return { refundId: `zalopay:${String(reply.refund_id ?? mRefundId)}` };
}

/**
 * The buyer's redirect back from ZaloPay: `checksum` is HMAC-SHA256 with key2 over
 * appid|apptransid|pmcid|bankcode|amount|discountamount|status. Null when it does not verify.
 */
export function verifyZalopayRedirect(
  config: ZalopayConfig,
  query: URLSearchParams,
): { paid: boolean } | null {
  const fields = ['appid', 'apptransid', 'pmcid', 'bankcode', 'amount', 'discountamount', 'status'];
  const data = fields.map((name) => query.get(name) ?? '').join('|');
  if (!sameHex(hmacHex('sha256', config.key2, data), query.get('checksum'))) return null;
  return { paid: query.get('status') === '1' };
}
