// The orders domain's public entry for code that also runs in the browser (no server-only imports).
// Everything else in app/orders/ is internal (eslint: architecture/domain-boundaries).
export { MAX_LINE_QUANTITY } from './cart-limits';
export { type DeliveryFeeTable, loadDeliveryFeeTable } from './delivery-fee';
export {
  type FulfilmentView,
  isCooperativeEvent,
  isFulfilmentView,
  parseLotCodes,
} from './fulfilment';
export {
  isPaymentReference,
  normalizeOrderCode,
  PAYMENT_REFERENCE_LENGTH,
  PAYMENT_REFERENCE_PREFIX,
} from './order-code';
export {
  availableEvents,
  type OrderState,
  orderStateName,
  type PaymentMethod,
  paymentMethodName,
} from './order-state';
