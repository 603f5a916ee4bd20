import { describe, expect, it } from 'vitest';
import {
  availableEvents,
  ORDER_STATES,
  ORDER_TRANSITIONS,
  orderStateName,
  transition,
  type OrderActorRole,
  type OrderEvent,
  type OrderSnapshot,
  type OrderState,
  type PaymentMethod,
} from '~/orders/order-state';
import { isUserError } from '~/lib/errors';

const AT = new Date('2025-10-03T02:15:00.000Z');
// Input that satisfies every requirement, so a test of legality is not stopped by a missing field.
const FULL_INPUT = {
  reason: 'Hết hàng',
  carrier: 'VNPost',
  trackingNumber: 'EB123456789VN',
  lots: ['L2025-09'],
  at: AT,
};

function order(
  state: OrderState,
  paymentMethod: PaymentMethod = 'vietqr',
  amountPaidVnd = 245000,
): OrderSnapshot {
  return { state, paymentMethod, amountPaidVnd };
}

function statusOf(run: () => unknown): number | undefined {
  try {
    run();
  } catch (error) {
    if (isUserError(error)) return error.status;
    throw error;
  }
  return undefined;
}

// Every legal (from, event, actor, method) → to, written out so the table is read twice.
const LEGAL: Array<[OrderState, OrderEvent, OrderActorRole, PaymentMethod, OrderState]> = [
  ['placed', 'pay', 'system', 'vietqr', 'paid'],
  ['placed', 'pay', 'system', 'card', 'paid'],
  ['placed', 'pay', 'operator', 'vietqr', 'paid'],
  ['placed', 'accept_cod', 'system', 'cod', 'cod_accepted'],
  ['paid', 'accept', 'cooperative', 'card', 'accepted'],
  ['cod_accepted', 'accept', 'cooperative', 'cod', 'accepted'],
  ['accepted', 'ship', 'cooperative', 'vietqr', 'shipped'],
  ['shipped', 'deliver', 'cooperative', 'cod', 'delivered'],
  ['shipped', 'deliver', 'operator', 'vietqr', 'delivered'],
  ['delivered', 'complete', 'buyer', 'vietqr', 'completed'],
  ['delivered', 'complete', 'system', 'cod', 'completed'],
  ['placed', 'buyer_cancel', 'buyer', 'vietqr', 'cancelled'],
  ['paid', 'buyer_cancel', 'buyer', 'card', 'cancelled'],
  ['cod_accepted', 'buyer_cancel', 'buyer', 'cod', 'cancelled'],
  ['placed', 'cooperative_cancel', 'cooperative', 'vietqr', 'cancelled'],
  ['paid', 'cooperative_cancel', 'cooperative', 'vietqr', 'cancelled'],
  ['cod_accepted', 'cooperative_cancel', 'cooperative', 'cod', 'cancelled'],
  ['accepted', 'cooperative_cancel', 'cooperative', 'card', 'cancelled'],
  ['placed', 'operator_cancel', 'operator', 'card', 'cancelled'],
  ['paid', 'operator_cancel', 'operator', 'card', 'cancelled'],
  ['cod_accepted', 'operator_cancel', 'operator', 'cod', 'cancelled'],
  ['accepted', 'operator_cancel', 'operator', 'vietqr', 'cancelled'],
  ['shipped', 'operator_cancel', 'operator', 'vietqr', 'cancelled'],
  ['placed', 'expire', 'system', 'vietqr', 'cancelled'],
  ['placed', 'expire', 'system', 'card', 'cancelled'],
  ['cancelled', 'refund', 'operator', 'card', 'refunded'],
  ['delivered', 'refund', 'operator', 'cod', 'refunded'],
  ['completed', 'refund', 'operator', 'vietqr', 'refunded'],
  ['cancelled', 'refund', 'system', 'card', 'refunded'],
  ['delivered', 'refund', 'system', 'card', 'refunded'],
  ['completed', 'refund', 'system', 'card', 'refunded'],
];

describe('order state machine: legal transitions', () => {
  it.each(LEGAL)('%s --%s by %s (%s)--> %s', (from, event, role, method, to) => {
    const result = transition(
      order(from, method),
      event,
      { role, userId: role === 'system' ? null : 7 },
      FULL_INPUT,
    );
    expect(result.state).toBe(to);
    expect(result.entry).toMatchObject({
      from,
      to,
      event,
      actorRole: role,
      actorUserId: role === 'system' ? null : 7,
      at: AT.toISOString(),
    });
  });

  it('lists exactly the (from, event, actor) combinations of the table, and each one works', () => {
    const inTable = new Set<string>();
    for (const [event, rule] of Object.entries(ORDER_TRANSITIONS)) {
      for (const from of rule.from) {
        for (const role of rule.by) {
          const method = rule.methods?.[0] ?? (from === 'cod_accepted' ? 'cod' : 'card');
          expect(
            transition(order(from, method), event as OrderEvent, { role }, FULL_INPUT).state,
          ).toBe(rule.to);
          inTable.add(`${from} ${event} ${role}`);
        }
      }
    }
    expect(new Set(LEGAL.map(([from, event, role]) => `${from} ${event} ${role}`))).toEqual(
      inTable,
    );
  });

  it('records carrier, tracking number and lots when shipping, trimmed', () => {
    const { entry } = transition(
      order('accepted'),
      'ship',
      { role: 'cooperative', userId: 3 },
      { carrier: ' GHN ', trackingNumber: ' GHN123 ', lots: [' L1 ', '', 'L2'], at: AT },
    );
    expect(entry).toEqual({
      from: 'accepted',
      to: 'shipped',
      event: 'ship',
      actorRole: 'cooperative',
      actorUserId: 3,
      at: AT.toISOString(),
      reason: null,
      carrier: 'GHN',
      trackingNumber: 'GHN123',
      lots: ['L1', 'L2'],
    });
  });

  it('records the reason of a cancellation', () => {
    expect(
      transition(
        order('accepted'),
        'cooperative_cancel',
        { role: 'cooperative' },
        { reason: '  Mất mùa  ' },
      ).entry.reason,
    ).toBe('Mất mùa');
  });
});

describe('order state machine: effects', () => {
  const effects = (snapshot: OrderSnapshot, event: OrderEvent, role: OrderActorRole) =>
    transition(snapshot, event, { role }, FULL_INPUT).effects;
  it('gives stock back on cancellation before shipping, and flags a refund when money came in', () => {
    expect(effects(order('placed', 'vietqr', 0), 'expire', 'system')).toEqual(['release_stock']);
    expect(effects(order('paid'), 'buyer_cancel', 'buyer')).toEqual([
      'release_stock',
      'refund_due',
    ]);
    expect(effects(order('cod_accepted', 'cod', 0), 'cooperative_cancel', 'cooperative')).toEqual([
      'release_stock',
    ]);
    expect(effects(order('shipped'), 'operator_cancel', 'operator')).toEqual(['refund_due']);
  });
  it('records cash collected on delivery of a COD order and credits the cooperative', () => {
    expect(effects(order('shipped', 'cod', 0), 'deliver', 'cooperative')).toEqual([
      'record_cod_payment',
      'credit_cooperative',
    ]);
    expect(effects(order('shipped', 'card'), 'deliver', 'cooperative')).toEqual([
      'credit_cooperative',
    ]);
  });
  it('takes back the cooperative credit when a delivered order is refunded', () => {
    expect(effects(order('completed'), 'refund', 'operator')).toEqual([
      'reverse_cooperative_credit',
    ]);
    expect(effects(order('cancelled'), 'refund', 'operator')).toEqual([]);
  });
  it('has no effects on the steps in between', () => {
    expect(effects(order('paid'), 'accept', 'cooperative')).toEqual([]);
    expect(effects(order('accepted'), 'ship', 'cooperative')).toEqual([]);
  });
});

describe('order state machine: refusals', () => {
  // One representative illegal step for every state, taken by an actor who may take it elsewhere.
  const REFUSED: Array<[OrderState, OrderEvent, OrderActorRole]> = [
    ['placed', 'accept', 'cooperative'],
    ['paid', 'pay', 'system'],
    ['cod_accepted', 'ship', 'cooperative'],
    ['accepted', 'buyer_cancel', 'buyer'],
    ['shipped', 'cooperative_cancel', 'cooperative'],
    ['delivered', 'operator_cancel', 'operator'],
    ['completed', 'deliver', 'cooperative'],
    ['cancelled', 'accept', 'cooperative'],
    ['refunded', 'refund', 'operator'],
  ];
  it.each(REFUSED)('refuses %s --%s with 409 and a bilingual reason', (state, event, role) => {
    try {
      transition(order(state), event, { role }, FULL_INPUT);
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error) && error.status).toBe(409);
      expect(isUserError(error) && error.userMessage.vi).toContain(orderStateName(state).vi);
      expect(isUserError(error) && error.userMessage.en).toContain(orderStateName(state).en);
    }
  });

  it('covers every state', () => {
    expect(new Set(REFUSED.map(([state]) => state))).toEqual(new Set(ORDER_STATES));
  });

  it('refuses every (state, event) pair outside the table with 409', () => {
    let refused = 0;
    for (const state of ORDER_STATES) {
      for (const [event, rule] of Object.entries(ORDER_TRANSITIONS)) {
        if (rule.from.includes(state)) continue;
        const [role] = rule.by;
        if (!role) throw new Error(`${event} has no actor`);
        expect(
          statusOf(() => transition(order(state), event as OrderEvent, { role }, FULL_INPUT)),
        ).toBe(409);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(60);
  });

  it('refuses a step by the wrong kind of actor with 403', () => {
    expect(statusOf(() => transition(order('paid'), 'accept', { role: 'buyer' }))).toBe(403);
    expect(statusOf(() => transition(order('placed'), 'pay', { role: 'buyer' }))).toBe(403);
    expect(statusOf(() => transition(order('placed'), 'pay', { role: 'cooperative' }))).toBe(403);
    expect(statusOf(() => transition(order('shipped'), 'complete', { role: 'cooperative' }))).toBe(
      403,
    );
    expect(
      statusOf(() => transition(order('cancelled'), 'refund', { role: 'buyer' }, FULL_INPUT)),
    ).toBe(403);
  });

  it('keeps payment steps to their payment methods', () => {
    expect(statusOf(() => transition(order('placed', 'cod', 0), 'pay', { role: 'system' }))).toBe(
      409,
    );
    expect(
      statusOf(() => transition(order('placed', 'card', 0), 'accept_cod', { role: 'system' })),
    ).toBe(409);
    expect(
      statusOf(() => transition(order('placed', 'cod', 0), 'expire', { role: 'system' })),
    ).toBe(409);
  });

  it('refuses to refund an order that was never paid', () => {
    expect(
      statusOf(() =>
        transition(order('cancelled', 'cod', 0), 'refund', { role: 'operator' }, FULL_INPUT),
      ),
    ).toBe(409);
  });

  it.each([
    ['cooperative_cancel', 'accepted', 'cooperative', { reason: '   ' }, 'reason'],
    ['operator_cancel', 'paid', 'operator', {}, 'reason'],
    ['refund', 'completed', 'operator', {}, 'reason'],
    ['ship', 'accepted', 'cooperative', { trackingNumber: 'X1' }, 'carrier'],
    [
      'ship',
      'accepted',
      'cooperative',
      { carrier: 'VNPost', trackingNumber: '' },
      'trackingNumber',
    ],
  ] as const)('%s without %s is a 400 on that field', (event, state, role, input, field) => {
    try {
      transition(order(state), event, { role }, input);
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error) && error.status).toBe(400);
      expect(isUserError(error) && error.field).toBe(field);
    }
  });
});

describe('availableEvents', () => {
  it('lists what each actor may do now', () => {
    expect(availableEvents(order('paid'), 'cooperative')).toEqual(['accept', 'cooperative_cancel']);
    expect(availableEvents(order('paid'), 'buyer')).toEqual(['buyer_cancel']);
    expect(availableEvents(order('placed', 'cod', 0), 'system')).toEqual(['accept_cod']);
    expect(availableEvents(order('placed', 'card', 0), 'system')).toEqual(['pay', 'expire']);
    expect(availableEvents(order('cancelled', 'cod', 0), 'operator')).toEqual([]);
    expect(availableEvents(order('refunded'), 'operator')).toEqual([]);
  });
});
