import type { IncomingHttpHeaders } from 'node:http';

/**
 * True when a browser tells us the request comes from another site. Modern browsers send
 * Sec-Fetch-Site; older ones send Origin on cross-origin POSTs. Requests with neither (curl,
 * server-to-server) carry no ambient cookies from a victim's browser, so they are not CSRF.
 */
export function isCrossSiteRequest(headers: IncomingHttpHeaders): boolean {
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true;
  const origin = headers.origin;
  if (!origin || origin === 'null') return origin === 'null';
  try {
    const host = headers['x-forwarded-host'] ?? headers.host;
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** The signed machine-to-machine endpoints (app/routes/webhooks.*.ts). */
const WEBHOOK_PATHS = new Set([
  '/webhooks/bank-transfer',
  '/webhooks/stripe',
  '/webhooks/vnpay',
  '/webhooks/momo',
  '/webhooks/zalopay',
]);

/**
 * The path after URL parsing, as Remix sees it: dot segments (also percent-encoded ones) resolved.
 * Every path-based decision of server/http.ts is made on it, never on the raw request line.
 */
export function normalisedPath(rawUrl: string): string {
  try {
    return new URL(rawUrl, 'http://normalise.invalid').pathname;
  } catch {
    return '/';
  }
}

/** A request to one of the signed webhooks, which are exempt from the CSRF check. */
export function isSignedWebhook(rawUrl: string): boolean {
  return WEBHOOK_PATHS.has(normalisedPath(rawUrl));
}
