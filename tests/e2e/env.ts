// Settings the browser tests' server runs with (playwright.config.ts) and the tests need to know.
export const E2E_BANK_WEBHOOK_SECRET = 'e2e-bank-webhook-secret';
export const E2E_VIETQR = {
  VIETQR_BANK_BIN: '970436',
  VIETQR_ACCOUNT_NUMBER: '0011004455667',
  VIETQR_ACCOUNT_NAME: 'CONG TY CHO PHIEN',
};

/** The local VNPay/MoMo/ZaloPay test server (tests/helpers/fake-wallets.ts) runs beside the app. */
export const E2E_WALLETS_PORT = Number(process.env.E2E_PORT ?? 3210) + 1000;
export const E2E_MOMO = {
  MOMO_PARTNER_CODE: 'MOMOCHOPHIEN',
  MOMO_ACCESS_KEY: 'momo-test-access',
  MOMO_SECRET_KEY: 'momo-test-secret-key-0123456789',
  MOMO_ENDPOINT: `http://127.0.0.1:${E2E_WALLETS_PORT}`,
};
