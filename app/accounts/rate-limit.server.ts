import type { DB } from '~db/connection.server';
import { assertAllowed, RateLimiter, type Limit, type RateLimitStore } from './rate-limit';

/** Sign-in failures: 5 per account and 20 per network in 15 minutes. Reset requests: 3 per account, 10 per network an hour. */
export const LIMITS = {
  signInPerAccount: { max: 5, windowMs: 15 * 60_000 },
  signInPerIp: { max: 20, windowMs: 15 * 60_000 },
  resetPerAccount: { max: 3, windowMs: 60 * 60_000 },
  resetPerIp: { max: 10, windowMs: 60 * 60_000 },
  /** Guest order lookups (code + phone) per /24 network. */
  orderLookup: { max: 10, windowMs: 15 * 60_000 },
  /** Suspicious-product reports from a stamp's scan page per network. */
  stampReport: { max: 5, windowMs: 60 * 60_000 },
  /** Spreadsheet previews and imports per organization (each reads up to 2 MB). */
  csvImport: { max: 30, windowMs: 15 * 60_000 },
} satisfies Record<string, Limit>;

/** The limiter's store on the `rate_limit_events` table: survives restarts, shared by every request. */
export class SqliteRateLimitStore implements RateLimitStore {
  constructor(private readonly db: DB) {}
  async eventsSince(key: string, sinceMs: number) {
    const rows = await this.db
      .selectFrom('rate_limit_events')
      .select('at_ms')
      .where('key', '=', key)
      .where('at_ms', '>', sinceMs)
      .orderBy('at_ms')
      .execute();
    return rows.map((r) => r.at_ms);
  }
  async record(key: string, atMs: number) {
    await this.db.insertInto('rate_limit_events').values({ key, at_ms: atMs }).execute();
  }
  async clear(key: string) {
    await this.db.deleteFrom('rate_limit_events').where('key', '=', key).execute();
  }
  async prune(beforeMs: number) {
    await this.db.deleteFrom('rate_limit_events').where('at_ms', '<=', beforeMs).execute();
  }
}

export function rateLimiter(db: DB, now?: () => number): RateLimiter {
  return new RateLimiter(new SqliteRateLimitStore(db), now);
}

/** Throws 429 with "try again in N minutes" when any of the keys is over its limit. */
export async function assertUnderLimits(
  limiter: RateLimiter,
  checks: Array<{ key: string; limit: Limit }>,
): Promise<void> {
  assertAllowed(await limiter.checkAll(checks));
}

/** A network, not a person: IPv4 /24 or IPv6 /48, so a household or a shared NAT is one key. */
export function networkOf(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const v4 = /(\d+\.\d+\.\d+)\.\d+$/.exec(ip);
  if (v4) return `${v4[1]}.0/24`;
  return `${ip.split(':').slice(0, 3).join(':')}::/48`;
}
