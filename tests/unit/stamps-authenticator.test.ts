import { describe, expect, it } from 'vitest';
import {
  authenticatorKeyId,
  canonicalStampString,
  createStampKeyring,
  signStamp,
  verifyStamp,
} from '~/traceability/authenticator.server';
import { AUTHENTICATOR_LENGTH, CROCKFORD_ALPHABET } from '~/traceability/digital-link';

const SECRET_1 = 'first-secret-of-at-least-32-bytes-long!';
const SECRET_2 = 'second-secret-of-at-least-32-bytes-long';
const keyring = createStampKeyring('1', { '1': SECRET_1 });
const gtinStamp = { gtin: '08930000000019', lot: 'L2025-07', serial: '123456' };
const batchStamp = { batchId: 4711, serial: '99' };

describe('signStamp', () => {
  it('produces a fixed-length Crockford code starting with the key id', () => {
    const code = signStamp(keyring, gtinStamp);
    expect(code).toHaveLength(AUTHENTICATOR_LENGTH);
    expect(code[0]).toBe('1');
    expect([...code].every((c) => CROCKFORD_ALPHABET.includes(c))).toBe(true);
    expect(signStamp(keyring, gtinStamp)).toBe(code); // deterministic
    expect(authenticatorKeyId(code)).toBe('1');
  });
  it('signs GTIN-13 and its GTIN-14 form identically (one canonical string)', () => {
    expect(signStamp(keyring, { ...gtinStamp, gtin: '8930000000019' })).toBe(
      signStamp(keyring, gtinStamp),
    );
  });
  it('refuses identities no stamp can carry', () => {
    expect(() => signStamp(keyring, { ...gtinStamp, gtin: '08930000000018' })).toThrow();
    expect(() => signStamp(keyring, { ...gtinStamp, lot: 'lô 1' })).toThrow();
    expect(() => signStamp(keyring, { ...gtinStamp, lot: 'L'.repeat(21) })).toThrow();
    expect(() => signStamp(keyring, { ...gtinStamp, serial: '' })).toThrow();
    expect(() => signStamp(keyring, { batchId: 0, serial: '1' })).toThrow();
    expect(() => signStamp(keyring, { batchId: 1.5, serial: '1' })).toThrow();
  });
  it('uses AI-prefixed fields so a lot cannot pass for a serial', () => {
    expect(canonicalStampString(gtinStamp)).toBe('v1|01:08930000000019|10:L2025-07|21:123456');
    expect(canonicalStampString(batchStamp)).toBe('v1|b:4711|21:99');
    expect(canonicalStampString({ ...gtinStamp, serial: 'a|b' })).toBeNull();
  });
});

describe('verifyStamp — forgeries are rejected', () => {
  const code = signStamp(keyring, gtinStamp);
  const batchCode = signStamp(keyring, batchStamp);

  it('accepts the genuine stamps', () => {
    expect(verifyStamp(keyring, gtinStamp, code)).toBe(true);
    expect(verifyStamp(keyring, batchStamp, batchCode)).toBe(true);
  });
  it('rejects a changed serial, lot, GTIN or batch', () => {
    expect(verifyStamp(keyring, { ...gtinStamp, serial: '123457' }, code)).toBe(false);
    expect(verifyStamp(keyring, { ...gtinStamp, lot: 'L2025-08' }, code)).toBe(false);
    expect(verifyStamp(keyring, { ...gtinStamp, gtin: '08930000000026' }, code)).toBe(false);
    expect(verifyStamp(keyring, { ...batchStamp, batchId: 4712 }, batchCode)).toBe(false);
    expect(verifyStamp(keyring, { ...batchStamp, serial: '100' }, batchCode)).toBe(false);
    // a GTIN stamp's authenticator does not verify for a batch stamp and vice versa
    expect(verifyStamp(keyring, batchStamp, code)).toBe(false);
  });
  it('rejects every single-symbol change of the authenticator, at every position', () => {
    for (let i = 0; i < code.length; i++) {
      for (const symbol of CROCKFORD_ALPHABET) {
        if (symbol === code[i]) continue;
        const forged = code.slice(0, i) + symbol + code.slice(i + 1);
        expect(verifyStamp(keyring, gtinStamp, forged), forged).toBe(false);
      }
      expect(
        verifyStamp(
          keyring,
          gtinStamp,
          code.slice(0, i) + code.charAt(i).toLowerCase() + code.slice(i + 1),
        ),
      ).toBe(/\d/.test(code.charAt(i)));
    }
  });
  it('rejects random, truncated, extended and non-string codes', () => {
    for (let n = 0; n < 2000; n++) {
      let random = '1';
      for (let i = 1; i < AUTHENTICATOR_LENGTH; i++)
        random += CROCKFORD_ALPHABET[Math.floor(Math.random() * 32)];
      if (random !== code) expect(verifyStamp(keyring, gtinStamp, random)).toBe(false);
    }
    expect(verifyStamp(keyring, gtinStamp, code.slice(0, -1))).toBe(false);
    expect(verifyStamp(keyring, gtinStamp, code + '0')).toBe(false);
    expect(verifyStamp(keyring, gtinStamp, '')).toBe(false);
    expect(verifyStamp(keyring, gtinStamp, 'ü'.repeat(AUTHENTICATOR_LENGTH))).toBe(false);
    expect(verifyStamp(keyring, gtinStamp, undefined as unknown as string)).toBe(false);
  });
  it('rejects malformed identities instead of throwing', () => {
    expect(verifyStamp(keyring, { ...gtinStamp, gtin: 'abc' }, code)).toBe(false);
    expect(verifyStamp(keyring, { ...gtinStamp, lot: '' }, code)).toBe(false);
  });
  it('rejects a code made with another secret', () => {
    const other = createStampKeyring('1', { '1': SECRET_2 });
    expect(verifyStamp(keyring, gtinStamp, signStamp(other, gtinStamp))).toBe(false);
  });
});

describe('key rotation', () => {
  it('keeps old stamps valid while new ones use the new key', () => {
    const before = createStampKeyring('1', { '1': SECRET_1 });
    const after = createStampKeyring('2', { '1': SECRET_1, '2': SECRET_2 });
    const old = signStamp(before, gtinStamp);
    const fresh = signStamp(after, gtinStamp);
    expect(fresh[0]).toBe('2');
    expect(verifyStamp(after, gtinStamp, old)).toBe(true);
    expect(verifyStamp(after, gtinStamp, fresh)).toBe(true);
    // the key id selects the secret: relabelling an old tag with the new id does not verify
    expect(verifyStamp(after, gtinStamp, '2' + old.slice(1))).toBe(false);
    // once a key is withdrawn, its stamps stop verifying
    const withdrawn = createStampKeyring('2', { '2': SECRET_2 });
    expect(verifyStamp(withdrawn, gtinStamp, old)).toBe(false);
  });
  it('validates keyring configuration', () => {
    expect(() => createStampKeyring('1', { '1': 'short' })).toThrow(/32 bytes/);
    expect(() => createStampKeyring('I', { I: SECRET_1 })).toThrow(/Crockford/);
    expect(() => createStampKeyring('12', { '12': SECRET_1 })).toThrow(/Crockford/);
    expect(() => createStampKeyring('2', { '1': SECRET_1 })).toThrow(/not among/);
    expect(createStampKeyring('A', { A: Buffer.alloc(32, 7) }).keys.size).toBe(1);
  });
});
