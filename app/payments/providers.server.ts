import Stripe from 'stripe';
import type { Config } from '~/lib/config.server';
import type { PaymentMethod } from '~/orders';
import { GATEWAY_KEYS } from '~/lib/gateway-config.server';
import { createGatewayProviders, GATEWAYS, type GatewayProvider } from './gateways.server';
import { buildVietQrPayload } from './vietqr';
import { vietQrSvg } from './vietqr-svg.server';

/** A placed checkout as a payment provider needs to see it. */
export interface CheckoutForPayment {
  id: number;
  reference: string;
  totalVnd: number;
  payBy: string | null;
  orders: Array<{ code: string; organizationName: string; totalVnd: number }>;
}

/** What the buyer does next to pay. */
export type PaymentStep =
  | {
      kind: 'bank_qr';
      svg: string;
      payload: string;
      bankBin: string;
      bankName: string | null;
      accountNumber: string;
      accountName: string;
      amountVnd: number;
      memo: string;
      /** The built-in demo account: the page says so. */
      demo: boolean;
    }
  | { kind: 'redirect'; url: string }
  | { kind: 'on_delivery' };

/**
 * The payment port: each method the operator configured is one provider. The platform operator
 * collects every payment (docs/decisions/006-payments-port.md); confirmations arrive through the
 * webhooks or the operator's page and are applied by app/payments/payments.server.ts.
 */
export interface PaymentProvider {
  method: PaymentMethod;
  /** Starts or shows the payment of a checkout. `returnUrl` is the checkout's own page. */
  begin(checkout: CheckoutForPayment, returnUrl: string): Promise<PaymentStep>;
  /** Gives money back through the provider (cards); null when it is done by hand (bank transfer). */
  refund?(
    paymentIntentId: string,
    amountVnd: number,
    idempotencyKey: string,
  ): Promise<{ refundId: string }>;
}

/** NAPAS BINs of the banks most buyers use, to name the bank beside the QR code. */
const BANK_NAMES: Record<string, string> = {
  '970436': 'Vietcombank',
  '970415': 'VietinBank',
  '970418': 'BIDV',
  '970405': 'Agribank',
  '970422': 'MB Bank',
  '970407': 'Techcombank',
  '970423': 'TPBank',
  '970432': 'VPBank',
  '970416': 'ACB',
  '970403': 'Sacombank',
  '970441': 'VIB',
  '970443': 'SHB',
  '970448': 'OCB',
  '970437': 'HDBank',
  '970431': 'Eximbank',
  '970426': 'MSB',
};

export function vietQrProvider(account: {
  bankBin: string;
  accountNumber: string;
  accountName: string;
  demo?: boolean;
}): PaymentProvider {
  return {
    method: 'vietqr',
    async begin(checkout) {
      // The reference alone is the memo: it survives every bank's truncation and is what the webhook looks for.
      const memo = checkout.reference;
      const payload = buildVietQrPayload({
        bankBin: account.bankBin,
        accountNumber: account.accountNumber,
        amountVnd: checkout.totalVnd,
        memo,
      });
      return {
        kind: 'bank_qr',
        svg: await vietQrSvg(payload),
        payload,
        bankBin: account.bankBin,
        bankName: BANK_NAMES[account.bankBin] ?? null,
        accountNumber: account.accountNumber,
        accountName: account.accountName,
        amountVnd: checkout.totalVnd,
        memo,
        demo: account.demo === true,
      };
    },
  };
}

export function createStripeClient(stripe: NonNullable<Config['payments']['stripe']>): Stripe {
  const api = stripe.apiUrl ? new URL(stripe.apiUrl) : null;
  return new Stripe(stripe.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(api
      ? {
          host: api.hostname,
          port: api.port || (api.protocol === 'https:' ? 443 : 80),
          protocol: api.protocol.replace(':', '') as 'http' | 'https',
        }
      : {}),
  });
}

export function cardProvider(
  stripe: Stripe,
  setSessionId: (checkoutId: number, sessionId: string) => Promise<void>,
): PaymentProvider {
  return {
    method: 'card',
    async begin(checkout, returnUrl) {
      // Stripe wants a session to live 30 min – 24 h; our own deadline stays the one that releases stock.
      const minExpiry = Math.ceil(Date.now() / 1000) + 31 * 60;
      const expiresAt = Math.max(
        minExpiry,
        checkout.payBy ? Math.floor(new Date(checkout.payBy).getTime() / 1000) : minExpiry,
      );
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          currency: 'vnd',
          client_reference_id: checkout.reference,
          metadata: { reference: checkout.reference },
          // VND is zero-decimal at Stripe: unit_amount is whole đồng.
          line_items: checkout.orders.map((order) => ({
            quantity: 1,
            price_data: {
              currency: 'vnd',
              unit_amount: order.totalVnd,
              product_data: { name: `${order.code} — ${order.organizationName}` },
            },
          })),
          success_url: `${returnUrl}?the=xong`,
          cancel_url: `${returnUrl}?the=huy`,
          expires_at: expiresAt,
        },
        { idempotencyKey: `checkout-${checkout.reference}` },
      );
      await setSessionId(checkout.id, session.id);
      if (!session.url) throw new Error('Stripe returned a session without a URL');
      return { kind: 'redirect', url: session.url };
    },
    async refund(paymentIntentId, amountVnd, idempotencyKey) {
      const refund = await stripe.refunds.create(
        { payment_intent: paymentIntentId, amount: amountVnd },
        { idempotencyKey },
      );
      return { refundId: refund.id };
    },
  };
}

export const cashOnDeliveryProvider: PaymentProvider = {
  method: 'cod',
  async begin() {
    return { kind: 'on_delivery' };
  },
};

export interface PaymentProviders {
  methods: PaymentMethod[];
  get(method: PaymentMethod): PaymentProvider | null;
  /** The VNPay, MoMo or ZaloPay provider, when that gateway is configured. */
  gateway(method: string): GatewayProvider | null;
  /** Gateways that are off, with the variables that turn each on (shown at checkout). */
  off: Array<{ method: PaymentMethod; keys: readonly string[] }>;
}

export function createPaymentProviders(
  config: Config['payments'],
  setStripeSessionId: (checkoutId: number, sessionId: string) => Promise<void>,
): PaymentProviders {
  const list: PaymentProvider[] = [];
  if (config.vietqr) list.push(vietQrProvider(config.vietqr));
  if (config.stripe) list.push(cardProvider(createStripeClient(config.stripe), setStripeSessionId));
  const gateways = createGatewayProviders(config.gateways);
  list.push(...gateways);
  list.push(cashOnDeliveryProvider);
  return {
    methods: list.map((p) => p.method),
    get: (method) => list.find((p) => p.method === method) ?? null,
    gateway: (method) => gateways.find((p) => p.method === method) ?? null,
    off: GATEWAYS.filter((g) => !gateways.some((p) => p.method === g)).map((method) => ({
      method,
      keys: GATEWAY_KEYS[method],
    })),
  };
}
