/**
 * Codes people read aloud, type on a phone or see mangled by a bank: upper case, and an alphabet
 * without 0/O and 1/I so nobody has to guess. 32 symbols, so one random byte masked to 5 bits
 * picks a symbol without bias. Web Crypto randomness works in Node and the browser alike.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export const ORDER_CODE_PREFIX = 'CP';
const ORDER_CODE_RANDOM = 8;
/** "TT" for thanh toán (payment), then 7 random symbols and one check symbol. */
export const PAYMENT_REFERENCE_PREFIX = 'TT';
const REFERENCE_RANDOM = 7;
export const PAYMENT_REFERENCE_LENGTH = PAYMENT_REFERENCE_PREFIX.length + REFERENCE_RANDOM + 1;

function randomSymbols(count: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(count));
  return Array.from(bytes, (byte) => CODE_ALPHABET.charAt(byte & 31)).join('');
}

/** An order code such as `CP7KQ2MXHD` (one per cooperative's part of a checkout; 32⁸ ≈ 10¹² codes). */
export function newOrderCode(): string {
  return ORDER_CODE_PREFIX + randomSymbols(ORDER_CODE_RANDOM);
}

/** What a guest typed when looking up an order (`cp-7kq2 mxhd`) as the stored code, or null. */
export function normalizeOrderCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s\-_.]/g, '');
  const pattern = new RegExp(`^${ORDER_CODE_PREFIX}[${CODE_ALPHABET}]{${ORDER_CODE_RANDOM}}$`);
  return pattern.test(code) ? code : null;
}

/** A typed checkout code (`tt4kx-9pq7m`) as the stored payment reference, or null. */
export function normalizePaymentReference(typed: string): string | null {
  const reference = typed.toUpperCase().replace(/[\s\-_.]/g, '');
  return isPaymentReference(reference) ? reference : null;
}

/**
 * The reference a buyer puts in the bank-transfer message, such as `TT4KX9PQ7M`. The check symbol
 * lets the webhook tell our reference from look-alike letters in a bank's free text, and catches
 * a mistyped symbol when a buyer copies it by hand.
 */
export function newPaymentReference(): string {
  const body = randomSymbols(REFERENCE_RANDOM);
  return PAYMENT_REFERENCE_PREFIX + body + checkSymbol(body);
}

/** True when `reference` is exactly a well-formed payment reference (prefix, symbols, check). */
export function isPaymentReference(reference: string): boolean {
  if (
    reference.length !== PAYMENT_REFERENCE_LENGTH ||
    !reference.startsWith(PAYMENT_REFERENCE_PREFIX)
  )
    return false;
  const body = reference.slice(PAYMENT_REFERENCE_PREFIX.length, -1);
  if (![...body].every((symbol) => CODE_ALPHABET.includes(symbol))) return false;
  return reference.at(-1) === checkSymbol(body);
}

// Weighted sum modulo 31 (a prime): every single substitution and adjacent swap changes it,
// except swaps of symbols 31 apart, which only the pair "2"/"Z" are.
function checkSymbol(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * CODE_ALPHABET.indexOf(body.charAt(i));
  return CODE_ALPHABET.charAt(sum % 31);
}
