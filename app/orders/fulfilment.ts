import { ordersMessages as m } from '~/i18n/messages/orders';
import { formatMessage } from '~/i18n/messages';
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
/** The views in the order the page's tabs show them. */
export const FULFILMENT_VIEW_IDS = Object.keys(FULFILMENT_VIEWS) as FulfilmentView[];
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

/** Carriers cooperatives in the provinces use most (the ship form offers them; any other may be typed). */
export const CARRIERS = [
  'Viettel Post',
  'VNPost (Bưu điện)',
  'Giao Hàng Nhanh (GHN)',
  'Giao Hàng Tiết Kiệm (GHTK)',
  'J&T Express',
  'Ninja Van',
] as const;

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
    throw invalid('lots', formatMessage(m.tooManyLots, { max: MAX_LOTS_PER_SHIPMENT }));
  const bad = codes.find((c) => !LOT_CODE.test(c));
  if (bad) throw invalid('lots', formatMessage(m.badLotCode, { code: bad.slice(0, 40) }));
  return codes;
}
