/** Headers for public catalogue pages: short shared caching, never for a signed-in visitor. */
export function publicCacheHeaders(request: Request): HeadersInit {
  const cookie = request.headers.get('Cookie') ?? '';
  if (/(?:^|;\s*)__session=/.test(cookie)) return { 'Cache-Control': 'private, no-store' };
  // The language lives in a cookie, so shared caches must key on it.
  // no-cache: browsers and shared caches revalidate every time (a cheap 304 from the server's response
  // cache, decision 015), so a changed price or stock shows on the next request.
  return { 'Cache-Control': 'public, no-cache', Vary: 'Cookie' };
}

/** Remix `headers` export that passes the loader's Cache-Control and Vary through to the document. */
export function loaderCacheHeaders({ loaderHeaders }: { loaderHeaders: Headers }): Headers {
  const headers = new Headers();
  for (const name of ['Cache-Control', 'Vary']) {
    const value = loaderHeaders.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
}

/** Absolute URL of a path on this site, for canonical links and Open Graph. */
export function absoluteUrl(request: Request, pathname: string, publicUrl: string | null): string {
  const base = publicUrl ?? new URL(request.url).origin;
  return new URL(pathname, base).toString();
}
