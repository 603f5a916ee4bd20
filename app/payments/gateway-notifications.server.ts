import type { DB } from '~db/connection.server';
import type { GatewayName, PaymentOutcome } from '~db/schema-orders';
import type { GatewaysConfig } from '~/lib/gateway-config.server';
import { recordIncomingPayment, type PaymentResult } from './payments.server';
import { referenceOfAttempt } from './providers/hmac';
import { verifyMomoResult } from './providers/momo';
import { VNPAY_IPN, verifyVnpayResult } from './providers/vnpay';
import { verifyZalopayCallback, verifyZalopayRedirect } from './providers/zalopay';

// The gateways' server-to-server notifications (VNPay IPN, MoMo IPN, ZaloPay callback). Each is
// verified on exactly what was received, then recorded once per gateway transaction through
// recordIncomingPayment, which checks the amount against the checkout, holds short, late, unmatched
// and already-paid money for review and flags overpayments — the bank webhook's guarantees.

/** What we did with one notification, answered to the gateway in its own format by the route. */
export type GatewayVerdict =
  | { kind: 'forged' }
  | { kind: 'not_paid'; checkoutFound: boolean; awaiting: boolean }
  | { kind: 'bad_amount' }
  | { kind: 'recorded'; outcome: PaymentOutcome; duplicate: boolean };

export async function recordGatewayPayment(
  db: DB,
  provider: GatewayName,
  fields: {
    orderId: string;
    transactionId: string;
    amountVnd: number;
    paidAt: string;
    description: string;
  },
  now: Date,
): Promise<GatewayVerdict> {
  const result: PaymentResult = await recordIncomingPayment(
    db,
    {
      provider,
      externalId: fields.transactionId,
      amountVnd: fields.amountVnd,
      description: fields.description,
      occurredAt: now.toISOString(),
      reference: referenceOfAttempt(fields.orderId),
      gateway: {
        orderId: fields.orderId,
        transactionId: fields.transactionId,
        paidAt: fields.paidAt,
      },
    },
    now,
  );
  return { kind: 'recorded', outcome: result.outcome, duplicate: result.duplicate };
}

async function checkoutState(db: DB, orderId: string) {
  const reference = referenceOfAttempt(orderId);
  const row = reference
    ? await db
        .selectFrom('checkouts')
        .select('payment_state')
        .where('reference', '=', reference)
        .executeTakeFirst()
    : undefined;
  return { checkoutFound: !!row, awaiting: row?.payment_state === 'awaiting' };
}

export async function applyVnpayNotification(
  db: DB,
  config: NonNullable<GatewaysConfig['vnpay']>,
  query: URLSearchParams,
  now = new Date(),
): Promise<GatewayVerdict> {
  const result = verifyVnpayResult(query, config.hashSecret);
  if (!result || result.tmnCode !== config.tmnCode) return { kind: 'forged' };
  if (!result.amountValid) return { kind: 'bad_amount' };
  if (!result.paid) return { kind: 'not_paid', ...(await checkoutState(db, result.txnRef)) };
  return recordGatewayPayment(
    db,
    'vnpay',
    {
      orderId: result.txnRef,
      transactionId: result.transactionNo,
      amountVnd: result.amountVnd,
      paidAt: result.payDate,
      description: `VNPay ${result.transactionNo} ${result.bankCode} ${result.txnRef}`,
    },
    now,
  );
}

/** VNPay's documented IPN answer for what we did. */
export function vnpayAnswer(verdict: GatewayVerdict) {
  switch (verdict.kind) {
    case 'forged':
      return VNPAY_IPN.invalidSignature;
    case 'bad_amount':
      return VNPAY_IPN.invalidAmount;
    case 'not_paid':
      if (!verdict.checkoutFound) return VNPAY_IPN.orderNotFound;
      return verdict.awaiting ? VNPAY_IPN.ok : VNPAY_IPN.alreadyConfirmed;
    case 'recorded':
      if (verdict.duplicate) return VNPAY_IPN.alreadyConfirmed;
      switch (verdict.outcome) {
        case 'applied':
          return VNPAY_IPN.ok;
        case 'held_unmatched':
          return VNPAY_IPN.orderNotFound;
        case 'held_short':
        case 'applied_overpaid':
          // Kept and flagged for the operator either way; the amount was not the order's.
          return VNPAY_IPN.invalidAmount;
        default:
          return VNPAY_IPN.alreadyConfirmed;
      }
  }
}

export async function applyMomoNotification(
  db: DB,
  config: NonNullable<GatewaysConfig['momo']>,
  body: Record<string, unknown>,
  now = new Date(),
): Promise<GatewayVerdict> {
  const result = verifyMomoResult(config, body);
  if (!result || result.partnerCode !== config.partnerCode) return { kind: 'forged' };
  if (!result.amountValid) return { kind: 'bad_amount' };
  if (!result.paid) return { kind: 'not_paid', ...(await checkoutState(db, result.orderId)) };
  return recordGatewayPayment(
    db,
    'momo',
    {
      orderId: result.orderId,
      transactionId: result.transId,
      amountVnd: result.amountVnd,
      paidAt: result.responseTime,
      description: `MoMo ${result.transId} ${result.orderId}`,
    },
    now,
  );
}

export async function applyZalopayNotification(
  db: DB,
  config: NonNullable<GatewaysConfig['zalopay']>,
  body: Record<string, unknown>,
  now = new Date(),
): Promise<GatewayVerdict> {
  const result = verifyZalopayCallback(config, body);
  if (!result || result.appId !== config.appId) return { kind: 'forged' };
  if (!result.amountValid) return { kind: 'bad_amount' };
  // ZaloPay calls back only for successful payments.
  return recordGatewayPayment(
    db,
    'zalopay',
    {
      orderId: result.appTransId,
      transactionId: result.zpTransId,
      amountVnd: result.amountVnd,
      paidAt: String(result.serverTime),
      description: `ZaloPay ${result.zpTransId} ${result.appTransId}`,
    },
    now,
  );
}

/** What the buyer's return from a gateway says (shown only; the notification is what counts). */
export function gatewayReturn(
  gateways: GatewaysConfig,
  query: URLSearchParams,
): 'paid' | 'failed' | 'forged' | null {
  const gate = query.get('cong');
  if (gate === 'vnpay' && gateways.vnpay) {
    const result = verifyVnpayResult(query, gateways.vnpay.hashSecret);
    return !result ? 'forged' : result.paid ? 'paid' : 'failed';
  }
  if (gate === 'momo' && gateways.momo) {
    const result = verifyMomoResult(gateways.momo, Object.fromEntries(query));
    return !result ? 'forged' : result.paid ? 'paid' : 'failed';
  }
  if (gate === 'zalopay' && gateways.zalopay) {
    const result = verifyZalopayRedirect(gateways.zalopay, query);
    return !result ? 'forged' : result.paid ? 'paid' : 'failed';
  }
  return null;
}

/** An HTTP answer to a gateway: status and JSON body (null: no body). */
export interface GatewayAnswer {
  status: number;
  body: Record<string, unknown> | null;
  verdict: GatewayVerdict | null;
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** VNPay's IPN (GET with the signed query): always 200 with `{ RspCode, Message }`, as VNPay expects. */
export async function answerVnpayIpn(
  db: DB,
  gateways: GatewaysConfig,
  query: URLSearchParams,
): Promise<GatewayAnswer> {
  if (!gateways.vnpay)
    return {
      status: 404,
      body: { RspCode: '99', Message: 'VNPay is not configured' },
      verdict: null,
    };
  try {
    const verdict = await applyVnpayNotification(db, gateways.vnpay, query);
    return { status: 200, body: vnpayAnswer(verdict), verdict };
  } catch (error) {
    return { status: 200, body: { ...VNPAY_IPN.unknown, error: String(error) }, verdict: null };
  }
}

/** MoMo's IPN (POST JSON): 204 once handled (MoMo's documented answer), 400 when it does not verify. */
export async function answerMomoIpn(
  db: DB,
  gateways: GatewaysConfig,
  raw: string,
): Promise<GatewayAnswer> {
  if (!gateways.momo)
    return { status: 404, body: { message: 'MoMo is not configured' }, verdict: null };
  const body = parseJsonObject(raw);
  if (!body) return { status: 400, body: { message: 'body is not a JSON object' }, verdict: null };
  const verdict = await applyMomoNotification(db, gateways.momo, body);
  if (verdict.kind === 'forged')
    return { status: 400, body: { message: 'invalid signature' }, verdict };
  if (verdict.kind === 'bad_amount')
    return { status: 400, body: { message: 'invalid amount' }, verdict };
  return { status: 204, body: null, verdict };
}

/** ZaloPay's callback: `{ return_code, return_message }` — 1 done, 2 already received, -1 mac not equal. */
export async function answerZalopayCallback(
  db: DB,
  gateways: GatewaysConfig,
  raw: string,
): Promise<GatewayAnswer> {
  if (!gateways.zalopay)
    return {
      status: 404,
      body: { return_code: 0, return_message: 'ZaloPay is not configured' },
      verdict: null,
    };
  const body = parseJsonObject(raw);
  const verdict = body ? await applyZalopayNotification(db, gateways.zalopay, body) : null;
  if (!verdict || verdict.kind === 'forged')
    return { status: 200, body: { return_code: -1, return_message: 'mac not equal' }, verdict };
  if (verdict.kind !== 'recorded')
    return { status: 200, body: { return_code: 0, return_message: 'invalid amount' }, verdict };
  return {
    status: 200,
    body: verdict.duplicate
      ? { return_code: 2, return_message: 'already received' }
      : { return_code: 1, return_message: 'success' },
    verdict,
  };
}
