// Settings the browser tests' server runs with (playwright.config.ts) and the tests need to know.
export const E2E_BANK_WEBHOOK_SECRET = 'e2e-bank-webhook-secret';
export const E2E_VIETQR = {
  VIETQR_BANK_BIN: '970436',
  VIETQR_ACCOUNT_NUMBER: '0011004455667',
  VIETQR_ACCOUNT_NAME: 'CONG TY CHO PHIEN',
};
