// The payments domain's public entry for code that also runs in the browser (no server-only imports).
// Everything else in app/payments/ is internal (eslint: architecture/domain-boundaries).
export { type OperatorPaymentForm, operatorPaymentSchema } from './payment-forms';
export { RECONCILED_METHODS } from './reconciliation-form';
