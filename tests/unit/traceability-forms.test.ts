import { describe, expect, it } from 'vitest';
import { isUserError } from '~/lib/errors';
import { parseBatchForm, parseEventForm } from '~/traceability/batches.server';
import { parseReportForm } from '~/traceability/scans.server';

const reader = (fields: Record<string, string>) => (name: string) => fields[name] ?? '';
const batch = {
  lotCode: 'L2026-07',
  producedOn: '01/07/2026',
  quantity: '500',
  quantityUnit: 'kg',
  communeCode: '03390',
};

function refusal(run: () => unknown): { field: string | undefined; vi: string } {
  try {
    run();
  } catch (error) {
    if (isUserError(error)) return { field: error.field, vi: error.userMessage.vi };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('batch form', () => {
  it('reads a complete batch, dates as YYYY-MM-DD and GPS as numbers', () => {
    expect(
      parseBatchForm(
        reader({
          ...batch,
          expiresOn: '2027-07-01',
          latitude: '22,396',
          longitude: '103.45',
          areaName: 'Đồi chè',
        }),
      ),
    ).toEqual({
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
    const problem = refusal(() => parseBatchForm(reader({ ...batch, ...change })));
    expect(problem.field).toBe(field);
    expect(problem.vi).toContain(message);
  });
});

describe('journey event form', () => {
  it('turns a Vietnamese date and time into UTC and keeps only the fields of the kind', () => {
    const event = parseEventForm(
      reader({
        kind: 'care',
        date: '10/04/2026',
        time: '07:30',
        inputProduct: 'Phân vi sinh',
        dose: '2 kg/sào',
        preHarvestDays: '7',
        result: 'ignored',
      }),
    );
    expect(event.occurredAt).toBe('2026-04-10T00:30:00.000Z');
    expect(event.details).toEqual({
      inputProduct: 'Phân vi sinh',
      dose: '2 kg/sào',
      preHarvestDays: 7,
    });
    expect(event.correctsEventId).toBeNull();
  });

  it('reads processing inputs and corrections', () => {
    const event = parseEventForm(
      reader({
        kind: 'processing',
        date: '2026-07-02',
        inputBatchIds: '4, 7;4 9',
        correctsEventId: '12',
      }),
    );
    expect(event.details.inputBatchIds).toEqual([4, 7, 9]);
    expect(event.correctsEventId).toBe(12);
  });

  it.each([
    [{ kind: 'selling' }, 'kind'],
    [{ kind: 'harvest', date: '' }, 'date'],
    [{ kind: 'harvest', date: '01/07/2026', time: '25:00' }, 'time'],
    [{ kind: 'care', date: '01/07/2026', dose: '1 l' }, 'inputProduct'],
    [
      { kind: 'care', date: '01/07/2026', inputProduct: 'X', dose: '1 l', preHarvestDays: 'mười' },
      'preHarvestDays',
    ],
    [{ kind: 'inspection', date: '01/07/2026' }, 'result'],
    [{ kind: 'processing', date: '01/07/2026', inputBatchIds: 'lô 4' }, 'inputBatchIds'],
    [{ kind: 'harvest', date: '01/07/2026', correctsEventId: 'x' }, 'correctsEventId'],
  ])('refuses %o on %s', (fields, field) => {
    expect(refusal(() => parseEventForm(reader(fields))).field).toBe(field);
  });
});

describe('suspicious product report form', () => {
  it('needs a message of 10 to 2,000 characters and keeps a valid serial only', () => {
    expect(parseReportForm(reader({ message: 'Bao bì khác mẫu', serial: '0042' }))).toEqual({
      message: 'Bao bì khác mẫu',
      contact: null,
      serial: null,
    });
    expect(
      parseReportForm(reader({ message: 'Bao bì khác mẫu', serial: '42', contact: '0912' })),
    ).toEqual({ message: 'Bao bì khác mẫu', contact: '0912', serial: 42 });
    expect(refusal(() => parseReportForm(reader({ message: 'giả' }))).field).toBe('message');
    expect(refusal(() => parseReportForm(reader({ message: 'x'.repeat(2001) }))).field).toBe(
      'message',
    );
    expect(
      refusal(() =>
        parseReportForm(reader({ message: 'Bao bì khác mẫu', contact: 'x'.repeat(201) })),
      ).field,
    ).toBe('contact');
  });
});
