// CSRF for the forms shown before there is a session (sign-in, sign-up, invitation acceptance):
// a random value in an HttpOnly cookie, echoed in a hidden field ("double submit"). Together with
// the same-origin check, another site can neither read the value nor post the form for the user
// (which would sign the victim into the attacker's account: login CSRF).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CookieSecurity } from './cookie-security.js';
import { cookie } from './session.js';
import type { Form } from './forms.js';

const COOKIE = 'adcenter_form';

/** The form token for this browser, set as a cookie when it has none yet. */
export function formToken(req: FastifyRequest, reply: FastifyReply, security: CookieSecurity): string {
  const existing = cookie(req, COOKIE);
  if (existing && /^[A-Za-z0-9_-]{22,}$/.test(existing)) return existing;
  const token = randomBytes(16).toString('base64url');
  // A browser-session cookie: Strict, since it is only ever needed by our own pages' posts.
  reply.header('Set-Cookie', `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict${security.attribute(req)}`);
  return token;
}

export function hasValidFormToken(req: FastifyRequest, form: Form): boolean {
  const expected = cookie(req, COOKIE);
  const given = form.get('csrf');
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
