import type { Message } from '~/i18n/messages';
import { journeyStepNames } from '~/i18n/messages/traceability';

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

export const EVENT_KIND_NAMES: Record<JourneyStep | 'correction', Message> = journeyStepNames;
