import type { GatewayName } from '~db/schema-orders';
import type { GatewaysConfig } from '~/lib/gateway-config.server';
import { randomUUID } from 'node:crypto';
import { attemptId, attemptTime, vietnamTimestamp } from './providers/hmac';
import { momoCreate, momoQuery, momoRefund } from './providers/momo';
import { vnpayPaymentUrl, vnpayQuery, vnpayRefund } from './providers/vnpay';
import { zalopayCreate, zalopayQuery, zalopayRefund, zalopayTransId } from './providers/zalopay';
import type { CheckoutForPayment, PaymentProvider } from './providers.server';

// VNPay, MoMo and ZaloPay behind the PaymentProvider port (docs/decisions/014-wallets-and-gateways.md).
// Each payment attempt gets its own gateway order id (`attemptId`: reference + suffix, since the
// gateways refuse an order id twice); notifications find the checkout by the reference inside it.

export const GATEWAYS: readonly GatewayName[] = ['vnpay', 'momo', 'zalopay'];

export function isGateway(method: string): method is GatewayName {
  return (GATEWAYS as readonly string[]).includes(method);
}

/** Where the buyer is and where the gateway reports back. */
export interface GatewayContext {
  ipAddr: string;
  /** Absolute URL of one of our paths (`/webhooks/momo`), from PUBLIC_URL or the request. */
  absolute(path: string): string;
  now: Date;
}

/** The paid gateway transaction an order's refund goes back through. */
export interface GatewayPaymentRecord {
  orderId: string;
  transactionId: string;
  /** As the gateway reported it (VNPay: vnp_PayDate, yyyyMMddHHmmss). */
  paidAt: string;
}

/** What a gateway's query API says of one attempt, in our terms (`code`: the gateway's own). */
export type GatewayQueryResult =
  | { status: 'paid'; amountVnd: number; transactionId: string; paidAt: string; code: string }
  | { status: 'pending' | 'failed' | 'not_found'; code: string };

export interface GatewayProvider extends PaymentProvider {
  method: GatewayName;
  /** The gateway page to send the buyer to, and the attempt's gateway order id. */
  beginAt(
    checkout: CheckoutForPayment,
    returnUrl: string,
    context: GatewayContext,
  ): Promise<{ url: string; orderId: string }>;
  /** Asks the gateway's query API about an attempt; throws GatewayAnswerForged if it does not verify. */
  queryPayment(orderId: string, now: Date): Promise<GatewayQueryResult>;
  refundPayment(
    payment: GatewayPaymentRecord,
    refund: {
      amountVnd: number;
      /** The checkout's total: less than it is a partial refund. */
      paidTotalVnd: number;
      key: string;
      operator: string;
      now: Date;
    },
  ): Promise<{ refundId: string }>;
}

const description = (checkout: CheckoutForPayment) => `Cho Phien ${checkout.reference}`;

function expiresAt(checkout: CheckoutForPayment, now: Date): Date {
  const deadline = checkout.payBy
    ? new Date(checkout.payBy)
    : new Date(now.getTime() + 15 * 60_000);
  // The gateways want at least 5 minutes.
  return new Date(Math.max(deadline.getTime(), now.getTime() + 5 * 60_000));
}

const notBegun = (): never => {
  throw new Error('a gateway payment starts with beginAt');
};

function vnpayProvider(config: NonNullable<GatewaysConfig['vnpay']>): GatewayProvider {
  return {
    method: 'vnpay',
    begin: notBegun,
    async beginAt(checkout, returnUrl, context) {
      const orderId = attemptId(checkout.reference, context.now);
      const url = vnpayPaymentUrl(config, {
        txnRef: orderId,
        amountVnd: checkout.totalVnd,
        orderInfo: `Thanh toan don hang ${checkout.reference}`,
        returnUrl: `${returnUrl}?cong=vnpay`,
        ipAddr: context.ipAddr,
        now: context.now,
        expiresAt: expiresAt(checkout, context.now),
      });
      return { url, orderId };
    },
    async queryPayment(orderId, now) {
      // vnp_TransactionDate is the payment's vnp_CreateDate: the time inside our attempt id.
      const created = attemptTime(orderId) ?? now;
      const reply = await vnpayQuery(config, {
        requestId: randomUUID().replace(/-/g, ''),
        txnRef: orderId,
        transactionDate: vietnamTimestamp(created),
        ipAddr: '127.0.0.1',
        now,
      });
      const code = `${reply.responseCode}/${reply.transactionStatus}`;
      if (reply.responseCode === '91') return { status: 'not_found', code };
      if (reply.responseCode !== '00') return { status: 'failed', code };
      if (reply.transactionStatus === '00')
        return {
          status: 'paid',
          amountVnd: reply.amountVnd,
          transactionId: reply.transactionNo,
          paidAt: reply.payDate,
          code,
        };
      return { status: reply.transactionStatus === '01' ? 'pending' : 'failed', code };
    },
    refundPayment(payment, refund) {
      return vnpayRefund(config, {
        requestId: refund.key.slice(0, 32),
        txnRef: payment.orderId,
        transactionDate: payment.paidAt,
        transactionNo: payment.transactionId,
        amountVnd: refund.amountVnd,
        partial: refund.amountVnd < refund.paidTotalVnd,
        createdBy: refund.operator,
        ipAddr: '127.0.0.1',
        now: refund.now,
      });
    },
  };
}

function momoProvider(config: NonNullable<GatewaysConfig['momo']>): GatewayProvider {
  return {
    method: 'momo',
    begin: notBegun,
    async beginAt(checkout, returnUrl, context) {
      const orderId = attemptId(checkout.reference, context.now);
      const url = await momoCreate(config, {
        requestId: orderId,
        orderId,
        amount: checkout.totalVnd,
        orderInfo: description(checkout),
        redirectUrl: `${returnUrl}?cong=momo`,
        ipnUrl: context.absolute('/webhooks/momo'),
        requestType: 'captureWallet',
        extraData: '',
      });
      return { url, orderId };
    },
    async queryPayment(orderId) {
      const reply = await momoQuery(config, { requestId: randomUUID(), orderId });
      const code = String(reply.resultCode);
      // 0 paid, 9000 authorised (captured at once for captureWallet); 1000, 7000, 7002, 8000 pending.
      if (reply.resultCode === 0 || reply.resultCode === 9000)
        return {
          status: 'paid',
          amountVnd: reply.amountVnd,
          transactionId: reply.transId,
          paidAt: reply.responseTime,
          code,
        };
      if ([1000, 7000, 7002, 8000].includes(reply.resultCode)) return { status: 'pending', code };
      return { status: reply.resultCode === 42 ? 'not_found' : 'failed', code };
    },
    refundPayment(payment, refund) {
      return momoRefund(config, {
        requestId: refund.key,
        orderId: refund.key,
        amountVnd: refund.amountVnd,
        transId: payment.transactionId,
        description: 'Hoan tien Cho Phien',
      });
    },
  };
}

function zalopayProvider(config: NonNullable<GatewaysConfig['zalopay']>): GatewayProvider {
  return {
    method: 'zalopay',
    begin: notBegun,
    async beginAt(checkout, returnUrl, context) {
      const expires = expiresAt(checkout, context.now);
      const orderId = zalopayTransId(attemptId(checkout.reference, context.now), context.now);
      const url = await zalopayCreate(config, {
        appTransId: orderId,
        amountVnd: checkout.totalVnd,
        now: context.now,
        description: description(checkout),
        redirectUrl: `${returnUrl}?cong=zalopay`,
        callbackUrl: context.absolute('/webhooks/zalopay'),
        expireSeconds: Math.min(
          2_592_000,
          Math.max(300, Math.round((expires.getTime() - context.now.getTime()) / 1000)),
        ),
      });
      return { url, orderId };
    },
    async queryPayment(orderId) {
      const reply = await zalopayQuery(config, orderId);
      const code = String(reply.returnCode);
      if (reply.returnCode === 1)
        return {
          status: 'paid',
          amountVnd: reply.amountVnd,
          transactionId: reply.zpTransId,
          paidAt: reply.serverTime,
          code,
        };
      if (reply.returnCode === 3 || reply.isProcessing) return { status: 'pending', code };
      return { status: 'failed', code };
    },
    refundPayment(payment, refund) {
      return zalopayRefund(config, {
        refundKey: refund.key.replace(/[^0-9A-Za-z]/g, '').slice(0, 20),
        zpTransId: payment.transactionId,
        amountVnd: refund.amountVnd,
        description: 'Hoan tien Cho Phien',
        now: refund.now,
      });
    },
  };
}

export function createGatewayProviders(config: GatewaysConfig): GatewayProvider[] {
  const list: GatewayProvider[] = [];
  if (config.vnpay) list.push(vnpayProvider(config.vnpay));
  if (config.momo) list.push(momoProvider(config.momo));
  if (config.zalopay) list.push(zalopayProvider(config.zalopay));
  return list;
}
