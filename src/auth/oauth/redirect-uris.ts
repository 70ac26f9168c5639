// Redirect URI rules. Registration accepts https URIs, http only on the loopback interface, and
// private-use schemes of native apps. Matching is exact string comparison — except that a
// registered loopback URI (http://localhost, http://127.0.0.1, http://[::1]) matches any port,
// because native apps listen on an ephemeral port (RFC 8252 §7.3; the identity platform does the same).

/** Schemes that would run code or read local data in the browser: never a redirect target. */
const FORBIDDEN_SCHEMES = new Set(['javascript:', 'data:', 'file:', 'vbscript:', 'blob:', 'about:', 'ftp:', 'ws:', 'wss:']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** The identity platform's limit on a redirect URI's length. */
export const MAX_REDIRECT_URI_LENGTH = 256;

function parse(uri: string): URL | null {
  try {
    return new URL(uri);
  } catch {
    return null;
  }
}

function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/** Why a URI cannot be registered, or null when it can. */
export function redirectUriProblem(uri: string): string | null {
  if (uri.length > MAX_REDIRECT_URI_LENGTH) return `A redirect URI may be at most ${MAX_REDIRECT_URI_LENGTH} characters long.`;
  if (/\s/.test(uri)) return 'A redirect URI may not contain white space.';
  const url = parse(uri);
  if (url === null) return `"${uri}" is not an absolute URI.`;
  if (uri.includes('#')) return 'A redirect URI may not contain a fragment (#).';
  if (FORBIDDEN_SCHEMES.has(url.protocol)) return `The scheme ${url.protocol} cannot be used for redirect URIs.`;
  if (url.username !== '' || url.password !== '') return 'A redirect URI may not contain user information.';
  if (url.protocol === 'http:' && !isLoopbackHttp(url)) {
    return 'http is allowed only for http://localhost, http://127.0.0.1 and http://[::1]; use https.';
  }
  return null;
}

/**
 * The redirect URI to use for a request, or null when `requested` matches no registered URI.
 * The result is the requested URI itself (with its port, for a loopback match).
 */
export function matchRedirectUri(registered: readonly string[], requested: string): string | null {
  if (registered.includes(requested)) return requested;
  const url = parse(requested);
  if (url === null || !isLoopbackHttp(url) || requested.includes('#')) return null;
  const hit = registered.some((r) => {
    const reg = parse(r);
    return reg !== null && isLoopbackHttp(reg) && reg.hostname === url.hostname
      && reg.pathname === url.pathname && reg.search === url.search;
  });
  return hit ? requested : null;
}
