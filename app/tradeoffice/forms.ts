import { z } from 'zod';
import { tradeofficeMessages as m } from '~/i18n/messages/tradeoffice';
import { msg } from '~/lib/form';

/** The trade office's forms: the register import and match (dashboard), the review decisions (/duyet). */

/** An uploaded file as the browser and the server both see it. */
export type UploadedFile = Pick<Blob, 'size' | 'arrayBuffer'>;

const isFile = (value: unknown): value is UploadedFile =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Blob).arrayBuffer === 'function' &&
  typeof (value as Blob).size === 'number';

const id = (message = m.unknownIntent) =>
  z
    .string(msg(message))
    .regex(/^\d{1,12}$/, msg(message))
    .transform(Number);

/** "Import the province OCOP register (CSV)". */
export const importRegisterSchema = z.object({
  file: z.custom<UploadedFile>((v) => isFile(v) && v.size > 0, msg(m.registerFileRequired)),
});

/** "Confirm match": a register entry is this listing (no listing clears the match). */
export const confirmMatchSchema = z.object({
  entryId: id(),
  productId: z
    .string()
    .optional()
    .transform((v) => (v && /^\d{1,12}$/.test(v) ? Number(v) : null)),
});

export const REVIEW_SUBJECTS = ['organization', 'listing', 'ocop'] as const;
export const REVIEW_DECISIONS = ['approve', 'reject', 'request_changes'] as const;

/** One decision of the review queue: approve, reject with a reason, or ask for changes with a note. */
export const reviewDecisionSchema = z.object({
  intent: z.enum(REVIEW_SUBJECTS, msg(m.unknownIntent)),
  id: id(),
  decision: z.enum(REVIEW_DECISIONS, msg(m.reviewDecisionInvalid)),
  reason: z
    .string()
    .optional()
    .transform((v) => v ?? ''),
});
export type ReviewDecision = z.output<typeof reviewDecisionSchema>;
