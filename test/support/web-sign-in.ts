// Signing in through the real /signin page over HTTP, as a browser does: fetch the form (and its
// form-token cookie), post the user name and password from this site, keep the session cookie.
import type { RunningServer } from './server.js';

export const DEMO_USER_NAME = 'admin@adcenter.local';

/** The demo Super Admin's password, printed in the server's banner. */
export function demoPassword(server: RunningServer): string {
  return /password (\S+)/.exec(server.banner)![1]!;
}

/** name=value pairs of a response's Set-Cookie headers, keyed by name. */
export function setCookies(res: Response): Map<string, { value: string; header: string }> {
  const cookies = new Map<string, { value: string; header: string }>();
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(';')[0]!;
    const eq = pair.indexOf('=');
    cookies.set(pair.slice(0, eq), { value: pair.slice(eq + 1), header });
  }
  return cookies;
}

export interface SignInResult {
  /** The sign-in page's response (its form-token cookie). */
  page: Response;
  /** The form post's response (303 and the session cookie on success). */
  posted: Response;
  /** `adcenter_session=…` for a Cookie header, or null when sign-in failed. */
  sessionCookie: string | null;
}

export async function signInOverHttp(
  server: RunningServer, userName: string, password: string, headers: Record<string, string> = {},
): Promise<SignInResult> {
  const page = await fetch(`${server.url}/signin`, { headers });
  const formCookie = page.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const posted = await fetch(`${server.url}/signin`, {
    method: 'POST', redirect: 'manual',
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: formCookie, Origin: server.url },
    body: new URLSearchParams({ csrf, userName, password }).toString(),
  });
  const session = setCookies(posted).get('adcenter_session');
  return { page, posted, sessionCookie: session && session.value ? `adcenter_session=${session.value}` : null };
}
