import { accountsMessages as m } from '~/i18n/messages/accounts';
import { formatMessage } from '~/i18n/messages';
import { UserError, type Message } from '~/lib/errors';

/*
 * A sliding-window limiter: at most `max` events per key in any `windowMs`. Keys are plain strings the
 * caller builds (`sign-in:account:42`, `sign-in:net:203.113.5.0/24`), so one limiter serves every
 * purpose. The store is a port: the in-memory one below for a single process and tests; a SQLite one
 * (the `rate_limit_events` table) survives restarts and is shared by every request of the server.
 */

export interface Limit {
  /** At most this many events… */
  max: number;
  /** …in any window of this length. */
  windowMs: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** 0 when allowed; otherwise whole seconds until one more event fits in the window. */
  retryAfterSeconds: number;
}

export interface RateLimitStore {
  /** Times (epoch ms, ascending) of the key's events strictly after `sinceMs`. */
  eventsSince(key: string, sinceMs: number): Promise<number[]>;
  record(key: string, atMs: number): Promise<void>;
  clear(key: string): Promise<void>;
  /** Forgets every event at or before `beforeMs` (housekeeping). */
  prune(beforeMs: number): Promise<void>;
}

export type Clock = () => number;

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly events = new Map<string, number[]>();

  async eventsSince(key: string, sinceMs: number): Promise<number[]> {
    return (this.events.get(key) ?? []).filter((at) => at > sinceMs);
  }

  async record(key: string, atMs: number): Promise<void> {
    const list = this.events.get(key) ?? [];
    // Clocks can step backwards (NTP); keep the list sorted anyway.
    let index = list.length;
    while (index > 0 && (list[index - 1] ?? atMs) > atMs) index--;
    list.splice(index, 0, atMs);
    this.events.set(key, list);
  }

  async clear(key: string): Promise<void> {
    this.events.delete(key);
  }

  async prune(beforeMs: number): Promise<void> {
    for (const [key, list] of this.events) {
      const kept = list.filter((at) => at > beforeMs);
      if (kept.length === 0) this.events.delete(key);
      else this.events.set(key, kept);
    }
  }

  /** How many keys are held (for tests of pruning). */
  get size(): number {
    return this.events.size;
  }
}

function assertValidLimit(limit: Limit): void {
  if (
    !Number.isInteger(limit.max) ||
    limit.max < 1 ||
    !Number.isFinite(limit.windowMs) ||
    limit.windowMs <= 0
  ) {
    throw new RangeError(`invalid rate limit: ${JSON.stringify(limit)}`);
  }
}

export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly clock: Clock = Date.now,
  ) {}

  /** Would one more event for `key` fit? Records nothing (sign-in checks before trying the password). */
  async check(key: string, limit: Limit): Promise<RateLimitDecision> {
    assertValidLimit(limit);
    const now = this.clock();
    const events = await this.store.eventsSince(key, now - limit.windowMs);
    if (events.length < limit.max) return { allowed: true, retryAfterSeconds: 0 };
    // The window frees a slot when the event `max` places from the end falls out of it.
    const freesAt = (events[events.length - limit.max] ?? now) + limit.windowMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)) };
  }

  /** Counts one event (a failed sign-in, a reset request). */
  async record(key: string): Promise<void> {
    await this.store.record(key, this.clock());
  }

  /** Check and, when allowed, count the event in one call (for actions that always count). */
  async consume(key: string, limit: Limit): Promise<RateLimitDecision> {
    const decision = await this.check(key, limit);
    if (decision.allowed) await this.record(key);
    return decision;
  }

  /** Checks several keys (per account and per network) and answers with the longest wait. */
  async checkAll(checks: Array<{ key: string; limit: Limit }>): Promise<RateLimitDecision> {
    const decisions = await Promise.all(checks.map(({ key, limit }) => this.check(key, limit)));
    const retryAfterSeconds = Math.max(0, ...decisions.map((d) => d.retryAfterSeconds));
    return { allowed: decisions.every((d) => d.allowed), retryAfterSeconds };
  }

  /** Forgets a key's events (a successful sign-in clears that account's failures). */
  async reset(key: string): Promise<void> {
    await this.store.clear(key);
  }

  /** Drops events older than `olderThanMs` (the longest window in use, or more). */
  async prune(olderThanMs: number): Promise<void> {
    await this.store.prune(this.clock() - olderThanMs);
  }
}

/** "Try again in N minutes", rounded up to whole minutes (at least 1), Vietnamese first. */
export function rateLimitMessage(retryAfterSeconds: number): Message {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return minutes === 1
    ? formatMessage(m.tooManyAttemptsOneMinute, {})
    : formatMessage(m.tooManyAttempts, { minutes });
}

/** Throws 429 with the message above when the decision says no. */
export function assertAllowed(decision: RateLimitDecision): void {
  if (!decision.allowed)
    throw new UserError('rate_limited', 429, rateLimitMessage(decision.retryAfterSeconds));
}
