import type { Message } from '~/lib/errors';

export type JourneyStep =
  'planting' | 'care' | 'harvest' | 'processing' | 'packaging' | 'inspection' | 'shipping';

/** The journey steps a producer records, in their usual order (EPCIS what/when/where/why: app/traceability/epcis.ts). */
export const JOURNEY_STEPS: readonly JourneyStep[] = [
  'planting',
  'care',
  'harvest',
  'processing',
  'packaging',
  'inspection',
  'shipping',
];

export const isJourneyStep = (value: string): value is JourneyStep =>
  (JOURNEY_STEPS as readonly string[]).includes(value);

export const EVENT_KIND_NAMES: Record<JourneyStep | 'correction', Message> = {
  planting: { vi: 'Gieo trồng', en: 'Sowing or planting' },
  care: { vi: 'Chăm sóc (phân bón, thuốc BVTV)', en: 'Care (fertiliser, pesticide)' },
  harvest: { vi: 'Thu hoạch', en: 'Harvest' },
  processing: { vi: 'Chế biến', en: 'Processing' },
  packaging: { vi: 'Đóng gói', en: 'Packaging' },
  inspection: { vi: 'Kiểm nghiệm', en: 'Inspection or lab test' },
  shipping: { vi: 'Vận chuyển', en: 'Shipping' },
  correction: { vi: 'Đính chính', en: 'Correction' },
};
