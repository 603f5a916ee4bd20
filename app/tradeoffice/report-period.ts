import { z } from 'zod';
import { tradeofficeMessages as m } from '~/i18n/messages/tradeoffice';
import { parseCalendarDate } from '~/lib/dates';
import { UserError } from '~/lib/errors';
import type { FieldMessages } from '~/lib/form';

/** A date of a GET form (yyyy-mm-dd from a date input, or dd/mm/yyyy typed); missing or '' is none. */
const optionalDate = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (!text) return null;
    const day = parseCalendarDate(text);
    if (!day) {
      ctx.addIssue({ code: 'custom', message: m.reportPeriodInvalid.key });
      return z.NEVER;
    }
    return day;
  });

/**
 * The printable report's period (`?tinh=12&tu=2026-09-01&den=2026-11-30`); by default the current month
 * up to today (provinceReport fills the gaps and checks the order).
 */
export const reportPeriodSchema = z.object({
  tinh: z.string().optional(),
  tu: optionalDate,
  den: optionalDate,
});

/** The province of a GET form: `tinh` when given. */
export const provinceParamSchema = z.object({ tinh: z.string().optional() });

/** A GET form the schema refused, as the error page's 400: the first refused field and its message. */
export function searchRefusal(submission: { fieldErrors: FieldMessages }): UserError {
  const [field, message] = Object.entries(submission.fieldErrors)[0] ?? ['form', m.unknownIntent];
  return new UserError('invalid', 400, message, field);
}
