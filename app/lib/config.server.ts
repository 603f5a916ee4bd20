import path from 'node:path';
import { z } from 'zod';

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'must be development, production or test' }).default('development'),
  PORT: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be 1–65535').max(65535, 'must be 1–65535').default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('data'),
  DATABASE_PATH: z.string().min(1, 'must not be empty').optional(),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://chophien.vn' }).optional(),
  SEED_DEMO: booleanText.default(true),
  SEARCH_ENGINE: z.enum(['meilisearch', 'sqlite'], { message: 'must be meilisearch or sqlite' }).default('meilisearch'),
  MEILISEARCH_URL: z.url({ message: 'must be a URL such as http://127.0.0.1:7700' }).optional(),
  MEILISEARCH_API_KEY: z.string().min(1, 'must not be empty').optional(),
  MEILISEARCH_BIN: z.string().min(1, 'must not be empty').optional(),
  SEARCH_WORKER: z.enum(['in-process', 'separate'], { message: 'must be in-process or separate' }).default('in-process'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Chợ Phiên <no-reply@localhost>'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { message: 'must be debug, info, warn or error' }).default('info'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databasePath: string;
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
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; every bad value is reported, not just the first. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}=${JSON.stringify(present[String(issue.path[0])] ?? '')}: ${issue.message}`),
    );
  }
  const v = parsed.data;
  const problems: string[] = [];
  if (v.MEILISEARCH_API_KEY && !v.MEILISEARCH_URL) problems.push('MEILISEARCH_API_KEY is set but MEILISEARCH_URL is not');
  if (problems.length) throw new ConfigError(problems);

  const dataDir = path.resolve(v.DATA_DIR);
  return {
    env: v.NODE_ENV,
    port: v.PORT,
    host: v.HOST,
    dataDir,
    databasePath: path.resolve(v.DATABASE_PATH ?? path.join(dataDir, 'cho-phien.sqlite')),
    uploadsDir: path.join(dataDir, 'uploads'),
    logDir: path.join(dataDir, 'logs'),
    publicUrl: v.PUBLIC_URL?.replace(/\/$/, '') ?? null,
    seedDemo: v.SEED_DEMO,
    search: {
      engine: v.SEARCH_ENGINE,
      meilisearchUrl: v.MEILISEARCH_URL ?? null,
      meilisearchApiKey: v.MEILISEARCH_API_KEY ?? null,
      meilisearchBin: v.MEILISEARCH_BIN ?? null,
      inProcessWorker: v.SEARCH_WORKER === 'in-process',
    },
    mail: { smtpUrl: v.SMTP_URL ?? null, from: v.MAIL_FROM },
    logLevel: v.LOG_LEVEL,
  };
}
