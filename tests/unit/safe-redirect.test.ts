import { describe, expect, it } from 'vitest';
import { safeRedirect, withQueryParameter } from '~/lib/safe-redirect';

/** Targets a browser could read as another site, or that cannot go into a Location header as they are. */
const HOSTILE = [
  '//evil.example',
  '///evil.example',
  '////evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/\t\t/evil.example',
  ' /\t/evil.example',
  '/%09/evil.example',
  '/%0a/evil.example',
  '/%0d%0a/evil.example',
  '/%5c%5cevil.example',
  '/%5Cevil.example',
  '/%2f%2fevil.example',
  '/%2F/evil.example',
  '/.//evil.example',
  '/..//evil.example',
  '/%2e%2e//evil.example',
  '/%2e//evil.example',
  '/foo/..//evil.example',
  'https://evil.example',
  'http:evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'evil.example',
  'mailto:a@evil.example',
  '\u0000/evil',
  '/\u0000evil',
  '/%00evil',
  '/\u0007',
  '/\u007f',
  '/\u0085evil',
  '/\u00a0/evil.example',
  '/\u3000/evil.example',
  '/\u2028/evil.example',
  '/\u200b/evil.example',
  '/\ufeff/evil.example',
  '/%E2%80%A8/evil.example',
  '/%ZZ',
  '/%E0%A4%A',
  '/' + 'a'.repeat(2001),
  '',
  '?x=1',
  '#top',
  'https:/\\evil.example',
];

describe('safeRedirect', () => {
  it.each(HOSTILE)('refuses %j and falls back', (target) => {
    expect(safeRedirect(target, '/fallback')).toBe('/fallback');
  });

  it('has at least 30 hostile targets', () => expect(HOSTILE.length).toBeGreaterThanOrEqual(30));

  it.each([
    ['/', '/'],
    ['/san-pham', '/san-pham'],
    ['/san-pham?q=che&province=lao-cai', '/san-pham?q=che&province=lao-cai'],
    ['/san-pham#ket-qua', '/san-pham#ket-qua'],
    ['/kenh-nguoi-ban/san-pham/12', '/kenh-nguoi-ban/san-pham/12'],
    ['/ti%E1%BB%87n', '/ti%E1%BB%87n'],
    ['/tiện', '/ti%E1%BB%87n'],
    ['/san-pham?q=chè', '/san-pham?q=ch%C3%A8'],
    ['/a。b', '/a%E3%80%82b'],
    ['/a/../b', '/b'],
  ])('keeps the same-site path %j as %j', (target, expected) => {
    expect(safeRedirect(target, '/fallback')).toBe(expected);
  });

  it('answers ASCII that a Location header accepts, for any string', () => {
    for (const target of [...HOSTILE, '/tiện', '/\ud800', '/😀?q=😀#😀']) {
      const result = safeRedirect(target);
      expect(() => new Headers({ Location: result })).not.toThrow();
      expect(result).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
    }
  });

  it('refuses what is not a string', () => {
    expect(safeRedirect(null)).toBe('/');
    expect(safeRedirect(undefined, '/x')).toBe('/x');
  });
});

describe('withQueryParameter', () => {
  it('adds the parameter before the fragment and keeps the query', () => {
    expect(withQueryParameter('/san-pham/a?x=1#anh', 'da-them', 'ok')).toBe(
      '/san-pham/a?x=1&da-them=ok#anh',
    );
    expect(withQueryParameter('/gio-hang', 'da-them', 'het')).toBe('/gio-hang?da-them=het');
  });
});
