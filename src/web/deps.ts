// What every page handler needs, and helpers over who is looking at the page (viewer.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Environment } from '../contract/environment.js';
import { parseId } from '../contract/ids.js';
import type { Store } from '../store/store.js';
import type { RequestLog } from '../codec/request-log/request-log.js';
import type { SignInLimiter } from './rate-limit.js';
import type { CookieSecurity } from './cookie-security.js';
import type { Sessions } from './session.js';
import type { Viewer } from './viewer.js';
import type { PageOptions } from './html.js';
import { isSameOrigin, hasValidCsrf, type Form } from './forms.js';
import { redirect } from './respond.js';

export interface WebDeps {
  readonly store: Store;
  readonly environment: Environment;
  readonly sessions: Sessions;
  /** Whether cookies carry Secure (public https URL, or an https request). */
  readonly cookieSecurity: CookieSecurity;
  readonly limiter: SignInLimiter;
  /** The API calls this instance recorded (the /requests page); absent or size 0 = off. */
  readonly requestLog?: RequestLog | undefined;
  /** Whether /requests shows every call to anyone (the /_adcenter API is open) or the viewer's own. */
  readonly requestLogOpen?: boolean | undefined;
  /** Base URL of links the application sends (--public-url); default: the request's origin. */
  readonly publicUrl?: string | undefined;
}

export function layoutFor(viewer: Viewer | null): Omit<PageOptions, 'title'> {
  return viewer ? { userName: viewer.user.userName, csrf: viewer.session.csrf } : {};
}

/** Sends a signed-out visitor to the sign-in page, to come back here afterwards. */
export function toSignIn(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  return redirect(reply, `/signin?return=${encodeURIComponent(req.url)}`, 302);
}

/** A signed-in user's form post: from this site and carrying the session's CSRF token. */
export function isTrustedPost(req: FastifyRequest, form: Form, viewer: Viewer): boolean {
  return isSameOrigin(req) && hasValidCsrf(form, viewer.session);
}

/** The first value of a query parameter. */
export function queryParam(req: FastifyRequest, name: string): string | undefined {
  const value = (req.query as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A positive 64-bit id from a form or query value, or null. */
export function positiveId(value: string | null | undefined): bigint | null {
  const id = parseId(value);
  return id !== null && id > 0n ? id : null;
}
