import { z } from 'zod';
import { walletsMessages as w } from '~/i18n/messages/wallets';
import { msg } from '~/lib/form';

// The operator's reconciliation export (/quan-tri/thanh-toan/doi-soat?ngay=…&phuong-thuc=…).

export const RECONCILED_METHODS = [
  'vietqr',
  'card',
  'vnpay',
  'momo',
  'zalopay',
  'unmatched',
] as const;

export const reconciliationSchema = z.object({
  /** A calendar day in Vietnam. */
  ngay: z
    .string(msg(w.exportDayInvalid))
    .regex(/^\d{4}-\d{2}-\d{2}$/, msg(w.exportDayInvalid))
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00+07:00`)), msg(w.exportDayInvalid)),
  /** One method, or every method when empty. */
  'phuong-thuc': z.enum(['', ...RECONCILED_METHODS], msg(w.exportMethodInvalid)).default(''),
});
export type ReconciliationForm = z.output<typeof reconciliationSchema>;
