import { describe, expect, it } from 'vitest';
import { attemptId, attemptTime, vietnamTimestamp } from '~/payments/providers/hmac';
import { zalopayTransId } from '~/payments/providers/zalopay';

// VNPay's querydr wants the payment's vnp_CreateDate back: it is read from the time in the attempt id.
describe('attemptTime', () => {
  it('reads back the time an attempt id was made, also inside a ZaloPay app_trans_id', () => {
    const at = new Date('2026-12-02T06:59:58.123Z');
    const attempt = attemptId('TT1A2B3C4D', at);
    expect(attemptTime(attempt)?.toISOString()).toBe(at.toISOString());
    expect(vietnamTimestamp(attemptTime(attempt)!)).toBe('20261202135958');
    expect(attemptTime(zalopayTransId(attempt, at))?.getTime()).toBe(at.getTime());
  });

  it('is null for an id that is not ours', () => {
    expect(attemptTime('TT1A2B3C4D')).toBeNull();
    expect(attemptTime('')).toBeNull();
  });
});
