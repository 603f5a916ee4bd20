// The orders domain's server-side public entry: what routes, the server and other domains may use.
// Everything else in app/orders/ is internal (eslint: architecture/domain-boundaries).
export {
  actOnOrderAsBuyer,
  cancelCheckoutPart,
  type CheckoutViewer,
  findOrderByCodeAndPhone,
  getCheckoutForViewer,
  getOrderDetail,
  getOrderPage,
  listBuyerOrders,
  type LookedUpOrder,
  lookUpOrder,
  lookUpOrders,
  orderIdByCode,
} from './buyer.server';
export {
  acknowledgeCartChanges,
  addToCart,
  changeCart,
  mergeGuestCart,
  setCartQuantity,
} from './cart-changes.server';
export { loadCart } from './cart.server';
export {
  type CheckoutOutcome,
  type CheckoutReview,
  loadCheckoutPage,
  parseCheckoutForm,
  reviewCheckout,
  submitCheckout,
} from './checkout-steps.server';
export { type CheckoutSettings, placeCheckout, quoteCheckout } from './checkout.server';
export {
  chosenOrganization,
  fulfilOrder,
  getIncomingOrder,
  listIncomingOrders,
  loadIncomingOrdersPage,
  memberOrganizations,
} from './fulfilment.server';
export {
  cartCountFor,
  cartOwnerFor,
  cartOwnerForWriting,
  checkoutAccessCookie,
  checkoutTokenFrom,
  checkoutViewerFor,
  clearCartCookie,
  guestCartToken,
  hasOrderLookupGrant,
  orderLookupCookie,
  orderPartiesFor,
  startSessionWithCart,
} from './http.server';
export { cooperativeLedger, loadBalancePage } from './ledger.server';
export {
  receivedOrderLine,
  type ReviewableOrder,
  reviewableOrder,
  soldCounts,
} from './reviewable.server';
export { listPayoutBalances, recordPayout } from './payouts.server';
export {
  applyOrderEvent,
  applyOrderEventIn,
  type BuyerAccess,
  completeDeliveredOrders,
  orderForParty,
  type OrderParty,
} from './orders.server';
