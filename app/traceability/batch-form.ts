import { z } from 'zod';
import { traceabilityMessages as m } from '~/i18n/messages/traceability';
import { parseCalendarDate } from '~/lib/dates';
import { msg } from '~/lib/form';
import { isValidAiValue } from './digital-link';

/**
 * The "new batch" form (seller channel → product → batches). Dates are typed dd/mm/yyyy (or picked as
 * yyyy-mm-dd) and stored as yyyy-mm-dd; GPS is optional but comes as a pair.
 */

/** A text input: missing and empty are the same ''. */
export const textInput = (max?: number) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? '' : v),
    max ? z.string().max(max) : z.string(),
  );

/** A decimal coordinate typed with a dot or a comma; '' is no coordinate. */
const coordinate = (max: number, message: typeof m.latitudeRange) =>
  textInput().transform((text, ctx) => {
    if (!text) return null;
    const value = Number(text.replace(',', '.'));
    if (!Number.isFinite(value) || Math.abs(value) > max) {
      ctx.addIssue({ code: 'custom', message: message.key });
      return z.NEVER;
    }
    return value;
  });

/** A calendar date typed dd/mm/yyyy or yyyy-mm-dd, stored as yyyy-mm-dd. */
export const calendarDate = (message: typeof m.producedOnInvalid) =>
  textInput().transform((text, ctx) => {
    const day = parseCalendarDate(text);
    if (!day) {
      ctx.addIssue({ code: 'custom', message: message.key });
      return z.NEVER;
    }
    return day;
  });

export const batchFormSchema = z
  .object({
    lotCode: textInput()
      .refine((v) => v !== '', msg(m.lotRequired))
      .refine((v) => v === '' || isValidAiValue(v), msg(m.lotFormat)),
    producedOn: calendarDate(m.producedOnInvalid),
    expiresOn: textInput().transform((text, ctx) => {
      if (!text) return null;
      const day = parseCalendarDate(text);
      if (!day) {
        ctx.addIssue({ code: 'custom', message: m.expiresOnInvalid.key });
        return z.NEVER;
      }
      return day;
    }),
    quantity: textInput()
      .refine((v) => /^\d{1,9}$/.test(v) && Number(v) > 0, msg(m.quantityPositive))
      .transform(Number),
    quantityUnit: textInput(30).refine((v) => v !== '', msg(m.quantityUnitRequired)),
    communeCode: textInput().refine((v) => v !== '', msg(m.areaCommuneRequired)),
    latitude: coordinate(90, m.latitudeRange),
    longitude: coordinate(180, m.longitudeRange),
    areaName: textInput(200),
    notes: textInput(2000),
  })
  .superRefine((batch, ctx) => {
    if (batch.expiresOn && batch.expiresOn < batch.producedOn)
      ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: m.expiresBeforeProduced.key });
    if ((batch.latitude === null) !== (batch.longitude === null))
      ctx.addIssue({ code: 'custom', path: ['latitude'], message: m.coordinatesBoth.key });
  });

export type BatchInput = z.output<typeof batchFormSchema>;
