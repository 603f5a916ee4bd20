import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DELIVERY_FEES,
  deliveryFee,
  deliveryFeeTableSchema,
  type DeliveryFeeTable,
  type ShipmentForFee,
} from '~/orders/delivery-fee';
import { isUserError } from '~/lib/errors';

const TABLE: DeliveryFeeTable = {
  sameProvince: [
    { upToGrams: 500, feeVnd: 15_000 },
    { upToGrams: 2_000, feeVnd: 25_000 },
  ],
  otherProvince: [
    { upToGrams: 500, feeVnd: 30_000 },
    { upToGrams: 2_000, feeVnd: 45_000 },
  ],
  extraStepGrams: 1_000,
  extraPerStepVnd: { sameProvince: 4_000, otherProvince: 7_000 },
};
// Lào Cai (15) to Lào Cai, or to Hà Nội (01).
const base: ShipmentForFee = {
  fromProvinceCode: '15',
  toProvinceCode: '15',
  weightGrams: 400,
  subtotalVnd: 200_000,
};

describe('deliveryFee', () => {
  it.each([
    ['same province, first step', { weightGrams: 400 }, 15_000, 'sameProvince'],
    ['same province, exactly on a step', { weightGrams: 500 }, 15_000, 'sameProvince'],
    ['same province, one gram over', { weightGrams: 501 }, 25_000, 'sameProvince'],
    ['other province, first step', { toProvinceCode: '01' }, 30_000, 'otherProvince'],
    [
      'other province, second step',
      { toProvinceCode: '01', weightGrams: 2_000 },
      45_000,
      'otherProvince',
    ],
    ['past the table, one step begun', { weightGrams: 2_001 }, 29_000, 'sameProvince'],
    ['past the table, exactly two steps', { weightGrams: 4_000 }, 33_000, 'sameProvince'],
    [
      'past the table elsewhere, three steps begun',
      { toProvinceCode: '01', weightGrams: 4_500 },
      66_000,
      'otherProvince',
    ],
  ] as const)('%s', (_, change, feeVnd, zone) => {
    expect(deliveryFee({ ...base, ...change }, TABLE)).toEqual({ feeVnd, free: false, zone });
  });

  it('is free from the cooperative threshold on, and only then', () => {
    expect(
      deliveryFee({ ...base, toProvinceCode: '01', freeDeliveryFromVnd: 200_000 }, TABLE),
    ).toEqual({ feeVnd: 0, free: true, zone: 'otherProvince' });
    expect(
      deliveryFee({ ...base, subtotalVnd: 199_999, freeDeliveryFromVnd: 200_000 }, TABLE),
    ).toEqual({ feeVnd: 15_000, free: false, zone: 'sameProvince' });
    expect(deliveryFee({ ...base, freeDeliveryFromVnd: null }, TABLE).free).toBe(false);
  });

  it('uses the default table when none is given, in whole đồng', () => {
    const fee = deliveryFee({ ...base, toProvinceCode: '79', weightGrams: 7_300 });
    expect(Number.isSafeInteger(fee.feeVnd)).toBe(true);
    expect(fee).toEqual(
      deliveryFee({ ...base, toProvinceCode: '79', weightGrams: 7_300 }, DEFAULT_DELIVERY_FEES),
    );
  });

  it.each([
    ['a zero weight', { weightGrams: 0 }, 'weightGrams'],
    ['a negative weight', { weightGrams: -100 }, 'weightGrams'],
    ['a fractional weight', { weightGrams: 250.5 }, 'weightGrams'],
    ['a negative subtotal', { subtotalVnd: -1 }, 'subtotalVnd'],
    ['a fractional subtotal', { subtotalVnd: 1000.5 }, 'subtotalVnd'],
    ['a zero threshold', { freeDeliveryFromVnd: 0 }, 'freeDeliveryFromVnd'],
    ['a fractional threshold', { freeDeliveryFromVnd: 99_999.5 }, 'freeDeliveryFromVnd'],
    ['no destination province', { toProvinceCode: '' }, 'toProvinceCode'],
  ] as const)('refuses %s with a 400 on that field', (_, change, field) => {
    try {
      deliveryFee({ ...base, ...change }, TABLE);
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error) && error.status).toBe(400);
      expect(isUserError(error) && error.field).toBe(field);
    }
  });
});

describe('deliveryFeeTableSchema', () => {
  it('accepts the default table and the test table', () => {
    expect(deliveryFeeTableSchema.parse(DEFAULT_DELIVERY_FEES)).toEqual(DEFAULT_DELIVERY_FEES);
    expect(deliveryFeeTableSchema.safeParse(TABLE).success).toBe(true);
  });

  it.each([
    ['steps out of order', { ...TABLE, sameProvince: [...TABLE.sameProvince].reverse() }],
    ['no steps', { ...TABLE, otherProvince: [] }],
    ['a fee with a fraction', { ...TABLE, sameProvince: [{ upToGrams: 500, feeVnd: 15_000.5 }] }],
    ['a negative fee', { ...TABLE, sameProvince: [{ upToGrams: 500, feeVnd: -1 }] }],
    ['a zero extra step', { ...TABLE, extraStepGrams: 0 }],
    ['a missing extra price', { ...TABLE, extraPerStepVnd: { sameProvince: 4_000 } }],
  ])('refuses %s', (_, table) => {
    expect(deliveryFeeTableSchema.safeParse(table).success).toBe(false);
  });
});
