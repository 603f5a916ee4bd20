import { describe, expect, it } from 'vitest';
import {
  generateSessionId,
  generateToken,
  hashToken,
  isWellFormedToken,
  safeEqual,
  tokenMatchesHash,
} from '~/accounts/tokens.server';

describe('generateToken', () => {
  it('gives 256 random bits as 43 base64url characters, different every time', () => {
    const tokens = new Set(Array.from({ length: 200 }, generateToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
    expect(generateSessionId()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('isWellFormedToken', () => {
  it('accepts generated tokens and refuses anything else', () => {
    expect(isWellFormedToken(generateToken())).toBe(true);
    for (const bad of [
      null,
      undefined,
      '',
      'abc',
      `${generateToken()}x`,
      `${generateToken().slice(1)}=`,
      `${generateToken().slice(1)}/`,
    ]) {
      expect(isWellFormedToken(bad)).toBe(false);
    }
  });
});

describe('hashToken', () => {
  it('is the SHA-256 of the token in hex, stable and not the token itself', () => {
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const token = generateToken();
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toContain(token);
  });
});

describe('safeEqual', () => {
  it('compares strings of any length', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('abc', '')).toBe(false);
    expect(safeEqual('chè', 'che\u0300')).toBe(false);
  });
});

describe('tokenMatchesHash', () => {
  it('matches a token with its stored hash only', () => {
    const token = generateToken();
    const stored = hashToken(token);
    expect(tokenMatchesHash(token, stored)).toBe(true);
    expect(tokenMatchesHash(generateToken(), stored)).toBe(false);
    expect(tokenMatchesHash(stored, stored)).toBe(false);
    expect(tokenMatchesHash('', hashToken(''))).toBe(false);
  });
});
