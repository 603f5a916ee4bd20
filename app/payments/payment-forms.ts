import { z } from 'zod';
import { gatewayQueryMessages as q } from '~/i18n/messages/gateway-query';
import { paymentsMessages as m } from '~/i18n/messages/payments';
import { formField, msg } from '~/lib/form';
import { parseVnd } from '~/lib/money';
import { normalizeOrderCode } from '~/orders';

// The operator's payments page (/quan-tri/thanh-toan): one form per row, switched by `intent`.

const received = z.object({
  intent: z.literal('received'),
  /** The checkout's payment reference (a hidden field of the row). */
  reference: z.string().default(''),
  amount: z.string(msg(m.receivedAmount)).transform((value, ctx) => {
    const amount = parseVnd(value);
    if (!amount) ctx.addIssue({ code: 'custom', message: m.receivedAmount.key });
    return amount ?? 0;
  }),
  transactionId: formField.text({ min: 3, max: 100, message: m.transactionIdLength }),
});

const resolve = z.object({
  intent: z.literal('resolve'),
  paymentEventId: z.preprocess(
    (v) => (typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : v),
    z.number(msg(m.unknownAction)).int(msg(m.unknownAction)),
  ),
  note: formField.text({ min: 3, max: 1000, message: m.resolutionNote }),
});

const refund = z.object({
  intent: z.literal('refund'),
  code: z
    .string(msg(m.orderCodeInvalid))
    .refine((v) => normalizeOrderCode(v) !== null, msg(m.orderCodeInvalid)),
  /** At least 3 characters: refundOrder says so in its own words. */
  reason: z.string().max(500).default(''),
});

/** "Check with the gateway" (VNPay, MoMo, ZaloPay) about a checkout, by its payment reference. */
const query = z.object({
  intent: z.literal('query'),
  reference: z
    .string(msg(q.referenceInvalid))
    .transform((v) => v.trim().toUpperCase())
    .refine((v) => /^TT[0-9A-Z]{8}$/.test(v), msg(q.referenceInvalid)),
});

export const operatorPaymentSchema = z.discriminatedUnion(
  'intent',
  [received, resolve, refund, query],
  msg(m.unknownAction),
);
export type OperatorPaymentForm = z.output<typeof operatorPaymentSchema>;
