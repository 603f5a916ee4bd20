// The orders domain's public entry for code that also runs in the browser (no server-only imports).
// Everything else in app/orders/ is internal (eslint: architecture/domain-boundaries).
export { MAX_LINE_QUANTITY } from './cart-limits';
export {
  addressFields,
  type CheckoutAddressForm,
  checkoutAddressSchema,
  type CheckoutForm,
  checkoutSchema,
  type DeliveryAddress,
  deliveryAddress,
  placeOrderSchema,
} from './checkout-form';
export { type DeliveryFeeTable, loadDeliveryFeeTable } from './delivery-fee';
export {
  CARRIERS,
  FULFILMENT_VIEW_IDS,
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
  buyerOrderSchema,
  type CartForm,
  cartSchema,
  checkoutPageSchema,
  type CooperativeOrderForm,
  cooperativeOrderSchema,
  freeDeliverySchema,
  orderLookupSchema,
  type PayoutForm,
  payoutSchema,
} from './order-forms';
export {
  availableEvents,
  type OrderState,
  orderStateName,
  type PaymentMethod,
  paymentMethodName,
} from './order-state';
