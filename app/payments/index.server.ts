// The payments domain's server-side public entry: what routes, the server and other domains may use.
// Everything else in app/payments/ is internal (eslint: architecture/domain-boundaries).
export {
  BANK_SIGNATURE_HEADER,
  extractPaymentReference,
  parseBankNotification,
  verifyBankSignature,
} from './bank-webhook';
export { loadCheckoutPaymentPage, startCardPayment } from './checkout-payment.server';
export {
  answerMomoIpn,
  answerVnpayIpn,
  answerZalopayCallback,
} from './gateway-notifications.server';
export { handleOperatorPayment, type OperatorPaymentDone } from './operator.server';
export {
  checkWithGateway,
  listAwaitingGatewayCheckouts,
  type GatewayCheck,
} from './gateway-query.server';
export {
  expireUnpaidCheckouts,
  listAwaitingTransfers,
  listPaymentsToReview,
  recordIncomingPayment,
  resolveHeldPayment,
} from './payments.server';
export { createPaymentProviders, type PaymentProviders } from './providers.server';
export { paymentsByMethod, reconciliationCsv } from './reconciliation.server';
export { listRefundsDue, refundOrder, refundOrderByCode } from './refunds.server';
export { applyStripeUpdate } from './stripe-events.server';
export { stripePaymentUpdate, verifyStripeEvent } from './stripe-webhook.server';
