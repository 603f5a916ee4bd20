import { defineConfig, devices } from '@playwright/test';
import { E2E_BANK_WEBHOOK_SECRET, E2E_MOMO, E2E_VIETQR, E2E_WALLETS_PORT } from './tests/e2e/env';

const PORT = Number(process.env.E2E_PORT ?? 3210);
const DATA_DIR = process.env.E2E_DATA_DIR ?? '.cache/e2e-data';

// Browser tests run against the real built server with a fresh data directory, in Debian's Chromium
// (Playwright's own browser download is not reachable here).
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    ...devices['Pixel 5'],
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'off',
  },
  webServer: [
    {
      // The MoMo (and VNPay, ZaloPay) local test gateway the wallet test pays through.
      command: 'node --import tsx tests/e2e/fake-wallets-server.ts',
      url: `http://127.0.0.1:${E2E_WALLETS_PORT}/healthz`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { E2E_PORT: String(PORT) },
    },
    {
      command: `rm -rf ${DATA_DIR} && node --enable-source-maps build/app-server/index.js`,
      url: `http://127.0.0.1:${PORT}/healthz`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        NODE_ENV: 'production',
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DATA_DIR,
        LOG_LEVEL: 'warn',
        ...E2E_VIETQR,
        ...E2E_MOMO,
        BANK_WEBHOOK_SECRET: E2E_BANK_WEBHOOK_SECRET,
      },
    },
  ],
});
