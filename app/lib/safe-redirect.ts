const BASE = 'http://same-origin.invalid';
// Control characters (C0, DEL, C1), every kind of white space (browsers drop tabs and line breaks from
// URLs, so `/\t/evil.example` becomes `//evil.example`) and backslashes (read as slashes).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\s\\\u200B-\u200F\u2028\u2029\uFEFF]/u;
const MAX_LENGTH = 2000;

/**
 * The one check for every redirect target a visitor can influence (`/ngon-ngu?back=`,
 * `/dang-nhap?redirectTo=`, the cart's `redirectTo`): a path on this site, after URL parsing, or the
 * fallback. The answer is always plain ASCII (non-ASCII is percent-encoded), so it is safe in a
 * Location header; nothing a visitor sends can make this throw.
 */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = '/',
): string {
  if (typeof to !== 'string' || to.length === 0 || to.length > MAX_LENGTH) return fallback;
  if (!isSafeLookingPath(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.username || url.password) return fallback;
  const target = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can collapse into a scheme-relative path (`/.//evil.example` → `//evil.example`).
  if (!isSafeLookingPath(target)) return fallback;
  // What a lenient reader might decode must be just as safe (`/%5C%5Cevil`, `/%09/evil`).
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  if (!isSafeLookingPath(decoded)) return fallback;
  return target;
}

function isSafeLookingPath(path: string): boolean {
  return path.startsWith('/') && path[1] !== '/' && !UNSAFE.test(path);
}

/** A redirect target with one more query parameter, kept before any #fragment. */
export function withQueryParameter(target: string, name: string, value: string): string {
  const url = new URL(target, BASE);
  url.searchParams.set(name, value);
  return `${url.pathname}${url.search}${url.hash}`;
}
