import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { formatMessage } from '~/i18n/messages';
import { paymentsMessages as m } from '~/i18n/messages/payments';
import { UserError } from '~/lib/errors';
import { fold } from '~/lib/text';
import { isPaymentReference, PAYMENT_REFERENCE_LENGTH, PAYMENT_REFERENCE_PREFIX } from '~/orders';

/**
 * The bank (or an aggregator such as a bank-statement service) signs each notification with
 * HMAC-SHA256 of the exact raw body and a shared secret, sent as `X-Signature: sha256=<hex>`.
 * Verification must use the raw bytes: re-serialised JSON would not hash the same.
 */
export const BANK_SIGNATURE_HEADER = 'x-signature';

export function signBankBody(rawBody: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** True only for a well-formed header whose HMAC matches; compared in constant time. */
export function verifyBankSignature(
  rawBody: string | Buffer,
  header: string | null | undefined,
  secret: string,
): boolean {
  // An empty secret would make every signature forgeable: refuse rather than accept.
  if (!secret || !header) return false;
  const hex = /^sha256=([0-9a-f]{64})$/i.exec(header.trim())?.[1];
  if (!hex) return false;
  const given = Buffer.from(hex.toLowerCase(), 'hex');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(given, expected);
}

/** A bank's credit notification. `occurredAt` comes back as an ISO UTC string. */
export const bankNotificationSchema = z.object({
  transactionId: z.string().trim().min(1).max(100),
  amountVnd: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  description: z.string().max(1000),
  occurredAt: z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString()),
});

export type BankNotification = z.infer<typeof bankNotificationSchema>;

/** Parses a verified raw body; malformed JSON or missing fields are a 400 naming the fields. */
export function parseBankNotification(rawBody: string | Buffer): BankNotification {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString());
  } catch {
    throw new UserError('invalid_body', 400, m.bodyNotJson);
  }
  const result = bankNotificationSchema.safeParse(json);
  if (!result.success) {
    const fields = [
      ...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(body)')),
    ].join(', ');
    throw new UserError('invalid_body', 400, formatMessage(m.bankFieldsInvalid, { fields }));
  }
  return result.data;
}

/**
 * Finds our payment reference anywhere in a bank's free-text description. Banks upper-case it and
 * prepend their own codes ("MBVCB.3278614.TT4KX9PQ7M.CT tu ..."); the check symbol rejects
 * look-alikes. In order of trust: a word that is exactly a reference; else, with spaces and dashes
 * some banks insert removed, a reference that starts a word (removing them can glue a "TT" typed
 * before it or a bank code ending in T onto the reference); else any valid one. Null if none.
 */
export function extractPaymentReference(description: string): string | null {
  const text = fold(description).toUpperCase();
  const whole = text.split(/[^A-Z0-9]+/).find(isPaymentReference);
  if (whole) return whole;
  // The compacted text, and where each of its characters stood in `text`.
  let compact = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const character = text.charAt(i);
    if (/[A-Z0-9]/.test(character)) {
      compact += character;
      origin.push(i);
    }
  }
  let firstValid: string | null = null;
  for (
    let at = compact.indexOf(PAYMENT_REFERENCE_PREFIX);
    at !== -1;
    at = compact.indexOf(PAYMENT_REFERENCE_PREFIX, at + 1)
  ) {
    const candidate = compact.slice(at, at + PAYMENT_REFERENCE_LENGTH);
    if (!isPaymentReference(candidate)) continue;
    const start = origin[at] ?? 0;
    const startsWord = start === 0 || !/[A-Z0-9]/.test(text.charAt(start - 1));
    if (startsWord) return candidate;
    firstValid ??= candidate;
  }
  return firstValid;
}
