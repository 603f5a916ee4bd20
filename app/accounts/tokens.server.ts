import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes = 256 bits: far past guessing, even at millions of tries a second for centuries. */
const TOKEN_BYTES = 32;
/** base64url of 32 bytes, no padding. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** 256 random bits, URL-safe: password-reset and invitation tokens. */
export function generateToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** A session id is a token like any other; the name says where it goes (the `__session` cookie). */
export const generateSessionId = generateToken;

/** True for something that could have come from `generateToken` (checked before touching the database). */
export function isWellFormedToken(value: string | null | undefined): value is string {
  return typeof value === 'string' && TOKEN_SHAPE.test(value);
}

/** SHA-256, hex. Only this is stored, so a leaked database hands out no live sessions or reset links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time string comparison: how long it takes says nothing about where the strings differ. */
export function safeEqual(a: string, b: string): boolean {
  // Hashing first makes both sides 32 bytes, so not even the length leaks through timing.
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}

/** Whether a presented token is the one whose hash was stored. */
export function tokenMatchesHash(token: string, storedHash: string): boolean {
  return isWellFormedToken(token) && safeEqual(hashToken(token), storedHash);
}
