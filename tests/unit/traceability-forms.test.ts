import { describe, expect, it } from 'vitest';
import { traceabilityMessages as m } from '~/i18n/messages/traceability';
import { parseSubmission } from '~/lib/form';
import { batchFormSchema } from '~/traceability/batch-form';
import { journeyEventFormSchema } from '~/traceability/event-form';
import {
  issueStampsSchema,
  printLabelsSchema,
  revokeStampsSchema,
  suspiciousReportSchema,
} from '~/traceability/stamp-forms';

function form(fields: Record<string, string | Blob>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}
const batch = {
  lotCode: 'L2026-07',
  producedOn: '01/07/2026',
  quantity: '500',
  quantityUnit: 'kg',
  communeCode: '03390',
};

/** A declared message as the form helper hands it back (without its key). */
const said = (message: { vi: string; en: string }) => ({ vi: message.vi, en: message.en });

/** The message the schema gives a field, in Vietnamese (undefined when the form was accepted). */
function refusal(schema: Parameters<typeof parseSubmission>[0], fields: Record<string, string>) {
  const result = parseSubmission(schema, form(fields));
  if (result.ok) throw new Error('expected a refusal');
  return result.fieldErrors;
}

describe('batch form', () => {
  it('reads a complete batch, dates as YYYY-MM-DD and GPS as numbers', () => {
    expect(
      parseSubmission(
        batchFormSchema,
        form({
          ...batch,
          expiresOn: '2027-07-01',
          latitude: '22,396',
          longitude: '103.45',
          areaName: 'Đồi chè',
        }),
      ),
    ).toEqual({
      ok: true,
      value: {
        lotCode: 'L2026-07',
        producedOn: '2026-07-01',
        expiresOn: '2027-07-01',
        quantity: 500,
        quantityUnit: 'kg',
        communeCode: '03390',
        latitude: 22.396,
        longitude: 103.45,
        areaName: 'Đồi chè',
        notes: '',
      },
    });
  });

  it.each([
    [{ lotCode: '' }, 'lotCode', 'Hãy nhập mã lô'],
    [{ lotCode: 'Lô chè 1' }, 'lotCode', 'không dấu'],
    [{ lotCode: 'L'.repeat(21) }, 'lotCode', 'tối đa 20 ký tự'],
    [{ producedOn: '30/02/2026' }, 'producedOn', 'không hợp lệ'],
    [{ expiresOn: '01/06/2026' }, 'expiresOn', 'phải sau ngày sản xuất'],
    [{ quantity: '-3' }, 'quantity', 'số nguyên dương'],
    [{ quantity: '2.5' }, 'quantity', 'số nguyên dương'],
    [{ quantityUnit: '' }, 'quantityUnit', 'đơn vị'],
    [{ communeCode: '' }, 'communeCode', 'xã/phường'],
    [{ latitude: '95', longitude: '100' }, 'latitude', 'Vĩ độ'],
    [{ longitude: '100' }, 'latitude', 'cả vĩ độ và kinh độ'],
  ])('refuses %o on %s in Vietnamese', (change, field, message) => {
    expect(refusal(batchFormSchema, { ...batch, ...change })[field]?.vi).toContain(message);
  });

  it('answers in English too, and names every bad field at once', () => {
    const errors = refusal(batchFormSchema, { ...batch, lotCode: '', quantity: 'x' });
    expect(errors.lotCode).toEqual(said(m.lotRequired));
    expect(errors.quantity?.en).toBe(m.quantityPositive.en);
  });
});

describe('journey event form', () => {
  it('turns a Vietnamese date and time into UTC and keeps only the fields of the kind', () => {
    const result = parseSubmission(
      journeyEventFormSchema,
      form({
        kind: 'care',
        date: '10/04/2026',
        time: '07:30',
        inputProduct: 'Phân vi sinh',
        dose: '2 kg/sào',
        preHarvestDays: '7',
        result: 'ignored',
      }),
    );
    if (!result.ok) throw new Error('refused');
    expect(result.value.occurredAt).toBe('2026-04-10T00:30:00.000Z');
    expect(result.value.details).toEqual({
      inputProduct: 'Phân vi sinh',
      dose: '2 kg/sào',
      preHarvestDays: 7,
    });
    expect(result.value.correctsEventId).toBeNull();
    expect(result.value.photos).toEqual([]);
    expect(result.value.document).toBeNull();
  });

  it('reads processing inputs, corrections and the chosen files (not the empty ones)', () => {
    const data = form({
      kind: 'processing',
      date: '2026-07-02',
      inputBatchIds: '4, 7;4 9',
      correctsEventId: '12',
    });
    data.append('photo', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }));
    data.append('photo', new Blob([], { type: 'application/octet-stream' }));
    const result = parseSubmission(journeyEventFormSchema, data);
    if (!result.ok) throw new Error('refused');
    expect(result.value.details.inputBatchIds).toEqual([4, 7, 9]);
    expect(result.value.correctsEventId).toBe(12);
    expect(result.value.photos).toHaveLength(1);
    expect(result.value.occurredAt).toBe('2026-07-02T01:00:00.000Z');
  });

  it.each([
    [{ kind: 'selling' }, 'kind', m.eventKindRequired],
    [{ kind: 'harvest', date: '' }, 'date', m.eventDateInvalid],
    [{ kind: 'harvest', date: '01/07/2026', time: '25:00' }, 'time', m.eventTimeInvalid],
    [{ kind: 'care', date: '01/07/2026', dose: '1 l' }, 'inputProduct', m.inputProductRequired],
    [
      { kind: 'care', date: '01/07/2026', inputProduct: 'X', dose: '1 l', preHarvestDays: 'mười' },
      'preHarvestDays',
      m.preHarvestDaysInvalid,
    ],
    [{ kind: 'inspection', date: '01/07/2026' }, 'result', m.inspectionResultRequired],
    [
      { kind: 'processing', date: '01/07/2026', inputBatchIds: 'lô 4' },
      'inputBatchIds',
      m.inputBatchIdsFormat,
    ],
    [
      { kind: 'harvest', date: '01/07/2026', correctsEventId: 'x' },
      'correctsEventId',
      m.correctsEventInvalid,
    ],
  ])('refuses %o on %s', (fields, field, message) => {
    expect(refusal(journeyEventFormSchema, fields)[field]).toEqual(said(message));
  });
});

describe('stamp forms', () => {
  it('reads counts typed with thousands separators', () => {
    expect(parseSubmission(issueStampsSchema, form({ count: '1.000' }))).toEqual({
      ok: true,
      value: { count: 1000 },
    });
    expect(
      parseSubmission(revokeStampsSchema, form({ start: '1 001', count: '10', reason: 'Mất' })),
    ).toEqual({ ok: true, value: { start: 1001, count: 10, reason: 'Mất' } });
    expect(refusal(issueStampsSchema, { count: 'mười' }).count).toEqual(said(m.positiveNumber));
    expect(refusal(revokeStampsSchema, { start: '', count: '1', reason: 'x' }).start).toEqual(
      said(m.positiveNumber),
    );
  });

  it('reads the print request, A4 65 by default, and refuses unknown layouts', () => {
    const params = new URLSearchParams({ start: '5', count: '8' });
    expect(parseSubmission(printLabelsSchema, params)).toEqual({
      ok: true,
      value: { layout: 'a4-65', start: 5, count: 8 },
    });
    params.set('layout', 'a5');
    const result = parseSubmission(printLabelsSchema, params);
    expect(result.ok ? null : result.fieldErrors.layout).toEqual(said(m.labelLayoutUnknown));
  });
});

describe('suspicious product report form', () => {
  it('needs a message of 10 to 2,000 characters and keeps a valid serial only', () => {
    expect(
      parseSubmission(suspiciousReportSchema, form({ message: 'Bao bì khác mẫu', serial: '0042' })),
    ).toEqual({ ok: true, value: { message: 'Bao bì khác mẫu', contact: null, serial: null } });
    expect(
      parseSubmission(
        suspiciousReportSchema,
        form({ message: 'Bao bì khác mẫu', serial: '42', contact: '0912' }),
      ),
    ).toEqual({ ok: true, value: { message: 'Bao bì khác mẫu', contact: '0912', serial: 42 } });
    expect(refusal(suspiciousReportSchema, { message: 'giả' }).message).toEqual(
      said(m.reportMessageShort),
    );
    expect(refusal(suspiciousReportSchema, { message: 'x'.repeat(2001) }).message).toEqual(
      said(m.reportMessageLong),
    );
    expect(
      refusal(suspiciousReportSchema, { message: 'Bao bì khác mẫu', contact: 'x'.repeat(201) })
        .contact,
    ).toEqual(said(m.reportContactLong));
  });
});
