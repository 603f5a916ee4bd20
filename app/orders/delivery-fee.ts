import { z } from 'zod';
import { ordersMessages as m } from '~/i18n/messages/orders';
import { invalid } from '~/lib/errors';

/** A fee that applies up to and including `upToGrams`. */
export interface WeightStep {
  upToGrams: number;
  feeVnd: number;
}

/**
 * The operator's delivery price list. Heavier parcels than the last step pay `extraPerStepVnd` for
 * each further `extraStepGrams` begun, as Vietnamese carriers price them.
 */
export interface DeliveryFeeTable {
  sameProvince: WeightStep[];
  otherProvince: WeightStep[];
  extraStepGrams: number;
  extraPerStepVnd: { sameProvince: number; otherProvince: number };
}

/** Starting values for a fresh install; the operator replaces them with their carrier's prices. */
export const DEFAULT_DELIVERY_FEES: DeliveryFeeTable = {
  sameProvince: [
    { upToGrams: 500, feeVnd: 18_000 },
    { upToGrams: 1_000, feeVnd: 22_000 },
    { upToGrams: 3_000, feeVnd: 30_000 },
    { upToGrams: 5_000, feeVnd: 38_000 },
  ],
  otherProvince: [
    { upToGrams: 500, feeVnd: 30_000 },
    { upToGrams: 1_000, feeVnd: 38_000 },
    { upToGrams: 3_000, feeVnd: 55_000 },
    { upToGrams: 5_000, feeVnd: 75_000 },
  ],
  extraStepGrams: 500,
  extraPerStepVnd: { sameProvince: 3_000, otherProvince: 5_000 },
};

const vnd = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const steps = z
  .array(z.object({ upToGrams: z.number().int().positive(), feeVnd: vnd }))
  .min(1)
  .refine(
    (list) => list.every((step, i) => i === 0 || step.upToGrams > (list[i - 1]?.upToGrams ?? 0)),
    'steps must grow in weight',
  );

/** Validates a table from configuration (JSON in an environment variable or a settings row). */
export const deliveryFeeTableSchema = z.object({
  sameProvince: steps,
  otherProvince: steps,
  extraStepGrams: z.number().int().positive(),
  extraPerStepVnd: z.object({ sameProvince: vnd, otherProvince: vnd }),
});

export interface ShipmentForFee {
  fromProvinceCode: string;
  toProvinceCode: string;
  weightGrams: number;
  /** Goods total of this cooperative's part, for the free-delivery threshold. */
  subtotalVnd: number;
  /** The cooperative's own threshold: from this subtotal on, delivery is free. */
  freeDeliveryFromVnd?: number | null;
}

export interface DeliveryFee {
  feeVnd: number;
  free: boolean;
  zone: 'sameProvince' | 'otherProvince';
}

/** The delivery fee for one cooperative's shipment, in whole đồng. */
export function deliveryFee(
  shipment: ShipmentForFee,
  table: DeliveryFeeTable = DEFAULT_DELIVERY_FEES,
): DeliveryFee {
  const { weightGrams, subtotalVnd, freeDeliveryFromVnd } = shipment;
  if (!Number.isSafeInteger(weightGrams) || weightGrams <= 0) {
    throw invalid('weightGrams', m.weightGrams);
  }
  if (!Number.isSafeInteger(subtotalVnd) || subtotalVnd < 0) {
    throw invalid('subtotalVnd', m.subtotalVnd);
  }
  if (
    freeDeliveryFromVnd != null &&
    (!Number.isSafeInteger(freeDeliveryFromVnd) || freeDeliveryFromVnd <= 0)
  ) {
    throw invalid('freeDeliveryFromVnd', m.freeDeliveryFromVnd);
  }
  if (!shipment.fromProvinceCode || !shipment.toProvinceCode) {
    throw invalid('toProvinceCode', m.provinceRequired);
  }
  const zone =
    shipment.fromProvinceCode === shipment.toProvinceCode ? 'sameProvince' : 'otherProvince';
  if (freeDeliveryFromVnd != null && subtotalVnd >= freeDeliveryFromVnd)
    return { feeVnd: 0, free: true, zone };
  const zoneSteps = table[zone];
  const step = zoneSteps.find((s) => weightGrams <= s.upToGrams);
  if (step) return { feeVnd: step.feeVnd, free: false, zone };
  const last = zoneSteps.at(-1);
  // The table's schema asks for at least one step per zone.
  if (!last) throw new Error(`delivery fee table has no ${zone} steps`);
  const extraSteps = Math.ceil((weightGrams - last.upToGrams) / table.extraStepGrams);
  return { feeVnd: last.feeVnd + extraSteps * table.extraPerStepVnd[zone], free: false, zone };
}

/** The table from DELIVERY_FEES (JSON), or the built-in one; a bad table stops the server with the reason. */
export function loadDeliveryFeeTable(json: string | null): DeliveryFeeTable {
  if (!json) return DEFAULT_DELIVERY_FEES;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('DELIVERY_FEES is not valid JSON');
  }
  const parsed = deliveryFeeTableSchema.safeParse(value);
  if (!parsed.success)
    throw new Error(
      `DELIVERY_FEES is not a valid fee table: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}
