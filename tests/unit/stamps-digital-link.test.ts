import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { createStampKeyring, signStamp, verifyStamp } from '~/traceability/authenticator.server';
import {
  buildStampUrl,
  decodeBatchRef,
  encodeAiValue,
  encodeBatchRef,
  isValidAiValue,
  normaliseOrigin,
  parseStampUrl,
  type ParseStampResult,
} from '~/traceability/digital-link';

const ORIGIN = 'https://chophien.vn';
const AUTH = '1ABCDEFGHJKMNP';
const keyring = createStampKeyring('1', { '1': 'a-test-secret-that-is-32-bytes-or-more' });

const codeOf = (result: ParseStampResult) => (result.ok ? 'ok' : result.code);

describe('GS1 Digital Link stamps', () => {
  it('builds the canonical /01/10/21 URI with a GTIN-14 and the authenticator as ?a=', () => {
    expect(
      buildStampUrl(ORIGIN, { gtin: '8930000000019', lot: 'L2025-07', serial: '42' }, AUTH),
    ).toBe('https://chophien.vn/01/08930000000019/10/L2025-07/21/42?a=1ABCDEFGHJKMNP');
  });
  it('round-trips and the parsed stamp verifies', () => {
    const identity = { gtin: '08930000000019', lot: 'SHAN_TUYET.2025', serial: '1000000' };
    const url = buildStampUrl(ORIGIN, identity, signStamp(keyring, identity));
    const parsed = parseStampUrl(url, { host: 'chophien.vn' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.stamp).toEqual({ ...identity, authenticator: signStamp(keyring, identity) });
    expect(verifyStamp(keyring, parsed.stamp as typeof identity, parsed.stamp.authenticator)).toBe(
      true,
    );
  });
  it('percent-encodes reserved set-82 characters and decodes them back', () => {
    expect(encodeAiValue('A/B?C&D%E+F#')).toBe('A%2FB%3FC%26D%25E%2BF%23');
    expect(encodeAiValue('x!"\'()*,:;<=>')).toBe('x%21%22%27%28%29%2A%2C%3A%3B%3C%3D%3E');
    const identity = { gtin: '08930000000019', lot: 'L/25?&%', serial: 'S+1' };
    const url = buildStampUrl(ORIGIN, identity, AUTH);
    expect(url).toContain('/10/L%2F25%3F%26%25/21/S%2B1?a=');
    const parsed = parseStampUrl(url);
    expect(parsed.ok && parsed.stamp.lot).toBe('L/25?&%');
    expect(parsed.ok && parsed.stamp.serial).toBe('S+1');
  });
  it('accepts a GTIN-13 in the path and normalises it to 14 digits', () => {
    const parsed = parseStampUrl(`${ORIGIN}/01/8930000000019/10/L1/21/7?a=${AUTH}`);
    expect(parsed.ok && parsed.stamp.gtin).toBe('08930000000019');
  });
  it('ignores other query parameters, as GS1 resolvers do', () => {
    expect(
      codeOf(
        parseStampUrl(`${ORIGIN}/01/08930000000019/10/L1/21/7?linkType=all&a=${AUTH}&17=261231`),
      ),
    ).toBe('ok');
  });
  it('rejects malformed links with a clear reason', () => {
    const cases: Array<[string, string]> = [
      [`${ORIGIN}/01/08930000000018/10/L1/21/7?a=${AUTH}`, 'bad_check_digit'],
      [`${ORIGIN}/01/08930000000/10/L1/21/7?a=${AUTH}`, 'bad_gtin'],
      [`${ORIGIN}/01/089300000000AB/10/L1/21/7?a=${AUTH}`, 'bad_gtin'],
      [`${ORIGIN}/01/08930000000019/21/7?a=${AUTH}`, 'bad_path'],
      [`${ORIGIN}/01/08930000000019/10/L1/21/7/extra?a=${AUTH}`, 'bad_path'],
      [`${ORIGIN}/01/08930000000019/10/${'L'.repeat(21)}/21/7?a=${AUTH}`, 'bad_lot'],
      [`${ORIGIN}/01/08930000000019/10/L%C3%94/21/7?a=${AUTH}`, 'bad_lot'],
      [`${ORIGIN}/01/08930000000019/10/L%E0%A4/21/7?a=${AUTH}`, 'bad_lot'],
      [`${ORIGIN}/01/08930000000019/10/L1/21/${'9'.repeat(21)}?a=${AUTH}`, 'bad_serial'],
      [`${ORIGIN}/01/08930000000019/10/L1/21/a%7Cb?a=${AUTH}`, 'bad_serial'],
      [`${ORIGIN}/01/08930000000019/10/L1/21/%2E?a=${AUTH}`, 'bad_serial'],
      [`${ORIGIN}/01/08930000000019/10/L1/21/7`, 'bad_authenticator'],
      [`${ORIGIN}/01/08930000000019/10/L1/21/7?a=${AUTH.slice(0, -1)}`, 'bad_authenticator'],
      [`${ORIGIN}/01/08930000000019/10/L1/21/7?a=${AUTH.toLowerCase()}`, 'bad_authenticator'],
      [`${ORIGIN}/01/08930000000019/10/L1/21/7?a=1ABCDEFGHIJKLM`, 'bad_authenticator'],
      [`${ORIGIN}/01/08930000000019/10/L1/21/7?a=${AUTH}&a=${AUTH}`, 'bad_authenticator'],
      [`${ORIGIN}/products/5`, 'not_stamp_url'],
      ['not a url', 'not_stamp_url'],
      [`ftp://chophien.vn/01/08930000000019/10/L1/21/7?a=${AUTH}`, 'not_stamp_url'],
    ];
    for (const [url, code] of cases) {
      const result = parseStampUrl(url);
      expect(codeOf(result), url).toBe(code);
      if (!result.ok) expect(result.reason.vi.length * result.reason.en.length).toBeGreaterThan(0);
    }
  });
  it('rejects a stamp of another host when the host is given', () => {
    expect(
      codeOf(
        parseStampUrl(`https://evil.example/01/08930000000019/10/L1/21/7?a=${AUTH}`, {
          host: 'chophien.vn',
        }),
      ),
    ).toBe('foreign_host');
  });
  it('refuses to build a link for values no stamp may carry', () => {
    expect(() =>
      buildStampUrl(ORIGIN, { gtin: '08930000000018', lot: 'L', serial: '1' }, AUTH),
    ).toThrow(/GTIN/);
    expect(() =>
      buildStampUrl(ORIGIN, { gtin: '08930000000019', lot: 'lô', serial: '1' }, AUTH),
    ).toThrow(/lot/);
    expect(() =>
      buildStampUrl(ORIGIN, { gtin: '08930000000019', lot: 'L', serial: '' }, AUTH),
    ).toThrow(/serial/);
    expect(() =>
      buildStampUrl(ORIGIN, { gtin: '08930000000019', lot: 'L', serial: '1' }, 'short'),
    ).toThrow(/authenticator/);
    expect(() => buildStampUrl('http://chophien.vn', { batchId: 1, serial: '1' }, AUTH)).toThrow(
      /https/,
    );
  });
  it('fits a 15 mm QR code at error correction M: version ≤ 6 for a realistic worst case', () => {
    const url = buildStampUrl(
      'https://truyxuat.chophien.vn',
      { gtin: '08930000000019', lot: 'A'.repeat(20), serial: '999999999' },
      AUTH,
    );
    const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(url.length).toBeLessThanOrEqual(106);
    expect(qr.version).toBeLessThanOrEqual(6); // 41 modules: 0.37 mm per module at 15 mm
  });
});

describe('short stamps for products without a GTIN', () => {
  it('packs batch, serial and authenticator into /s/{code}', () => {
    const url = buildStampUrl(ORIGIN, { batchId: 1_000_000, serial: '123' }, AUTH);
    expect(url).toBe(`https://chophien.vn/s/YGJ0-123-${AUTH}`);
    const parsed = parseStampUrl(url);
    expect(parsed).toEqual({
      ok: true,
      stamp: { batchRef: 'YGJ0', batchId: 1_000_000, serial: '123', authenticator: AUTH },
    });
  });
  it('encodes batch refs canonically', () => {
    for (const id of [1, 31, 32, 1023, 987_654_321, Number.MAX_SAFE_INTEGER])
      expect(decodeBatchRef(encodeBatchRef(id))).toBe(id);
    expect(decodeBatchRef('0YGJ0')).toBeNull();
    expect(decodeBatchRef('yh20')).toBeNull();
    expect(decodeBatchRef('YI20')).toBeNull();
    expect(decodeBatchRef('')).toBeNull();
    expect(() => encodeBatchRef(0)).toThrow();
    expect(() => encodeBatchRef(2.5)).toThrow();
  });
  it('rejects malformed short codes', () => {
    const cases: Array<[string, string]> = [
      [`${ORIGIN}/s/YGJ0-123`, 'bad_code'],
      [`${ORIGIN}/s/YGJ0-0123-${AUTH}`, 'bad_code'],
      [`${ORIGIN}/s/YGJ0-12a-${AUTH}`, 'bad_code'],
      [`${ORIGIN}/s/0YGJ0-123-${AUTH}`, 'bad_batch'],
      [`${ORIGIN}/s/YU20-123-${AUTH}`, 'bad_batch'],
      [`${ORIGIN}/s/YGJ0-123-${AUTH}0`, 'bad_authenticator'],
      [`${ORIGIN}/s/YGJ0-123-1ABCDEFGHJKMNO`, 'bad_authenticator'],
      [`${ORIGIN}/s/YGJ0-123-${AUTH}/x`, 'not_stamp_url'],
    ];
    for (const [url, code] of cases) expect(codeOf(parseStampUrl(url)), url).toBe(code);
  });
  it('refuses non-decimal serials in short stamps', () => {
    expect(() => buildStampUrl(ORIGIN, { batchId: 1, serial: 'A1' }, AUTH)).toThrow(/decimal/);
  });
});

describe('helpers', () => {
  it('knows the GS1 set-82 value rules', () => {
    expect(isValidAiValue('ABC-123_x.y/z')).toBe(true);
    expect(isValidAiValue('')).toBe(false);
    expect(isValidAiValue('a b')).toBe(false);
    expect(isValidAiValue('#1')).toBe(false);
    expect(isValidAiValue('x'.repeat(20))).toBe(true);
    expect(isValidAiValue('..')).toBe(false); // would be read as a path segment by every URL parser
    expect(isValidAiValue('...')).toBe(true);
  });
  it('normalises origins and allows plain http only for localhost', () => {
    expect(normaliseOrigin('https://ChoPhien.vn/')).toBe('https://chophien.vn');
    expect(normaliseOrigin('http://localhost:3000')).toBe('http://localhost:3000');
    expect(() => normaliseOrigin('http://chophien.vn')).toThrow();
    expect(() => normaliseOrigin('nonsense')).toThrow();
  });
});
