// What every page handler needs, and who is looking at the page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Environment } from '../domain/context.js';
import type { UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { SignInLimiter } from './rate-limit.js';
import type { Session, Sessions } from './session.js';
import type { PageOptions } from './html.js';
import { isSameOrigin, hasValidCsrf, type Form } from './forms.js';
import { redirect } from './respond.js';

export interface WebDeps {
  readonly store: Store;
  readonly environment: Environment;
  readonly sessions: Sessions;
  readonly limiter: SignInLimiter;
}

export interface Viewer {
  readonly user: UserRecord;
  readonly session: Session;
}

/** The signed-in user, re-read on every request so that a deleted or inactive user's cookie stops working. */
export async function currentViewer(deps: WebDeps, req: FastifyRequest): Promise<Viewer | null> {
  const session = deps.sessions.read(req);
  if (!session) return null;
  const user = await deps.store.getUser(session.userId);
  if (!user || user.lifeCycleStatus !== 'Active') return null;
  return { user, session };
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

/** A positive 64-bit id from text, or null. */
export function parseId(value: string | null | undefined): bigint | null {
  if (!value || !/^\d{1,19}$/.test(value)) return null;
  const id = BigInt(value);
  return id > 0n && id < 2n ** 63n ? id : null;
}
