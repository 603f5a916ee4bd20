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
