import { beforeEach, describe, expect, it } from 'vitest';
import {
  assertAllowed,
  MemoryRateLimitStore,
  RateLimiter,
  rateLimitMessage,
  type Limit,
} from '~/accounts/rate-limit';
import { isUserError } from '~/lib/errors';

const FIVE_IN_15_MIN: Limit = { max: 5, windowMs: 15 * 60_000 };

describe('RateLimiter (sliding window)', () => {
  let now: number;
  let store: MemoryRateLimitStore;
  let limiter: RateLimiter;
  beforeEach(() => {
    now = Date.UTC(2026, 0, 1);
    store = new MemoryRateLimitStore();
    limiter = new RateLimiter(store, () => now);
  });

  it('allows up to max events, then refuses until the oldest leaves the window', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await limiter.consume('sign-in:account:1', FIVE_IN_15_MIN)).toEqual({
        allowed: true,
        retryAfterSeconds: 0,
      });
      now += 60_000;
    }
    // Events at 0,1,2,3,4 min; now = 5 min: the first frees at 15 min.
    expect(await limiter.check('sign-in:account:1', FIVE_IN_15_MIN)).toEqual({
      allowed: false,
      retryAfterSeconds: 600,
    });
    now += 600_000 - 1;
    expect((await limiter.check('sign-in:account:1', FIVE_IN_15_MIN)).allowed).toBe(false);
    expect((await limiter.check('sign-in:account:1', FIVE_IN_15_MIN)).retryAfterSeconds).toBe(1);
    now += 1;
    expect(await limiter.check('sign-in:account:1', FIVE_IN_15_MIN)).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
    });
  });

  it('check records nothing; a refused consume records nothing either', async () => {
    for (let i = 0; i < 10; i++) await limiter.check('k', { max: 1, windowMs: 1000 });
    expect((await limiter.consume('k', { max: 1, windowMs: 1000 })).allowed).toBe(true);
    expect((await limiter.consume('k', { max: 1, windowMs: 1000 })).allowed).toBe(false);
    expect(await store.eventsSince('k', 0)).toHaveLength(1);
  });

  it('keeps keys apart (per account, per network)', async () => {
    await limiter.record('sign-in:account:1');
    expect((await limiter.check('sign-in:account:1', { max: 1, windowMs: 60_000 })).allowed).toBe(
      false,
    );
    expect((await limiter.check('sign-in:account:2', { max: 1, windowMs: 60_000 })).allowed).toBe(
      true,
    );
  });

  it('checkAll refuses when any key is over and gives the longest wait', async () => {
    const perAccount = { key: 'a', limit: { max: 1, windowMs: 60_000 } };
    const perNetwork = { key: 'n', limit: { max: 1, windowMs: 3_600_000 } };
    expect(await limiter.checkAll([perAccount, perNetwork])).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
    });
    await limiter.record('a');
    expect(await limiter.checkAll([perAccount, perNetwork])).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
    });
    await limiter.record('n');
    expect(await limiter.checkAll([perAccount, perNetwork])).toEqual({
      allowed: false,
      retryAfterSeconds: 3600,
    });
    expect(await limiter.checkAll([])).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });

  it('reset forgets a key (successful sign-in)', async () => {
    await limiter.record('a');
    await limiter.reset('a');
    expect((await limiter.check('a', { max: 1, windowMs: 60_000 })).allowed).toBe(true);
  });

  it('prune drops old events and empty keys', async () => {
    await limiter.record('old');
    now += 2 * 3_600_000;
    await limiter.record('new');
    await limiter.prune(3_600_000);
    expect(store.size).toBe(1);
    expect(await store.eventsSince('new', 0)).toEqual([now]);
  });

  it('stays correct when the clock steps backwards', async () => {
    await limiter.record('k');
    now -= 5_000;
    await limiter.record('k');
    expect(await store.eventsSince('k', 0)).toEqual([now, now + 5_000]);
  });

  it.each([
    { max: 0, windowMs: 1000 },
    { max: 1.5, windowMs: 1000 },
    { max: 1, windowMs: 0 },
    { max: 1, windowMs: Number.NaN },
  ])('refuses a nonsense limit %j', async (limit) => {
    await expect(limiter.check('k', limit)).rejects.toThrow(RangeError);
  });
});

describe('rateLimitMessage / assertAllowed', () => {
  it('says how many minutes to wait, rounded up, at least one', () => {
    expect(rateLimitMessage(600)).toEqual({
      vi: 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau 10 phút.',
      en: 'Too many attempts. Please try again in 10 minutes.',
    });
    expect(rateLimitMessage(61).vi).toContain('sau 2 phút');
    expect(rateLimitMessage(1).en).toBe('Too many attempts. Please try again in 1 minute.');
    expect(rateLimitMessage(0).vi).toContain('sau 1 phút');
  });

  it('throws a 429 UserError only when refused', () => {
    expect(() => assertAllowed({ allowed: true, retryAfterSeconds: 0 })).not.toThrow();
    try {
      assertAllowed({ allowed: false, retryAfterSeconds: 300 });
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error) && error.status).toBe(429);
      expect(isUserError(error) && error.userMessage.vi).toContain('5 phút');
    }
  });
});
