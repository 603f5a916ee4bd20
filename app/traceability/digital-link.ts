import { traceabilityMessages as m } from '~/i18n/messages/traceability';
import type { Message } from '~/lib/errors';
import { isValidGtin, toGtin14 } from '~/lib/gtin';

/**
 * Stamp URLs (the QR content). Two forms, both https URLs of this site:
 * - GS1 Digital Link when the product has a GTIN: `https://{host}/01/{GTIN14}/10/{lot}/21/{serial}?a={authenticator}`
 * - short path when it has none: `https://{host}/s/{batchRef}-{serial}-{authenticator}`
 * Why the authenticator is a non-GS1 query parameter and not AI 8030: docs/decisions/005-stamp-format.md.
 */

/** Query key of the authenticator. Non-numeric, so it can never collide with a GS1 AI (those are digits). */
export const AUTHENTICATOR_PARAM = 'a';
/** Crockford base32: no I, L, O, U, so nothing on a label can be misread as another symbol. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** One key-id symbol followed by 13 symbols = 65 bits of HMAC-SHA256. */
export const AUTHENTICATOR_LENGTH = 14;

const AUTHENTICATOR_PATTERN = new RegExp(`^[${CROCKFORD_ALPHABET}]{${AUTHENTICATOR_LENGTH}}$`);
/** GS1 AI encodable character set 82 (GS1 General Specifications figure 7.11-1), 1 to 20 characters for AI 10 and 21. */
const CSET82_VALUE = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;
/** A batch id in Crockford base32, without leading zeros, so each batch has exactly one reference. */
const BATCH_REF_PATTERN = new RegExp(`^[1-9A-HJKMNP-TV-Z][${CROCKFORD_ALPHABET}]{0,10}$`);

export interface GtinStampIdentity {
  gtin: string;
  lot: string;
  serial: string;
}
export interface BatchStampIdentity {
  batchId: number;
  serial: string;
}
export type StampIdentity = GtinStampIdentity | BatchStampIdentity;

export interface ParsedStamp {
  gtin?: string;
  lot?: string;
  serial: string;
  batchRef?: string;
  batchId?: number;
  authenticator: string;
}

export type ParseStampResult =
  { ok: true; stamp: ParsedStamp } | { ok: false; code: string; reason: Message };

export const isGtinIdentity = (identity: StampIdentity): identity is GtinStampIdentity =>
  'gtin' in identity;

/**
 * True when the value may be carried in GS1 AI (10) or (21). "." and ".." are refused although set 82
 * allows them: URL parsers treat them (even percent-encoded) as path navigation, so they cannot survive a scan.
 */
export function isValidAiValue(value: string): boolean {
  return CSET82_VALUE.test(value) && value !== '.' && value !== '..';
}

export function isWellFormedAuthenticator(value: string): boolean {
  return AUTHENTICATOR_PATTERN.test(value);
}

/**
 * Percent-encodes every character outside A–Z a–z 0–9 - . _ (GS1 Digital Link URI syntax requires the
 * reserved characters of set 82, such as / ? & # % +, to be encoded; encoding the few that could stay
 * literal costs nothing in practice and keeps one canonical form).
 */
export function encodeAiValue(value: string): string {
  return value.replace(
    /[^A-Za-z0-9\-._]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** Batch ids travel in short URLs as Crockford base32 (1,000,000 → "YH20"). */
export function encodeBatchRef(batchId: number): string {
  if (!Number.isSafeInteger(batchId) || batchId < 1)
    throw new RangeError(`batch id must be a positive integer: ${batchId}`);
  let out = '';
  for (let n = batchId; n > 0; n = Math.floor(n / 32)) out = CROCKFORD_ALPHABET[n % 32] + out;
  return out;
}

/** Inverse of encodeBatchRef; null for anything that is not its exact output (no leading zeros, upper case). */
export function decodeBatchRef(ref: string): number | null {
  if (!BATCH_REF_PATTERN.test(ref)) return null;
  let n = 0;
  for (const c of ref) n = n * 32 + CROCKFORD_ALPHABET.indexOf(c);
  return Number.isSafeInteger(n) ? n : null;
}

/** `https://host` (or `http://localhost…` in development) without a trailing slash. */
export function normaliseOrigin(origin: string): string {
  const url = new URL(origin);
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new RangeError(`stamp URLs must use https: ${origin}`);
  }
  return url.origin;
}

/** Builds the QR content for one stamp. Throws on values no genuine stamp can carry (a programming error). */
export function buildStampUrl(
  origin: string,
  identity: StampIdentity,
  authenticator: string,
): string {
  const base = normaliseOrigin(origin);
  if (!isWellFormedAuthenticator(authenticator)) throw new RangeError('malformed authenticator');
  if (!isValidAiValue(identity.serial))
    throw new RangeError(`serial not encodable in AI (21): ${identity.serial}`);
  if (isGtinIdentity(identity)) {
    if (!isValidGtin(identity.gtin)) throw new RangeError(`invalid GTIN: ${identity.gtin}`);
    if (!isValidAiValue(identity.lot))
      throw new RangeError(`lot not encodable in AI (10): ${identity.lot}`);
    return (
      `${base}/01/${toGtin14(identity.gtin)}/10/${encodeAiValue(identity.lot)}` +
      `/21/${encodeAiValue(identity.serial)}?${AUTHENTICATOR_PARAM}=${authenticator}`
    );
  }
  if (!/^[1-9]\d{0,19}$/.test(identity.serial))
    throw new RangeError(`short stamp serials are decimal: ${identity.serial}`);
  return `${base}/s/${encodeBatchRef(identity.batchId)}-${identity.serial}-${authenticator}`;
}

const fail = (code: string, reason: Message): ParseStampResult => ({ ok: false, code, reason });
const notStampUrl = () => fail('not_stamp_url', m.notStampUrl);

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Parses a scanned stamp URL back into its parts. Only syntax is checked here; whether the stamp is
 * genuine is for verifyStamp and the issued ranges. `host`, when given, must match.
 */
export function parseStampUrl(input: string, options: { host?: string } = {}): ParseStampResult {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return notStampUrl();
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return notStampUrl();
  if (options.host && url.host.toLowerCase() !== options.host.toLowerCase()) {
    return fail('foreign_host', m.foreignHost);
  }
  const segments = url.pathname.split('/').slice(1);
  const [first, code] = segments;
  if (first === 's' && code !== undefined && segments.length === 2) return parseShortCode(code);
  if (first === '01') return parseDigitalLink(segments, url.searchParams);
  return notStampUrl();
}

function parseDigitalLink(segments: string[], query: URLSearchParams): ParseStampResult {
  const [, gtin, lotAi, lotSegment, serialAi, serialSegment] = segments;
  if (
    segments.length !== 6 ||
    gtin === undefined ||
    lotAi !== '10' ||
    lotSegment === undefined ||
    serialAi !== '21' ||
    serialSegment === undefined
  ) {
    return fail('bad_path', m.badPath);
  }
  if (!/^\d{8}$|^\d{12,14}$/.test(gtin)) return fail('bad_gtin', m.badGtin);
  if (!isValidGtin(gtin)) return fail('bad_check_digit', m.badCheckDigit);
  const lot = safeDecode(lotSegment);
  if (lot === null || !isValidAiValue(lot)) {
    return fail('bad_lot', m.badLot);
  }
  const serial = safeDecode(serialSegment);
  if (serial === null || !isValidAiValue(serial)) {
    return fail('bad_serial', m.badSerial);
  }
  const [authenticator, ...more] = query.getAll(AUTHENTICATOR_PARAM);
  if (authenticator === undefined || more.length || !isWellFormedAuthenticator(authenticator)) {
    return fail('bad_authenticator', m.badAuthenticator);
  }
  return { ok: true, stamp: { gtin: toGtin14(gtin), lot, serial, authenticator } };
}

function parseShortCode(code: string): ParseStampResult {
  const [, batchRef, serial, authenticator] =
    /^([0-9A-Z]{1,11})-([1-9]\d{0,19})-([0-9A-Z]+)$/.exec(code) ?? [];
  if (batchRef === undefined || serial === undefined || authenticator === undefined) {
    return fail('bad_code', m.badCode);
  }
  const batchId = decodeBatchRef(batchRef);
  if (batchId === null) return fail('bad_batch', m.badBatch);
  if (!isWellFormedAuthenticator(authenticator)) {
    return fail('bad_authenticator', m.badAuthenticator);
  }
  return { ok: true, stamp: { batchRef, batchId, serial, authenticator } };
}
