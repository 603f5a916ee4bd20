import { formatMessage } from '~/i18n/messages';
import { traceabilityMessages as m } from '~/i18n/messages/traceability';
import type { Message } from '~/lib/errors';

/**
 * Stamps are issued as contiguous ranges of integer serials: 1,000,000 stamps are one row
 * (start, count), never a million rows. A stamp is genuine iff its serial lies in an issued range,
 * in no revoked sub-range, and its authenticator verifies. Serial numbers are per batch, from 1.
 */

export interface SerialRange {
  /** First serial, ≥ 1. */
  start: number;
  /** Number of serials, ≥ 1. */
  count: number;
}

export interface RevokedRange extends SerialRange {
  reason: string;
}

export const MAX_STAMPS_PER_ISSUE = 1_000_000;
/** Keeps serials at most 15 digits, far inside both AI (21)'s 20 characters and Number's safe integers. */
export const MAX_SERIAL = 999_999_999_999_999;

/** Printed and encoded form of a serial: plain decimal, no leading zeros, so each number has one string. */
export function serialToString(serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 1 || serial > MAX_SERIAL)
    throw new RangeError(`not a serial: ${serial}`);
  return String(serial);
}

/** Inverse of serialToString; null for any other string ("007", "1e3", "-1", "12a"…). */
export function parseSerial(text: string): number | null {
  if (!/^[1-9]\d{0,14}$/.test(text)) return null;
  return Number(text);
}

/** One past the last serial of the range. */
export const rangeEnd = (range: SerialRange) => range.start + range.count;

export function isValidRange(range: SerialRange): boolean {
  return (
    Number.isSafeInteger(range.start) &&
    Number.isSafeInteger(range.count) &&
    range.start >= 1 &&
    range.count >= 1 &&
    rangeEnd(range) - 1 <= MAX_SERIAL
  );
}

export const rangeContains = (range: SerialRange, serial: number) =>
  serial >= range.start && serial < rangeEnd(range);

export const rangesOverlap = (a: SerialRange, b: SerialRange) =>
  a.start < rangeEnd(b) && b.start < rangeEnd(a);

/** Whether `inner` lies entirely within `outer`. */
export const rangeCovers = (outer: SerialRange, inner: SerialRange) =>
  inner.start >= outer.start && rangeEnd(inner) <= rangeEnd(outer);

/** The issue check, as a user-facing message; null when `count` may be issued in one request. */
export function issueCountProblem(count: number): Message | null {
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_STAMPS_PER_ISSUE) {
    return formatMessage(m.issueCount, {
      maxVi: MAX_STAMPS_PER_ISSUE.toLocaleString('vi-VN'),
      maxEn: MAX_STAMPS_PER_ISSUE.toLocaleString('en-US'),
    });
  }
  return null;
}

/** The next range of `count` serials after everything already issued for the batch (revoked serials are never reused). */
export function nextRange(issued: readonly SerialRange[], count: number): SerialRange {
  if (issueCountProblem(count)) throw new RangeError(`cannot issue ${count} stamps at once`);
  const start = issued.reduce((max, range) => Math.max(max, rangeEnd(range)), 1);
  const range = { start, count };
  if (!isValidRange(range)) throw new RangeError('serial space of this batch is exhausted');
  return range;
}

/** `range` minus `cut`: zero, one or two ranges, in order. */
export function subtractRange(range: SerialRange, cut: SerialRange): SerialRange[] {
  if (!rangesOverlap(range, cut)) return [range];
  const parts: SerialRange[] = [];
  if (cut.start > range.start) parts.push({ start: range.start, count: cut.start - range.start });
  if (rangeEnd(cut) < rangeEnd(range))
    parts.push({ start: rangeEnd(cut), count: rangeEnd(range) - rangeEnd(cut) });
  return parts;
}

/** Sorted, merged union of ranges (adjacent ranges join). */
export function mergeRanges(ranges: readonly SerialRange[]): SerialRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: SerialRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= rangeEnd(last)) {
      last.count = Math.max(rangeEnd(last), rangeEnd(range)) - last.start;
    } else {
      merged.push({ start: range.start, count: range.count });
    }
  }
  return merged;
}

/** The serials still valid: issued ranges minus every revocation, as sorted disjoint ranges. */
export function validRanges(
  issued: readonly SerialRange[],
  revoked: readonly SerialRange[],
): SerialRange[] {
  let remaining = mergeRanges(issued);
  for (const cut of revoked) remaining = remaining.flatMap((range) => subtractRange(range, cut));
  return remaining;
}

export type SerialStatus =
  { status: 'valid' } | { status: 'revoked'; reason: string } | { status: 'not_issued' };

/** Where a serial stands. A revocation wins over the issue, so a lost roll stays dead. */
export function serialStatus(
  serial: number,
  issued: readonly SerialRange[],
  revoked: readonly RevokedRange[],
): SerialStatus {
  if (!issued.some((range) => rangeContains(range, serial))) return { status: 'not_issued' };
  const revocation = revoked.find((range) => rangeContains(range, serial));
  return revocation ? { status: 'revoked', reason: revocation.reason } : { status: 'valid' };
}

/** Checks a revocation request; null when it may be recorded. It must cover issued serials only. */
export function revocationProblem(
  issued: readonly SerialRange[],
  revocation: RevokedRange,
): Message | null {
  if (!isValidRange(revocation)) {
    return m.serialRangeInvalid;
  }
  if (revocation.reason.trim().length < 3) {
    return m.revokeReasonRequired;
  }
  if (!mergeRanges(issued).some((range) => rangeCovers(range, revocation))) {
    return m.revokeNotIssued;
  }
  return null;
}

/** Splits a range into consecutive chunks of at most `size` serials (e.g. one PDF or one job step each). */
export function* chunkRange(range: SerialRange, size: number): Generator<SerialRange> {
  if (!Number.isSafeInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a positive integer: ${size}`);
  for (let start = range.start; start < rangeEnd(range); start += size) {
    yield { start, count: Math.min(size, rangeEnd(range) - start) };
  }
}

/** Every serial of a range, lazily: a million-stamp range never becomes a million-element array. */
export function* serialsIn(range: SerialRange): Generator<number> {
  for (let serial = range.start; serial < rangeEnd(range); serial++) yield serial;
}
