import { createHmac, timingSafeEqual } from 'node:crypto';
import { isValidGtin, toGtin14 } from '~/lib/gtin';
import {
  AUTHENTICATOR_LENGTH,
  CROCKFORD_ALPHABET,
  isGtinIdentity,
  isValidAiValue,
  type StampIdentity,
} from './digital-link';

/**
 * Stamp authenticator: key id (1 Crockford symbol) + the first 65 bits of
 * HMAC-SHA256(secret, canonical stamp string), as 13 Crockford base32 symbols.
 * 65 bits: a forger who tries a billion codes still has a 1 in 3.7·10¹⁰ chance of one hit,
 * while the URL stays short enough for a 15 mm QR code (docs/decisions/005-stamp-format.md).
 */

const TAG_SYMBOLS = AUTHENTICATOR_LENGTH - 1;
const MIN_SECRET_BYTES = 32;

export interface StampKeyring {
  /** Key used for new stamps. */
  currentKeyId: string;
  /** Every key that may still verify stamps in circulation, id → secret. Retired keys stay here. */
  keys: ReadonlyMap<string, Buffer>;
}

/**
 * Builds a keyring from configuration (`{ "1": "<secret>", "2": "<secret>" }`). Ids are single Crockford
 * symbols; secrets need at least 32 bytes so the HMAC key is never the weak point.
 */
export function createStampKeyring(
  currentKeyId: string,
  keys: Record<string, string | Buffer>,
): StampKeyring {
  const map = new Map<string, Buffer>();
  for (const [id, secret] of Object.entries(keys)) {
    if (id.length !== 1 || !CROCKFORD_ALPHABET.includes(id)) {
      throw new RangeError(
        `stamp key id must be one Crockford base32 symbol (0-9, A-Z without I L O U): "${id}"`,
      );
    }
    const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
    if (bytes.length < MIN_SECRET_BYTES)
      throw new RangeError(`stamp key "${id}" is shorter than ${MIN_SECRET_BYTES} bytes`);
    map.set(id, bytes);
  }
  if (!map.has(currentKeyId))
    throw new RangeError(`current stamp key "${currentKeyId}" is not among the keys`);
  return { currentKeyId, keys: map };
}

/**
 * The exact bytes that are signed. Fields are prefixed with their AI so a lot can never pass for a
 * serial, and "|" cannot occur inside a value (it is outside GS1 character set 82). Returns null
 * for identities no genuine stamp can have.
 */
export function canonicalStampString(identity: StampIdentity): string | null {
  if (!isValidAiValue(identity.serial)) return null;
  if (isGtinIdentity(identity)) {
    if (!isValidGtin(identity.gtin) || !isValidAiValue(identity.lot)) return null;
    return `v1|01:${toGtin14(identity.gtin)}|10:${identity.lot}|21:${identity.serial}`;
  }
  if (!Number.isSafeInteger(identity.batchId) || identity.batchId < 1) return null;
  return `v1|b:${identity.batchId}|21:${identity.serial}`;
}

function tag(secret: Buffer, canonical: string): string {
  const digest = createHmac('sha256', secret).update(canonical, 'utf8').digest();
  // Read the digest as a bit string, five bits per symbol, most significant first.
  let out = '';
  let buffer = 0;
  let bits = 0;
  let index = 0;
  // TAG_SYMBOLS × 5 bits stay well inside the 256-bit digest, so every byte read exists.
  while (out.length < TAG_SYMBOLS) {
    if (bits < 5) {
      buffer = ((buffer << 8) | digest.readUInt8(index++)) & 0xffff;
      bits += 8;
    }
    out += CROCKFORD_ALPHABET.charAt((buffer >> (bits - 5)) & 31);
    bits -= 5;
  }
  return out;
}

/** Signs with the current key. Throws if the identity is not one a stamp may carry. */
export function signStamp(keyring: StampKeyring, identity: StampIdentity): string {
  const canonical = canonicalStampString(identity);
  if (canonical === null)
    throw new RangeError('stamp identity is not encodable (GTIN, lot or serial invalid)');
  const secret = keyring.keys.get(keyring.currentKeyId)!;
  return keyring.currentKeyId + tag(secret, canonical);
}

/**
 * True only when the authenticator was made by one of our keys for exactly this identity.
 * Never throws: anything malformed is simply not genuine. The comparison is constant-time so response
 * timing reveals nothing about how many symbols of a guess were right.
 */
export function verifyStamp(
  keyring: StampKeyring,
  identity: StampIdentity,
  authenticator: string,
): boolean {
  if (typeof authenticator !== 'string' || authenticator.length !== AUTHENTICATOR_LENGTH)
    return false;
  const keyId = authenticator.charAt(0);
  const secret = keyring.keys.get(keyId);
  if (!secret) return false;
  const canonical = canonicalStampString(identity);
  if (canonical === null) return false;
  const expected = Buffer.from(keyId + tag(secret, canonical), 'latin1');
  const given = Buffer.from(authenticator, 'latin1');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Which key made an authenticator, e.g. to count stamps still signed with a retired key. */
export function authenticatorKeyId(authenticator: string): string | null {
  return authenticator.length === AUTHENTICATOR_LENGTH ? authenticator.charAt(0) : null;
}
