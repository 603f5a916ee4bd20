import { describe, expect, it } from 'vitest';
import {
  addMonths,
  formatCalendarDate,
  formatDateTime,
  parseCalendarDate,
  todayInVietnam,
} from '~/lib/dates';
import { gtinCheckDigit, isValidGtin, toGtin14 } from '~/lib/gtin';
import { formatVnd, isWholeVnd, parseVnd } from '~/lib/money';

describe('money', () => {
  it('formats whole đồng with dot separators and ₫', () => {
    expect(formatVnd(120000)).toBe('120.000 ₫');
    expect(formatVnd(1500000)).toBe('1.500.000 ₫');
    expect(formatVnd(999)).toBe('999 ₫');
    expect(formatVnd(0)).toBe('0 ₫');
    expect(formatVnd(-45000)).toBe('-45.000 ₫');
  });
  it('refuses fractions: VND has no minor unit', () => {
    expect(() => formatVnd(1.5)).toThrow();
    expect(isWholeVnd(1.5)).toBe(false);
    expect(isWholeVnd(-1)).toBe(false);
    expect(isWholeVnd(120000)).toBe(true);
  });
  it('parses prices as people type them', () => {
    expect(parseVnd('120000')).toBe(120000);
    expect(parseVnd('120.000')).toBe(120000);
    expect(parseVnd('120,000 ₫')).toBe(120000);
    expect(parseVnd('45000đ')).toBe(45000);
    expect(parseVnd('12.5')).toBeNull();
    expect(parseVnd('abc')).toBeNull();
    expect(parseVnd('')).toBeNull();
  });
});

describe('dates', () => {
  it('parses YYYY-MM-DD and DD/MM/YYYY and rejects impossible dates', () => {
    expect(parseCalendarDate('2024-05-10')).toBe('2024-05-10');
    expect(parseCalendarDate('10/05/2024')).toBe('2024-05-10');
    expect(parseCalendarDate('1/5/2024')).toBe('2024-05-01');
    expect(parseCalendarDate('31/02/2025')).toBeNull();
    expect(parseCalendarDate('2025-13-01')).toBeNull();
    expect(parseCalendarDate('05/10/24')).toBeNull();
    expect(parseCalendarDate('')).toBeNull();
  });
  it('adds 36 months for certificate expiry, clamping month ends', () => {
    expect(addMonths('2024-05-10', 36)).toBe('2027-05-10');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
  });
  it('shows dates as dd/mm/yyyy and times in Vietnam time', () => {
    expect(formatCalendarDate('2027-01-31')).toBe('31/01/2027');
    expect(formatDateTime('2026-11-22T17:30:00.000Z')).toBe('23/11/2026 00:30');
    expect(todayInVietnam(new Date('2026-11-22T17:30:00Z'))).toBe('2026-11-23');
  });
});

describe('GTIN', () => {
  it('computes GS1 check digits', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1);
    // 9·3+8+7·3+6+5·3+4+3·3+2+1·3+3+9·3+8 = 133 → 10 − 3 = 7
    expect(gtinCheckDigit('893123456789')).toBe(7);
  });
  it('validates GTIN-8/12/13/14 and rejects wrong check digits', () => {
    expect(isValidGtin('4006381333931')).toBe(true);
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('96385074')).toBe(true);
    expect(isValidGtin('036000291452')).toBe(true);
    expect(isValidGtin('12345')).toBe(false);
    expect(isValidGtin('400638133393a')).toBe(false);
    expect(toGtin14('4006381333931')).toBe('04006381333931');
  });
});
