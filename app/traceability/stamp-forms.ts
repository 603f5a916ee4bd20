import { z } from 'zod';
import { traceabilityMessages as m } from '~/i18n/messages/traceability';
import { UserError } from '~/lib/errors';
import { msg, type FieldMessages } from '~/lib/form';
import { textInput } from './batch-form';
import { isLabelLayoutId, type LabelLayoutId } from './label-layouts';
import { parseSerial } from './serials';

/**
 * The stamp forms of the producer's batch page (issue, revoke), the print request (a GET form) and the
 * buyer's "suspicious product" report. Counts may be typed with thousands separators ("1.000").
 */

/** A positive whole number as people type it: "1.000", "1 000" and "1,000" are a thousand. */
export const stampNumber = () =>
  textInput().transform((text, ctx) => {
    const digits = text.replace(/[\s.,_]/g, '');
    if (!/^\d{1,16}$/.test(digits)) {
      ctx.addIssue({ code: 'custom', message: m.positiveNumber.key });
      return z.NEVER;
    }
    return Number(digits);
  });

/** Issue stamps: how many (the range is checked by issueStamps). */
export const issueStampsSchema = z.object({ count: stampNumber() });

/** Revoke a range of stamps with a reason (the range is checked against the issues by revokeStamps). */
export const revokeStampsSchema = z.object({
  start: stampNumber(),
  count: stampNumber(),
  reason: textInput(),
});
export type RevokeInput = z.output<typeof revokeStampsSchema>;

/** GET …/in-tem?layout=a4-65&start=1&count=1000: which labels to print, on which sheet. */
export const printLabelsSchema = z.object({
  layout: textInput()
    .transform((v) => v || 'a4-65')
    .refine(isLabelLayoutId, msg(m.labelLayoutUnknown))
    .transform((v) => v as LabelLayoutId),
  start: stampNumber(),
  count: stampNumber(),
});

/** The buyer's report; a serial is kept only when it is one our stamps can carry. */
export const suspiciousReportSchema = z.object({
  message: textInput()
    .refine((v) => v.length >= 10, msg(m.reportMessageShort))
    .refine((v) => v.length <= 2000, msg(m.reportMessageLong)),
  contact: textInput()
    .refine((v) => v.length <= 200, msg(m.reportContactLong))
    .transform((v) => v || null),
  serial: textInput().transform((v) => (v ? parseSerial(v) : null)),
});
export type SuspiciousReport = z.output<typeof suspiciousReportSchema>;

/** A GET form the schema refused, as the error page's 400: the first refused field and its message. */
export function searchRefusal(submission: { fieldErrors: FieldMessages }): UserError {
  const [field, message] = Object.entries(submission.fieldErrors)[0] ?? ['form', m.unknownIntent];
  return new UserError('invalid', 400, message, field);
}
