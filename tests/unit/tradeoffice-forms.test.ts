import { describe, expect, it } from 'vitest';
import { tradeofficeMessages as m } from '~/i18n/messages/tradeoffice';
import { parseSubmission } from '~/lib/form';
import { exportRequestSchema } from '~/tradeoffice/export-tables';
import {
  confirmMatchSchema,
  importRegisterSchema,
  reviewDecisionSchema,
} from '~/tradeoffice/forms';
import { officerProvince } from '~/tradeoffice/province.server';
import { reportPeriodSchema, searchRefusal } from '~/tradeoffice/report-period';
import { monthsBetween } from '~/tradeoffice/report.server';

const form = (fields: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const said = (message: { vi: string; en: string }) => ({ vi: message.vi, en: message.en });
const errorsOf = (result: { ok: boolean; fieldErrors?: Record<string, unknown> }) =>
  result.ok ? {} : result.fieldErrors;

describe('the register forms', () => {
  it('need a chosen, non-empty file to import', () => {
    const file = new Blob(['product_name,…'], { type: 'text/csv' });
    expect(parseSubmission(importRegisterSchema, form({ file })).ok).toBe(true);
    expect(errorsOf(parseSubmission(importRegisterSchema, form({})))).toEqual({
      file: said(m.registerFileRequired),
    });
    expect(errorsOf(parseSubmission(importRegisterSchema, form({ file: new Blob([]) })))).toEqual({
      file: said(m.registerFileRequired),
    });
  });

  it('read a match as two ids, no listing clearing it', () => {
    expect(parseSubmission(confirmMatchSchema, form({ entryId: '7', productId: '12' }))).toEqual({
      ok: true,
      value: { entryId: 7, productId: 12 },
    });
    expect(parseSubmission(confirmMatchSchema, form({ entryId: '7', productId: '' }))).toEqual({
      ok: true,
      value: { entryId: 7, productId: null },
    });
    expect(parseSubmission(confirmMatchSchema, form({ entryId: 'x' })).ok).toBe(false);
  });
});

describe('the review decision', () => {
  it('reads what, which, the decision and its reason', () => {
    expect(
      parseSubmission(
        reviewDecisionSchema,
        form({ intent: 'listing', id: '3', decision: 'request_changes', reason: 'Ảnh mờ' }),
      ),
    ).toEqual({
      ok: true,
      value: { intent: 'listing', id: 3, decision: 'request_changes', reason: 'Ảnh mờ' },
    });
    expect(
      parseSubmission(reviewDecisionSchema, form({ intent: 'ocop', id: '3', decision: 'approve' })),
    ).toMatchObject({ ok: true, value: { reason: '' } });
  });

  it('refuses unknown decisions and subjects with our messages', () => {
    const result = parseSubmission(
      reviewDecisionSchema,
      form({ intent: 'user', id: '3', decision: 'maybe' }),
    );
    expect(errorsOf(result)).toEqual({
      intent: said(m.unknownIntent),
      decision: said(m.reviewDecisionInvalid),
    });
  });
});

describe('the GET parameters', () => {
  it('read a report period in either date form, and refuse an impossible date', () => {
    const params = new URLSearchParams({ tinh: '12', tu: '2026-09-01', den: '30/11/2026' });
    expect(parseSubmission(reportPeriodSchema, params)).toEqual({
      ok: true,
      value: { tinh: '12', tu: '2026-09-01', den: '2026-11-30' },
    });
    expect(parseSubmission(reportPeriodSchema, new URLSearchParams())).toEqual({
      ok: true,
      value: { tu: null, den: null },
    });
    const bad = parseSubmission(reportPeriodSchema, new URLSearchParams({ den: '31/02/2026' }));
    if (bad.ok) throw new Error('accepted 31/02');
    const error = searchRefusal(bad);
    expect(error).toMatchObject({ status: 400, field: 'den' });
    expect(error.userMessage.vi).toBe(m.reportPeriodInvalid.vi);
  });

  it('give the KPI tables for an unknown or missing export table', () => {
    const table = (bang?: string) => {
      const result = parseSubmission(
        exportRequestSchema,
        new URLSearchParams(bang === undefined ? {} : { bang }),
      );
      return result.ok ? result.value.bang : null;
    };
    expect(table('tem')).toBe('tem');
    expect(table('bao-cao-thang')).toBe('bao-cao-thang');
    expect(table('bogus')).toBe('kpi');
    expect(table()).toBe('kpi');
  });

  it("pick the officer's first province unless one is asked for; Lai Châu for an admin", () => {
    const officer = { isAdmin: false, officerProvinceCodes: ['15', '12'] };
    expect(officerProvince(officer, null)).toBe('15');
    expect(officerProvince(officer, '12')).toBe('12');
    expect(officerProvince({ isAdmin: true, officerProvinceCodes: [] }, null)).toBe('12');
    expect(officerProvince({ isAdmin: false, officerProvinceCodes: [] }, null)).toBe('');
  });

  it('count the months of a period, at most 36', () => {
    expect(monthsBetween('2026-09-01', '2026-11-30')).toBe(3);
    expect(monthsBetween('2026-11-05', '2026-11-06')).toBe(1);
    expect(monthsBetween('2025-12-01', '2026-01-31')).toBe(2);
    expect(monthsBetween('2020-01-01', '2026-01-31')).toBe(36);
  });
});
