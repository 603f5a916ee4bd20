// The orders domain's server-side public entry: what routes, the server and other domains may use.
// Everything else in app/orders/ is internal (eslint: architecture/domain-boundaries).
export {
  findOrderByCodeAndPhone,
  getCheckoutForViewer,
  getOrderDetail,
  listBuyerOrders,
} from './buyer.server';
export {
  acknowledgeCartChanges,
  addToCart,
  loadCart,
  mergeGuestCart,
  setCartQuantity,
} from './cart.server';
export {
  type CheckoutSettings,
  placeCheckout,
  quoteCheckout,
  validateAddress,
} from './checkout.server';
export {
  freeDeliveryThreshold,
  fulfilOrder,
  getIncomingOrder,
  listIncomingOrders,
  memberOrganizations,
  setFreeDeliveryThreshold,
} from './fulfilment.server';
export {
  cartOwnerFor,
  cartOwnerForWriting,
  checkoutAccessCookie,
  checkoutTokenFrom,
  clearCartCookie,
  guestCartToken,
  hasOrderLookupGrant,
  orderLookupCookie,
  startSessionWithCart,
} from './http.server';
export { balancesToPay, cooperativeLedger, recordPayout } from './ledger.server';
export {
  applyOrderEvent,
  applyOrderEventIn,
  type BuyerAccess,
  completeDeliveredOrders,
  orderForParty,
  type OrderParty,
} from './orders.server';
