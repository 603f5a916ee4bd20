import { describe, expect, it } from 'vitest';
import { isUserError } from '~/lib/errors';
import {
  CP_NAMESPACE,
  EPCIS_CONTEXT,
  toEpcisDocument,
  type EpcisBatch,
  type EpcisJourneyEvent,
} from '~/traceability/epcis';

const batch: EpcisBatch = {
  id: 12,
  lot: 'L2025/07',
  gtin: '8930000000019',
  productId: 7,
  productionDate: '2025-07-01',
  expiryDate: '2026-07-01',
};
const at = (day: number) => `2025-07-${String(day).padStart(2, '0')}T02:00:00.000Z`;
const event = (
  id: number,
  kind: EpcisJourneyEvent['kind'],
  day: number,
  extra: Partial<EpcisJourneyEvent> = {},
) => ({
  id,
  kind,
  occurredAt: at(day),
  communeCode: '02896',
  details: {},
  ...extra,
});

const events: EpcisJourneyEvent[] = [
  event(1, 'planting', 1, { gps: { lat: 21.6, lng: 104.1 } }),
  event(2, 'care', 2, {
    details: { product: 'Phân hữu cơ vi sinh', dose: '2 kg/sào', preHarvestIntervalDays: 14 },
  }),
  event(3, 'harvest', 3),
  event(4, 'processing', 4, {
    inputBatchLots: [
      { batchId: 10, lot: 'TUOI-01', gtin: null },
      { batchId: 11, lot: 'A&B', gtin: '08930000000026' },
    ],
  }),
  event(5, 'packaging', 5),
  event(6, 'inspection', 6, { details: { passed: true, document: '/uploads/kq.pdf' } }),
  event(7, 'shipping', 7),
  event(8, 'correction', 8, {
    correctsEventId: 2,
    recordedAt: '2025-07-08T03:00:00.000Z',
    details: { dose: '1 kg/sào' },
  }),
];

describe('toEpcisDocument', () => {
  const doc = toEpcisDocument(batch, events, new Date('2025-08-01T00:00:00.000Z'));
  const list = doc.epcisBody.eventList as Array<Record<string, unknown>>;
  const byId = (id: number) => {
    const event = list.find((e) => e.eventID === `${CP_NAMESPACE}event/${id}`);
    if (!event) throw new Error(`no event ${id}`);
    return event;
  };

  it('has the EPCIS 2.0 document header and our namespaced context', () => {
    expect(doc['@context']).toEqual([EPCIS_CONTEXT, { cp: CP_NAMESPACE }]);
    expect(doc.type).toBe('EPCISDocument');
    expect(doc.schemaVersion).toBe('2.0');
    expect(doc.creationDate).toBe('2025-08-01T00:00:00.000Z');
    expect(list).toHaveLength(events.length);
  });
  it('gives every event the required when/what/where/why keys', () => {
    for (const e of list) {
      expect(e.type).toMatch(/^(ObjectEvent|TransformationEvent)$/);
      expect(e.eventTime).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
      expect(e.eventTimeZoneOffset).toBe('+07:00');
      expect(e.eventID).toMatch(/^https:\/\//);
      expect(e.bizLocation).toEqual({ id: `${CP_NAMESPACE}commune/02896` });
      expect(typeof e.bizStep).toBe('string');
      if (e.type === 'ObjectEvent') {
        expect(['ADD', 'OBSERVE']).toContain(e.action);
        expect(e.quantityList).toEqual([
          { epcClass: 'https://id.gs1.org/01/08930000000019/10/L2025%2F07' },
        ]);
      }
    }
    expect(list.map((e) => e.eventTime)).toEqual([...list.map((e) => e.eventTime)].sort());
  });
  it('uses CBV 2.0 business steps as bare words, and our own URIs where CBV has none', () => {
    expect(list.map((e) => e.bizStep)).toEqual([
      'commissioning',
      `${CP_NAMESPACE}bizstep/caring`,
      `${CP_NAMESPACE}bizstep/harvesting`,
      'commissioning',
      'packing',
      'inspecting',
      'shipping',
      `${CP_NAMESPACE}bizstep/caring`, // the correction restates a care event
    ]);
    expect(byId(1).action).toBe('ADD');
    expect(byId(1).disposition).toBe('active');
    expect(byId(7).disposition).toBe('in_transit');
    expect(byId(1).readPoint).toEqual({ id: 'geo:21.6,104.1' });
    expect(byId(2).readPoint).toBeUndefined();
    expect(byId(1).ilmd).toEqual({
      'cp:productId': 7,
      'cp:lot': 'L2025/07',
      'cp:productionDate': '2025-07-01',
      'cp:expiryDate': '2026-07-01',
    });
  });
  it('turns processing into a TransformationEvent from input lots to this lot', () => {
    const transformation = byId(4);
    expect(transformation.type).toBe('TransformationEvent');
    expect(transformation.action).toBeUndefined();
    expect(transformation.inputQuantityList).toEqual([
      { epcClass: `${CP_NAMESPACE}batch/10` },
      { epcClass: 'https://id.gs1.org/01/08930000000026/10/A%26B' },
    ]);
    expect(transformation.outputQuantityList).toEqual([
      { epcClass: 'https://id.gs1.org/01/08930000000019/10/L2025%2F07' },
    ]);
  });
  it('keeps our facts in the cp: extension', () => {
    expect(byId(2)['cp:eventKind']).toBe('care');
    expect(byId(2)['cp:details']).toEqual({
      product: 'Phân hữu cơ vi sinh',
      dose: '2 kg/sào',
      preHarvestIntervalDays: 14,
    });
    expect(byId(6)['cp:details']).toEqual({ passed: true, document: '/uploads/kq.pdf' });
  });
  it('shows a correction and the original, linked both ways', () => {
    const original = byId(2);
    const correction = byId(8);
    expect(original.errorDeclaration).toEqual({
      declarationTime: '2025-07-08T03:00:00.000Z',
      reason: 'incorrect_data',
      correctiveEventIDs: [`${CP_NAMESPACE}event/8`],
    });
    expect(correction['cp:eventKind']).toBe('correction');
    expect(correction['cp:corrects']).toBe(`${CP_NAMESPACE}event/2`);
    expect(correction['cp:details']).toEqual({ dose: '1 kg/sào' });
    expect(correction.errorDeclaration).toBeUndefined();
  });
  it('uses our batch URI as the class for products without a GTIN', () => {
    const noGtin = toEpcisDocument({ ...batch, gtin: null }, events.slice(0, 1));
    expect((noGtin.epcisBody.eventList[0] as Record<string, unknown>).quantityList).toEqual([
      { epcClass: `${CP_NAMESPACE}batch/12` },
    ]);
  });
  it('gives an empty event list for a batch with no events', () => {
    expect(toEpcisDocument(batch, []).epcisBody.eventList).toEqual([]);
  });
  it('rejects a correction that points nowhere, or corrections in a loop', () => {
    const dangling = () =>
      toEpcisDocument(batch, [event(9, 'correction', 9, { correctsEventId: 99 })]);
    expect(dangling).toThrow(/does not point/);
    try {
      dangling();
    } catch (error) {
      expect(isUserError(error) && error.status).toBe(400);
    }
    expect(() => toEpcisDocument(batch, [event(9, 'correction', 9)])).toThrow(/does not point/);
    const loop = [
      event(1, 'correction', 1, { correctsEventId: 2 }),
      event(2, 'correction', 2, { correctsEventId: 1 }),
    ];
    expect(() => toEpcisDocument(batch, loop)).toThrow(/loop/);
  });
});
