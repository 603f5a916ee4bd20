import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { applyNonce, contentSecurityPolicy, createNonce, securityHeaders } from '../../server/csp';

async function headersOf(options: { publicUrl: string | null; dev: boolean }) {
  const app = express();
  app.use(securityHeaders(options));
  app.get('/', (_req, res) => res.send(String(res.locals.cspNonce)));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`);
    return { headers: response.headers, nonce: await response.text() };
  } finally {
    server.close();
  }
}

describe('Content-Security-Policy', () => {
  it('allows scripts only from our origin and with this response’s nonce', () => {
    const policy = contentSecurityPolicy('abc123', { https: false });
    const scripts = policy.split('; ').find((d) => d.startsWith('script-src'));
    expect(scripts).toBe("script-src 'self' 'nonce-abc123'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy('x', { https: true })).toContain('upgrade-insecure-requests');
  });

  it('makes a new 128-bit nonce every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });

  it('puts the serving response’s nonce into a stored page', () => {
    const stored = '<script nonce="@N@">1</script><script nonce="@N@">2</script>';
    expect(applyNonce(stored, 'fresh', '@N@')).toBe(
      '<script nonce="fresh">1</script><script nonce="fresh">2</script>',
    );
  });

  it('sends the policy with the nonce of res.locals, and the other security headers', async () => {
    const { headers, nonce } = await headersOf({ publicUrl: null, dev: false });
    expect(headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`);
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('permissions-policy')).toContain('camera=()');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('strict-transport-security')).toBeNull();
  });

  it('adds HSTS only behind an https PUBLIC_URL; only reports in development', async () => {
    const https = await headersOf({ publicUrl: 'https://chophien.vn', dev: false });
    expect(https.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    const http = await headersOf({ publicUrl: 'http://localhost:3000', dev: false });
    expect(http.headers.get('strict-transport-security')).toBeNull();
    const dev = await headersOf({ publicUrl: null, dev: true });
    expect(dev.headers.get('content-security-policy')).toBeNull();
    expect(dev.headers.get('content-security-policy-report-only')).toContain('script-src');
  });
});

describe('a route with its own policy', () => {
  it('replaces the default policy rather than adding to it', async () => {
    const app = express();
    app.use(securityHeaders({ publicUrl: null, dev: false }));
    app.get('/doc', (_req, res) => {
      res.append('Content-Security-Policy', 'sandbox');
      res.append('Vary', 'Cookie');
      res.send('pdf');
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/doc`);
      expect(response.headers.get('content-security-policy')).toBe('sandbox');
      expect(response.headers.get('vary')).toContain('Cookie');
    } finally {
      server.close();
    }
  });
});
