import { describe, expect, it } from 'vitest';
import { createDemandLimiter } from '~/search/demand.server';

const HOUR = 3_600_000;

function clock(start = Date.parse('2026-12-02T08:00:00Z')) {
  let at = start;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

describe('demand limiter', () => {
  it('counts a network’s search for one query once a day', () => {
    const time = clock();
    const limiter = createDemandLimiter({ now: time.now });
    expect(limiter.allows('203.0.113.0/24', 'mang chua')).toBe(true);
    expect(limiter.allows('203.0.113.0/24', 'mang chua')).toBe(false);
    time.advance(23 * HOUR);
    expect(limiter.allows('203.0.113.0/24', 'mang chua')).toBe(false);
    time.advance(HOUR);
    expect(limiter.allows('203.0.113.0/24', 'mang chua')).toBe(true);
  });

  it('lets other networks count the same query', () => {
    const limiter = createDemandLimiter({ now: clock().now });
    expect(limiter.allows('203.0.113.0/24', 'mang chua')).toBe(true);
    expect(limiter.allows('198.51.100.0/24', 'mang chua')).toBe(true);
    expect(limiter.allows('2001:db8:1::/48', 'mang chua')).toBe(true);
  });

  it('stops a network after its hourly share of different queries, then lets it go on', () => {
    const time = clock();
    const limiter = createDemandLimiter({ now: time.now, perNetworkPerHour: 3 });
    const counted = ['a', 'b', 'c', 'd', 'e'].map((q) => limiter.allows('net', q));
    expect(counted).toEqual([true, true, true, false, false]);
    expect(limiter.allows('other', 'd')).toBe(true);
    time.advance(HOUR);
    expect(limiter.allows('net', 'd')).toBe(true);
    // Refused queries were not remembered as counted: 'e' still counts in the new hour.
    expect(limiter.allows('net', 'e')).toBe(true);
  });

  it('stays within its memory bound under a flood of networks', () => {
    const limiter = createDemandLimiter({ now: clock().now, maxEntries: 100 });
    for (let i = 0; i < 10_000; i++) expect(limiter.allows(`net-${i}`, `q-${i}`)).toBe(true);
    // The oldest were forgotten, so they may count again; the newest are still remembered.
    expect(limiter.allows('net-9999', 'q-9999')).toBe(false);
    expect(limiter.allows('net-0', 'q-0')).toBe(true);
  });
});
