import type { DB } from '~db/connection.server';
import { UserError } from '~/lib/errors';

export interface Limit {
  /** At most this many events… */
  max: number;
  /** …in this sliding window. */
  windowMs: number;
}

/** Sign-in failures: 5 per account and 20 per network in 15 minutes. Reset requests: 3 per account, 10 per network an hour. */
export const LIMITS = {
  signInPerAccount: { max: 5, windowMs: 15 * 60_000 },
  signInPerIp: { max: 20, windowMs: 15 * 60_000 },
  resetPerAccount: { max: 3, windowMs: 60 * 60_000 },
  resetPerIp: { max: 10, windowMs: 60 * 60_000 },
} satisfies Record<string, Limit>;

/** Throws 429 with a clear message when `key` already had `max` events in the window. */
export async function assertUnderLimit(db: DB, key: string, limit: Limit, now = Date.now()): Promise<void> {
  const since = now - limit.windowMs;
  const rows = await db.selectFrom('rate_limit_events').select('at_ms').where('key', '=', key).where('at_ms', '>', since)
    .orderBy('at_ms').execute();
  if (rows.length >= limit.max) {
    const retryMs = rows[rows.length - limit.max].at_ms + limit.windowMs - now;
    const minutes = Math.max(1, Math.ceil(retryMs / 60_000));
    throw new UserError('rate_limited', 429, {
      vi: `Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
      en: `Too many attempts. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    });
  }
}

export async function recordEvent(db: DB, key: string, now = Date.now()): Promise<void> {
  await db.insertInto('rate_limit_events').values({ key, at_ms: now }).execute();
}

export async function clearEvents(db: DB, key: string): Promise<void> {
  await db.deleteFrom('rate_limit_events').where('key', '=', key).execute();
}

/** Old events are useless after a day; called by the housekeeping timer. */
export async function pruneRateLimitEvents(db: DB, now = Date.now()): Promise<void> {
  await db.deleteFrom('rate_limit_events').where('at_ms', '<', now - 24 * 60 * 60_000).execute();
}

/** A network, not a person: IPv4 /24 or IPv6 /48, so a household or a shared NAT is one key. */
export function networkOf(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const v4 = /(\d+\.\d+\.\d+)\.\d+$/.exec(ip);
  if (v4) return `${v4[1]}.0/24`;
  return `${ip.split(':').slice(0, 3).join(':')}::/48`;
}
