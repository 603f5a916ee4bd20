import { describe, expect, it } from 'vitest';
import {
  chunkRange,
  isValidRange,
  MAX_SERIAL,
  mergeRanges,
  nextRange,
  issueCountProblem,
  parseSerial,
  rangeContains,
  revocationProblem,
  serialsIn,
  serialStatus,
  serialToString,
  subtractRange,
  validRanges,
} from '~/traceability/serials';

describe('serial strings', () => {
  it('are plain decimal with one string per number', () => {
    expect(serialToString(1)).toBe('1');
    expect(serialToString(1_000_000)).toBe('1000000');
    expect(parseSerial('1000000')).toBe(1_000_000);
    for (const bad of ['0', '007', '-1', '1e3', '12a', '', ' 1', '1.0', '9'.repeat(16)])
      expect(parseSerial(bad), bad).toBeNull();
    for (const bad of [0, -1, 1.5, MAX_SERIAL + 1, Number.NaN])
      expect(() => serialToString(bad)).toThrow();
  });
});

describe('issuing ranges', () => {
  it('issues a million stamps as one range, after what was issued before', () => {
    expect(nextRange([], 1_000_000)).toEqual({ start: 1, count: 1_000_000 });
    expect(
      nextRange(
        [
          { start: 1, count: 500 },
          { start: 501, count: 100 },
        ],
        10,
      ),
    ).toEqual({ start: 601, count: 10 });
  });
  it('never reuses serials, even of revoked ranges', () => {
    expect(nextRange([{ start: 1, count: 500 }], 1).start).toBe(501);
  });
  it('refuses counts outside 1..1,000,000 with a bilingual message', () => {
    for (const bad of [0, -5, 1.5, 1_000_001, Number.NaN]) {
      expect(issueCountProblem(bad)?.vi).toContain('1.000.000');
      expect(() => nextRange([], bad)).toThrow();
    }
    expect(issueCountProblem(1)).toBeNull();
    expect(issueCountProblem(1_000_000)).toBeNull();
  });
  it('refuses to run past the serial space', () => {
    expect(() => nextRange([{ start: MAX_SERIAL - 5, count: 5 }], 10)).toThrow(/exhausted/);
  });
  it('validates ranges', () => {
    expect(isValidRange({ start: 1, count: 1 })).toBe(true);
    expect(isValidRange({ start: 0, count: 1 })).toBe(false);
    expect(isValidRange({ start: 1, count: 0 })).toBe(false);
    expect(isValidRange({ start: 1.5, count: 2 })).toBe(false);
  });
});

describe('membership and revocation', () => {
  const issued = [{ start: 1, count: 1_000_000 }];
  const revoked = [{ start: 1001, count: 500, reason: 'Mất cuộn tem' }];

  it('tells valid, revoked and never-issued serials apart', () => {
    expect(serialStatus(1, issued, revoked)).toEqual({ status: 'valid' });
    expect(serialStatus(1000, issued, revoked)).toEqual({ status: 'valid' });
    expect(serialStatus(1001, issued, revoked)).toEqual({
      status: 'revoked',
      reason: 'Mất cuộn tem',
    });
    expect(serialStatus(1500, issued, revoked)).toEqual({
      status: 'revoked',
      reason: 'Mất cuộn tem',
    });
    expect(serialStatus(1501, issued, revoked)).toEqual({ status: 'valid' });
    expect(serialStatus(1_000_000, issued, revoked)).toEqual({ status: 'valid' });
    expect(serialStatus(1_000_001, issued, revoked)).toEqual({ status: 'not_issued' });
    expect(serialStatus(0, issued, revoked)).toEqual({ status: 'not_issued' });
    expect(issued.some((range) => rangeContains(range, 1_000_000))).toBe(true);
  });
  it('splits ranges around a cut', () => {
    expect(subtractRange({ start: 1, count: 100 }, { start: 11, count: 10 })).toEqual([
      { start: 1, count: 10 },
      { start: 21, count: 80 },
    ]);
    expect(subtractRange({ start: 1, count: 100 }, { start: 1, count: 10 })).toEqual([
      { start: 11, count: 90 },
    ]);
    expect(subtractRange({ start: 1, count: 100 }, { start: 91, count: 50 })).toEqual([
      { start: 1, count: 90 },
    ]);
    expect(subtractRange({ start: 1, count: 100 }, { start: 1, count: 100 })).toEqual([]);
    expect(subtractRange({ start: 1, count: 100 }, { start: 101, count: 5 })).toEqual([
      { start: 1, count: 100 },
    ]);
  });
  it('merges and lists the still-valid ranges', () => {
    expect(
      mergeRanges([
        { start: 11, count: 5 },
        { start: 1, count: 10 },
        { start: 30, count: 1 },
      ]),
    ).toEqual([
      { start: 1, count: 15 },
      { start: 30, count: 1 },
    ]);
    expect(validRanges(issued, [...revoked, { start: 999_001, count: 1000, reason: 'x' }])).toEqual(
      [
        { start: 1, count: 1000 },
        { start: 1501, count: 997_500 },
      ],
    );
  });
  it('checks revocation requests', () => {
    expect(revocationProblem(issued, { start: 5, count: 10, reason: 'Cuộn bị mất' })).toBeNull();
    expect(
      revocationProblem(issued, { start: 999_999, count: 10, reason: 'Cuộn bị mất' })?.en,
    ).toMatch(/never issued/);
    expect(revocationProblem(issued, { start: 0, count: 10, reason: 'Cuộn bị mất' })?.en).toMatch(
      /invalid/,
    );
    expect(revocationProblem(issued, { start: 5, count: 10, reason: '  ' })?.vi).toMatch(/lý do/);
    // a revocation may span two adjacent issues
    expect(
      revocationProblem(
        [
          { start: 1, count: 10 },
          { start: 11, count: 10 },
        ],
        { start: 5, count: 10, reason: 'mất' },
      ),
    ).toBeNull();
  });
});

describe('iterating', () => {
  it('chunks a range and walks it lazily', () => {
    expect([...chunkRange({ start: 1, count: 250 }, 100)]).toEqual([
      { start: 1, count: 100 },
      { start: 101, count: 100 },
      { start: 201, count: 50 },
    ]);
    expect([...serialsIn({ start: 5, count: 3 })]).toEqual([5, 6, 7]);
    expect(() => [...chunkRange({ start: 1, count: 5 }, 0)]).toThrow();
  });
});
