import { createHmac, timingSafeEqual } from 'node:crypto';

/** Lower-case hex HMAC of UTF-8 text, as VNPay (SHA-512), MoMo and ZaloPay (SHA-256) sign. */
export function hmacHex(algorithm: 'sha256' | 'sha512', key: string, data: string): string {
  return createHmac(algorithm, key).update(data, 'utf8').digest('hex');
}

/** Constant-time comparison of a received hex signature with the expected one (any case). */
export function sameHex(expected: string, received: string | null | undefined): boolean {
  if (typeof received !== 'string' || received.length !== expected.length) return false;
  if (!/^[0-9a-fA-F]+$/.test(received)) return false;
  return timingSafeEqual(
    Buffer.from(expected, 'utf8'),
    Buffer.from(received.toLowerCase(), 'utf8'),
  );
}

/** The time in Vietnam (GMT+7, no daylight saving) as yyyyMMddHHmmss, the gateways' date format. */
export function vietnamTimestamp(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return local.slice(0, 19).replace(/[-T:]/g, '');
}

/** A gateway order id for one payment attempt of a checkout: our reference, `_`, a unique suffix. */
export function attemptId(reference: string, at: Date): string {
  return `${reference}_${at.getTime().toString(36).toUpperCase()}`;
}

/** When an attempt id made by `attemptId` was made (its suffix), or null if it is not ours. */
export function attemptTime(attempt: string): Date | null {
  const match = /_([0-9A-Z]{1,12})$/.exec(attempt);
  const ms = match ? parseInt(match[1]!, 36) : NaN;
  return Number.isSafeInteger(ms) ? new Date(ms) : null;
}

/** The checkout reference inside a gateway order id made by `attemptId` (null if it is not ours). */
export function referenceOfAttempt(attempt: string | null | undefined): string | null {
  const match = /(?:^|_)(TT[0-9A-Z]{8})_[0-9A-Z]{1,12}$/.exec(attempt ?? '');
  return match?.[1] ?? null;
}

/** POSTs JSON and reads JSON back; a gateway that answers anything else is an error. */
export async function postJson(url: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`${url} answered ${response.status} without JSON`);
  }
}

/** A gateway's answer to one of our API calls that does not verify (signature, or about another payment). */
export class GatewayAnswerForged extends Error {
  readonly forgedAnswer = true;
  constructor(message: string) {
    super(message);
    this.name = 'GatewayAnswerForged';
  }
}

export const isForgedAnswer = (error: unknown): error is GatewayAnswerForged =>
  error instanceof Error && (error as Partial<GatewayAnswerForged>).forgedAnswer === true;
