// Form posts: bodies arrive as text (see cli/server.ts) and are parsed here; a POST is accepted
// only from this site (Origin/Referer) and, once signed in, with the session's CSRF token.
import type { FastifyRequest } from 'fastify';
import type { Session } from './session.js';

export type Form = URLSearchParams;

export function readForm(req: FastifyRequest): Form {
  return new URLSearchParams(typeof req.body === 'string' ? req.body : '');
}

/** Same-origin check: a browser always sends Origin (or at least Referer) on a form POST. */
export function isSameOrigin(req: FastifyRequest): boolean {
  const source = req.headers.origin ?? req.headers.referer;
  if (!source) return false;
  try {
    return new URL(source).host === req.host;
  } catch {
    return false;
  }
}

export function hasValidCsrf(form: Form, session: Session): boolean {
  return form.get('csrf') === session.csrf;
}
