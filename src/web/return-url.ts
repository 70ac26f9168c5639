// Where to go after signing in: only a path on this site (the OAuth authorize endpoint sends
// `/signin?return=/common/oauth2/v2.0/authorize?...`). Anything else — an absolute URL,
// a protocol-relative `//host`, a backslash trick browsers read as `//` — falls back to the
// accounts page, so the sign-in page cannot be used as an open redirect.
export const DEFAULT_AFTER_SIGN_IN = '/accounts';

export function safeReturn(value: string | null | undefined): string | null {
  if (!value || value.length > 4096) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  // Control characters (a newline or tab browsers strip) could turn a path into `//host`.
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  const base = 'http://return.invalid';
  try {
    const url = new URL(value, base);
    if (url.origin !== base) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}
