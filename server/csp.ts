import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';

/**
 * Content-Security-Policy with a fresh script nonce per response (decision 013). The nonce is made here,
 * before anything else answers, and kept in `res.locals.cspNonce`; Remix gets it through the load
 * context (`context.cspNonce`) and puts it on its inline scripts (entry.server.tsx, root.tsx). A response
 * cache that stores a page must store it with the nonce replaced by a placeholder and put the serving
 * response's own `res.locals.cspNonce` back in (`applyNonce`), so no two viewers share a nonce.
 */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Replaces every occurrence of `placeholder` in a stored page with this response's nonce. */
export function applyNonce(html: string, nonce: string, placeholder: string): string {
  return html.replaceAll(placeholder, nonce);
}

export function contentSecurityPolicy(nonce: string, options: { https: boolean }): string {
  return [
    "default-src 'self'",
    // Only our own files and the inline scripts Remix writes with this response's nonce.
    `script-src 'self' 'nonce-${nonce}'`,
    // Styles are our own files; inline style attributes (SVG QR codes, charts) stay allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'payment=()',
  'interest-cohort=()',
].join(', ');

/**
 * Security headers of every response. In development (Vite's middleware injects its own inline
 * scripts) the policy is only reported, never enforced.
 */
export function securityHeaders(options: {
  publicUrl: string | null;
  dev: boolean;
}): RequestHandler {
  const https = options.publicUrl?.startsWith('https://') ?? false;
  return (_req, res, next) => {
    const nonce = createNonce();
    res.locals.cspNonce = nonce;
    res.setHeader(
      options.dev ? 'Content-Security-Policy-Report-Only' : 'Content-Security-Policy',
      contentSecurityPolicy(nonce, { https }),
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // A route that sends its own policy (an uploaded document served with `sandbox`) replaces this
    // default instead of being appended to it, as Remix's Express adapter would do.
    const append = res.append.bind(res);
    res.append = (field: string, value?: string | string[]) => {
      if (field.toLowerCase() === 'content-security-policy' && value !== undefined) {
        res.setHeader(field, value);
        return res;
      }
      return append(field, value);
    };
    next();
  };
}
