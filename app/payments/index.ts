// The payments domain's public entry for code that also runs in the browser (no server-only imports).
// Everything else in app/payments/ is internal (eslint: architecture/domain-boundaries).
export {
  BANK_SIGNATURE_HEADER,
  extractPaymentReference,
  parseBankNotification,
  verifyBankSignature,
} from './bank-webhook';
