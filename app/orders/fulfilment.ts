import { invalid } from '~/lib/errors';
import type { OrderEvent, OrderState } from './order-state';

/** Which incoming orders a cooperative looks at: what needs doing first, then the rest. */
export const FULFILMENT_VIEWS = {
  todo: ['paid', 'cod_accepted', 'accepted'],
  unpaid: ['placed'],
  shipped: ['shipped'],
  done: ['delivered', 'completed', 'cancelled', 'refunded'],
} as const satisfies Record<string, readonly OrderState[]>;
export type FulfilmentView = keyof typeof FULFILMENT_VIEWS;
export const isFulfilmentView = (value: string): value is FulfilmentView =>
  Object.hasOwn(FULFILMENT_VIEWS, value);

export const COOPERATIVE_EVENTS = [
  'accept',
  'ship',
  'deliver',
  'cooperative_cancel',
] as const satisfies readonly OrderEvent[];
export type CooperativeEvent = (typeof COOPERATIVE_EVENTS)[number];
export const isCooperativeEvent = (value: string): value is CooperativeEvent =>
  (COOPERATIVE_EVENTS as readonly string[]).includes(value);

export const MAX_LOTS_PER_SHIPMENT = 20;
const LOT_CODE = /^[\p{L}\p{N}\-._/]{1,40}$/u;

/** Splits the lots typed or ticked on the ship form: commas, spaces or new lines; duplicates dropped. */
export function parseLotCodes(values: string[]): string[] {
  const codes = [
    ...new Set(
      values
        .flatMap((v) => v.split(/[\s,;]+/))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  if (codes.length > MAX_LOTS_PER_SHIPMENT)
    throw invalid('lots', {
      vi: `Tối đa ${MAX_LOTS_PER_SHIPMENT} mã lô cho một lần giao.`,
      en: `At most ${MAX_LOTS_PER_SHIPMENT} lot codes per shipment.`,
    });
  const bad = codes.find((c) => !LOT_CODE.test(c));
  if (bad)
    throw invalid('lots', {
      vi: `Mã lô "${bad.slice(0, 40)}" không hợp lệ: chỉ chữ, số và - . _ / (tối đa 40 ký tự).`,
      en: `Lot code "${bad.slice(0, 40)}" is not valid: letters, digits and - . _ / only (up to 40 characters).`,
    });
  return codes;
}
