import path from 'node:path';
import { z } from 'zod';
import {
  gatewayProblems,
  gatewaysConfig,
  gatewayVariables,
  type GatewaysConfig,
} from './gateway-config.server';

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Not a real account: lets a new user see a cashless checkout end to end (docs/decisions/014). */
const DEMO_VIETQR = {
  bankBin: '970436',
  accountNumber: '0001000000',
  accountName: 'CHO PHIEN DEMO',
  demo: true,
};

const schema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      message: 'must be development, production or test',
    })
    .default('development'),
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be 1–65535')
    .max(65535, 'must be 1–65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('data'),
  DATABASE_PATH: z.string().min(1, 'must not be empty').optional(),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/[^\s]+$/,
      'must be a PostgreSQL URL such as postgres://user:password@host:5432/cho_phien',
    )
    .optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be 1–200')
    .max(200, 'must be 1–200')
    .default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(100, 'must be 100–600000')
    .max(600_000, 'must be 100–600000')
    .default(15_000),
  JOBS: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://chophien.vn' }).optional(),
  SEED_DEMO: booleanText.default(true),
  SEARCH_ENGINE: z
    .enum(['meilisearch', 'sqlite'], { message: 'must be meilisearch or sqlite' })
    .default('meilisearch'),
  MEILISEARCH_URL: z.url({ message: 'must be a URL such as http://127.0.0.1:7700' }).optional(),
  MEILISEARCH_API_KEY: z.string().min(1, 'must not be empty').optional(),
  MEILISEARCH_BIN: z.string().min(1, 'must not be empty').optional(),
  SEARCH_WORKER: z
    .enum(['in-process', 'separate'], { message: 'must be in-process or separate' })
    .default('in-process'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Chợ Phiên <no-reply@localhost>'),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error'], { message: 'must be debug, info, warn or error' })
    .default('info'),
  STAMP_KEYS: z.string().min(1).optional(),
  STAMP_KEY_ID: z
    .string()
    .regex(/^[0-9A-HJKMNP-TV-Z]$/, 'must be one Crockford base32 symbol (0-9, A-Z without I L O U)')
    .optional(),
  VIETQR_BANK_BIN: z
    .string()
    .regex(/^\d{6}$/, 'must be the 6-digit NAPAS bank BIN, e.g. 970436')
    .optional(),
  VIETQR_ACCOUNT_NUMBER: z
    .string()
    .regex(/^[0-9A-Za-z]{1,19}$/, 'must be 1–19 letters or digits')
    .optional(),
  VIETQR_ACCOUNT_NAME: z.string().min(1).max(60).optional(),
  /** Demo VietQR account with a "demo" banner when no VIETQR_* is set; on by default with SEED_DEMO. */
  VIETQR_DEMO: booleanText.optional(),
  BANK_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^sk_(test|live)_/, 'must start with sk_test_ or sk_live_')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_/, 'must start with whsec_')
    .optional(),
  STRIPE_API_URL: z.url({ message: 'must be a URL' }).optional(),
  ...gatewayVariables,
  CARD_PAYMENT_MINUTES: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(5, 'must be 5–1440')
    .max(1440, 'must be 5–1440')
    .default(30),
  BANK_TRANSFER_HOURS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be 1–168')
    .max(168, 'must be 1–168')
    .default(12),
  COMMISSION_PERCENT: z.coerce
    .number({ message: 'must be a number' })
    .min(0, 'must be 0–50')
    .max(50, 'must be 0–50')
    .default(0),
  DELIVERY_FEES: z.string().min(2).optional(),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databasePath: string;
  /** DATABASE_URL (PostgreSQL) and its pool; null url = the SQLite file at databasePath. */
  database: { path: string; url: string | null; poolSize: number; statementTimeoutMs: number };
  /** False (JOBS=off) on web instances whose background jobs run in `npm run worker`. */
  jobs: boolean;
  uploadsDir: string;
  logDir: string;
  publicUrl: string | null;
  seedDemo: boolean;
  search: {
    engine: 'meilisearch' | 'sqlite';
    meilisearchUrl: string | null;
    meilisearchApiKey: string | null;
    meilisearchBin: string | null;
    /** False when `npm run worker` drains the outbox in its own process. */
    inProcessWorker: boolean;
  };
  mail: { smtpUrl: string | null; from: string };
  /** Stamp authenticator keys (id → secret) from STAMP_KEYS JSON; null = generated into DATA_DIR on first start. */
  stamps: { keys: Record<string, string> | null; currentKeyId: string | null };
  payments: {
    /** `demo`: the built-in demo account (VIETQR_DEMO), shown with a "demo" banner. */
    vietqr: { bankBin: string; accountNumber: string; accountName: string; demo?: boolean } | null;
    bankWebhookSecret: string | null;
    stripe: { secretKey: string; webhookSecret: string | null; apiUrl: string | null } | null;
    /** VNPay, MoMo and ZaloPay, each on when all its VNPAY_* / MOMO_* / ZALOPAY_* keys are set. */
    gateways: GatewaysConfig;
    cardPaymentMinutes: number;
    bankTransferHours: number;
    commissionPercent: number;
    /** DELIVERY_FEES JSON, validated by app/orders/delivery-fee.ts; null = the built-in table. */
    deliveryFeesJson: string | null;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A bad value as shown in the error: secrets (a database password) are never printed. */
function shown(key: string, value: string | undefined): string {
  if (value === undefined) return '""';
  if (key === 'DATABASE_URL')
    return JSON.stringify(value.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@'));
  if (/SECRET|API_KEY|^STAMP_KEYS$|PASSWORD/.test(key)) return '"***"';
  return JSON.stringify(value);
}

/** Reads and validates the environment once; every bad value is reported, not just the first. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) =>
          `${issue.path.join('.')}=${shown(String(issue.path[0]), present[String(issue.path[0])])}: ${issue.message}`,
      ),
    );
  }
  const v = parsed.data;
  const problems: string[] = [];
  if (v.MEILISEARCH_API_KEY && !v.MEILISEARCH_URL)
    problems.push('MEILISEARCH_API_KEY is set but MEILISEARCH_URL is not');
  const vietqrParts = [v.VIETQR_BANK_BIN, v.VIETQR_ACCOUNT_NUMBER, v.VIETQR_ACCOUNT_NAME].filter(
    Boolean,
  ).length;
  if (vietqrParts > 0 && vietqrParts < 3)
    problems.push(
      'VIETQR_BANK_BIN, VIETQR_ACCOUNT_NUMBER and VIETQR_ACCOUNT_NAME must be set together',
    );
  if (v.STRIPE_WEBHOOK_SECRET && !v.STRIPE_SECRET_KEY)
    problems.push('STRIPE_WEBHOOK_SECRET is set but STRIPE_SECRET_KEY is not');
  problems.push(...gatewayProblems(v));
  let stampKeys: Record<string, string> | null = null;
  if (v.STAMP_KEYS) {
    try {
      const parsedKeys: unknown = JSON.parse(v.STAMP_KEYS);
      if (
        !parsedKeys ||
        typeof parsedKeys !== 'object' ||
        Array.isArray(parsedKeys) ||
        !Object.values(parsedKeys).every((k) => typeof k === 'string')
      )
        throw new Error();
      stampKeys = parsedKeys as Record<string, string>;
    } catch {
      problems.push(
        'STAMP_KEYS must be a JSON object of key id → secret, e.g. {"1":"<32+ characters>"}',
      );
    }
    if (!v.STAMP_KEY_ID)
      problems.push('STAMP_KEYS is set but STAMP_KEY_ID (the key for new stamps) is not');
  }
  if (problems.length) throw new ConfigError(problems);

  const dataDir = path.resolve(v.DATA_DIR);
  const databasePath = path.resolve(v.DATABASE_PATH ?? path.join(dataDir, 'cho-phien.sqlite'));
  return {
    env: v.NODE_ENV,
    port: v.PORT,
    host: v.HOST,
    dataDir,
    databasePath,
    database: {
      path: databasePath,
      url: v.DATABASE_URL ?? null,
      poolSize: v.DATABASE_POOL_SIZE,
      statementTimeoutMs: v.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    jobs: v.JOBS === 'on',
    uploadsDir: path.join(dataDir, 'uploads'),
    logDir: path.join(dataDir, 'logs'),
    publicUrl: v.PUBLIC_URL?.replace(/\/$/, '') ?? null,
    seedDemo: v.SEED_DEMO,
    search: {
      engine: v.SEARCH_ENGINE,
      meilisearchUrl: v.MEILISEARCH_URL ?? null,
      meilisearchApiKey: v.MEILISEARCH_API_KEY ?? null,
      meilisearchBin: v.MEILISEARCH_BIN ?? null,
      inProcessWorker: v.SEARCH_WORKER === 'in-process' && v.JOBS === 'on',
    },
    mail: { smtpUrl: v.SMTP_URL ?? null, from: v.MAIL_FROM },
    stamps: { keys: stampKeys, currentKeyId: v.STAMP_KEY_ID ?? null },
    payments: {
      vietqr:
        v.VIETQR_BANK_BIN && v.VIETQR_ACCOUNT_NUMBER && v.VIETQR_ACCOUNT_NAME
          ? {
              bankBin: v.VIETQR_BANK_BIN,
              accountNumber: v.VIETQR_ACCOUNT_NUMBER,
              accountName: v.VIETQR_ACCOUNT_NAME,
            }
          : (v.VIETQR_DEMO ?? v.SEED_DEMO)
            ? DEMO_VIETQR
            : null,
      bankWebhookSecret: v.BANK_WEBHOOK_SECRET ?? null,
      stripe: v.STRIPE_SECRET_KEY
        ? {
            secretKey: v.STRIPE_SECRET_KEY,
            webhookSecret: v.STRIPE_WEBHOOK_SECRET ?? null,
            apiUrl: v.STRIPE_API_URL ?? null,
          }
        : null,
      gateways: gatewaysConfig(v),
      cardPaymentMinutes: v.CARD_PAYMENT_MINUTES,
      bankTransferHours: v.BANK_TRANSFER_HOURS,
      commissionPercent: v.COMMISSION_PERCENT,
      deliveryFeesJson: v.DELIVERY_FEES ?? null,
    },
    logLevel: v.LOG_LEVEL,
  };
}
