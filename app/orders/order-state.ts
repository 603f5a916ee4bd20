import { formatMessage } from '~/i18n/messages';
import { orderStateNames, ordersMessages as m, paymentMethodNames } from '~/i18n/messages/orders';
import { type Message, forbidden, invalid, UserError } from '~/lib/errors';

/**
 * One cooperative's order. No separate "awaiting payment" state: `placed` already means "stock taken,
 * waiting for the money" for card and bank transfer, and is left at once for cash on delivery
 * (`cod_accepted`), so a second state would say the same thing twice.
 */
export const ORDER_STATES = [
  'placed',
  'paid',
  'cod_accepted',
  'accepted',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'refunded',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];
export type PaymentMethod = 'vietqr' | 'card' | 'cod' | 'vnpay' | 'momo' | 'zalopay';
/** Methods paid online before the order goes on: everything but cash on delivery. */
export const PREPAID_METHODS = ['vietqr', 'card', 'vnpay', 'momo', 'zalopay'] as const;
export type OrderActorRole = 'buyer' | 'cooperative' | 'operator' | 'system';
export type OrderEvent =
  | 'pay'
  | 'accept_cod'
  | 'accept'
  | 'ship'
  | 'deliver'
  | 'complete'
  | 'buyer_cancel'
  | 'cooperative_cancel'
  | 'operator_cancel'
  | 'expire'
  | 'refund';

/** What the state machine needs to know about an order. */
export interface OrderSnapshot {
  state: OrderState;
  paymentMethod: PaymentMethod;
  /** Money actually received for this order (0 until paid; COD counts once delivered). */
  amountPaidVnd: number;
}

export interface OrderActor {
  role: OrderActorRole;
  userId?: number | null;
}

export interface TransitionInput {
  reason?: string;
  carrier?: string;
  trackingNumber?: string;
  /** Lot (batch) codes shipped, linking the parcel to its traceability. */
  lots?: string[];
  at?: Date;
}

interface Rule {
  from: readonly OrderState[];
  to: OrderState;
  by: readonly OrderActorRole[];
  /** Payment methods the step applies to; all when absent. */
  methods?: readonly PaymentMethod[];
  /** Fields of the input that must be filled in. */
  needs?: ReadonlyArray<'reason' | 'carrier' | 'trackingNumber'>;
  /** Refunds need money to give back. */
  needsMoneyReceived?: boolean;
}

const BEFORE_ACCEPTANCE = ['placed', 'paid', 'cod_accepted'] as const;

/**
 * The one table of legal order transitions. Money arrives (`pay`: the payment webhook or the
 * operator marking a transfer received) or, for cash on delivery, the order is let through at
 * once; the cooperative accepts, ships with carrier and tracking number, and marks it delivered;
 * it completes when the buyer confirms or the system closes it after the return window. The buyer
 * may cancel until acceptance, the cooperative until shipping and the operator until delivery,
 * both with a reason; unpaid card and transfer orders expire. Refunds are the operator's, or the
 * system's when Stripe reports one made in its dashboard.
 */
export const ORDER_TRANSITIONS: Record<OrderEvent, Rule> = {
  pay: { from: ['placed'], to: 'paid', by: ['system', 'operator'], methods: PREPAID_METHODS },
  accept_cod: { from: ['placed'], to: 'cod_accepted', by: ['system'], methods: ['cod'] },
  accept: { from: ['paid', 'cod_accepted'], to: 'accepted', by: ['cooperative'] },
  ship: {
    from: ['accepted'],
    to: 'shipped',
    by: ['cooperative'],
    needs: ['carrier', 'trackingNumber'],
  },
  deliver: { from: ['shipped'], to: 'delivered', by: ['cooperative', 'operator'] },
  complete: { from: ['delivered'], to: 'completed', by: ['buyer', 'system'] },
  buyer_cancel: { from: BEFORE_ACCEPTANCE, to: 'cancelled', by: ['buyer'] },
  cooperative_cancel: {
    from: [...BEFORE_ACCEPTANCE, 'accepted'],
    to: 'cancelled',
    by: ['cooperative'],
    needs: ['reason'],
  },
  operator_cancel: {
    from: [...BEFORE_ACCEPTANCE, 'accepted', 'shipped'],
    to: 'cancelled',
    by: ['operator'],
    needs: ['reason'],
  },
  expire: { from: ['placed'], to: 'cancelled', by: ['system'], methods: PREPAID_METHODS },
  refund: {
    from: ['cancelled', 'delivered', 'completed'],
    to: 'refunded',
    by: ['operator', 'system'],
    needs: ['reason'],
    needsMoneyReceived: true,
  },
};

/**
 * The state as people read it. A placed order awaits payment only when paid ahead (VietQR, card): a
 * cash-on-delivery order is paid at the door, so it never reads "chờ thanh toán".
 */
export function orderStateName(state: OrderState, method?: PaymentMethod): Message {
  if (state === 'placed' && method && method !== 'cod')
    return orderStateNames.placedAwaitingPayment;
  return orderStateNames[state];
}

export function paymentMethodName(method: PaymentMethod): Message {
  return paymentMethodNames[method];
}

const FIELD_NEEDED: Record<'reason' | 'carrier' | 'trackingNumber', Message> = {
  reason: m.needsReason,
  carrier: m.needsCarrier,
  trackingNumber: m.needsTrackingNumber,
};

/** Side effects the caller carries out in the same transaction as the state change. */
export type OrderEffect =
  | 'release_stock'
  | 'record_cod_payment'
  | 'credit_cooperative'
  | 'reverse_cooperative_credit'
  | 'refund_due';

export interface HistoryEntry {
  from: OrderState;
  to: OrderState;
  event: OrderEvent;
  actorRole: OrderActorRole;
  actorUserId: number | null;
  at: string;
  reason: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  lots: string[];
}

export interface TransitionResult {
  state: OrderState;
  entry: HistoryEntry;
  effects: OrderEffect[];
}

/** The next state with its history entry and effects, or a UserError: 403 wrong actor, 409 not now, 400 missing input. */
export function transition(
  order: OrderSnapshot,
  event: OrderEvent,
  actor: OrderActor,
  input: TransitionInput = {},
): TransitionResult {
  const rule = ORDER_TRANSITIONS[event];
  if (!rule.by.includes(actor.role)) throw forbidden();
  if (
    !rule.from.includes(order.state) ||
    (rule.methods && !rule.methods.includes(order.paymentMethod))
  ) {
    const name = orderStateNames[order.state];
    throw new UserError('illegal_transition', 409, {
      vi: formatMessage(m.illegalTransition, { state: name.vi }).vi,
      en: formatMessage(m.illegalTransition, { state: name.en }).en,
    });
  }
  if (rule.needsMoneyReceived && order.amountPaidVnd <= 0) {
    throw new UserError('nothing_to_refund', 409, m.nothingToRefund);
  }
  const text = (value: string | undefined) => value?.trim() || null;
  for (const field of rule.needs ?? []) {
    if (!text(input[field])) {
      throw invalid(field, FIELD_NEEDED[field]);
    }
  }
  const lots = (input.lots ?? []).map((lot) => lot.trim()).filter(Boolean);
  return {
    state: rule.to,
    entry: {
      from: order.state,
      to: rule.to,
      event,
      actorRole: actor.role,
      actorUserId: actor.userId ?? null,
      at: (input.at ?? new Date()).toISOString(),
      reason: text(input.reason),
      carrier: event === 'ship' ? text(input.carrier) : null,
      trackingNumber: event === 'ship' ? text(input.trackingNumber) : null,
      lots: event === 'ship' ? lots : [],
    },
    effects: effectsOf(order, event),
  };
}

function effectsOf(order: OrderSnapshot, event: OrderEvent): OrderEffect[] {
  const effects: OrderEffect[] = [];
  const cancelling =
    event === 'buyer_cancel' ||
    event === 'cooperative_cancel' ||
    event === 'operator_cancel' ||
    event === 'expire';
  // Units still in the warehouse go back on sale; a shipped parcel's units are gone either way.
  if (cancelling && order.state !== 'shipped') effects.push('release_stock');
  if (cancelling && order.amountPaidVnd > 0) effects.push('refund_due');
  if (event === 'deliver') {
    if (order.paymentMethod === 'cod') effects.push('record_cod_payment');
    effects.push('credit_cooperative');
  }
  if (event === 'refund' && order.state !== 'cancelled') effects.push('reverse_cooperative_credit');
  return effects;
}

/** The events this actor could take now: the buttons a page should show. */
export function availableEvents(order: OrderSnapshot, role: OrderActorRole): OrderEvent[] {
  return (Object.entries(ORDER_TRANSITIONS) as Array<[OrderEvent, Rule]>)
    .filter(([, rule]) => rule.by.includes(role) && rule.from.includes(order.state))
    .filter(([, rule]) => !rule.methods || rule.methods.includes(order.paymentMethod))
    .filter(([, rule]) => !rule.needsMoneyReceived || order.amountPaidVnd > 0)
    .map(([event]) => event);
}
