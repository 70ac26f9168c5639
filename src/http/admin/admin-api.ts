// The emulator's own API under /_adcenter (request log, fault injection, and what other modules
// add: reset, clock …). One fastify plugin: the gate (admin-gate.ts) runs first for every route of
// it, then each routes plugin given in `routes` is registered inside, so every /_adcenter route is
// gated the same way. Answers are JSON; errors are `{"error": "..."}`.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Environment } from '../../contract/environment.js';
import { adminGate, adminMode } from './admin-gate.js';

export const ADMIN_PREFIX = '/_adcenter';

/** Registers routes relative to /_adcenter (e.g. `app.get('/requests', …)`). */
export type AdminRoutes = (app: FastifyInstance) => Promise<void> | void;

export interface AdminApiOptions {
  readonly environment: Environment;
  /** --admin-token / ADCENTER_ADMIN_TOKEN: required as a Bearer token when set. */
  readonly adminToken?: string | undefined;
  readonly routes: readonly AdminRoutes[];
}

/** Register with `app.register(adminApi, { prefix: ADMIN_PREFIX, environment, adminToken, routes: [...] })`. */
export async function adminApi(app: FastifyInstance, options: AdminApiOptions): Promise<void> {
  const mode = adminMode(options.environment, options.adminToken);
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'admin request failed');
    return reply.code(status).send({ error: status === 500 ? 'Internal error.' : err.message });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: mode === 'off'
    ? 'The /_adcenter API is off in production; start the server with --admin-token (or ADCENTER_ADMIN_TOKEN) to use it.'
    : `No admin route at ${req.method} ${req.url.split('?')[0]}.` }));
  if (mode === 'off') return;
  if (mode === 'token') app.addHook('onRequest', adminGate(options.adminToken!));
  for (const routes of options.routes) await app.register(async (scope) => routes(scope));
}

export class AdminRequestError extends Error {
  readonly statusCode = 400;
}

/** The JSON body of an admin request (the server reads every body as text); {} when empty. */
export function jsonBody(req: FastifyRequest): unknown {
  const text = typeof req.body === 'string' ? req.body : '';
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AdminRequestError('The body is not valid JSON.');
  }
}

export function badRequest(reply: FastifyReply, message: string): FastifyReply {
  return reply.code(400).send({ error: message });
}
