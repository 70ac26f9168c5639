// Who may use the /_adcenter API. In the sandbox it is open unless an admin token is configured;
// in production it is off unless one is. With a token, every request must carry it as
// `Authorization: Bearer <token>`, compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Environment } from '../../contract/environment.js';

export type AdminMode = 'open' | 'token' | 'off';

export function adminMode(environment: Environment, adminToken: string | undefined): AdminMode {
  if (adminToken) return 'token';
  return environment === 'sandbox' ? 'open' : 'off';
}

/** An onRequest hook that lets through only requests bearing the admin token. */
export function adminGate(adminToken: string): (req: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const expected = digest(adminToken);
  return async (req, reply) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    // Digests of equal length, so neither the comparison nor its length check leaks the token.
    if (match && timingSafeEqual(digest(match[1]!), expected)) return;
    await reply.code(401).header('WWW-Authenticate', 'Bearer realm="adcenter admin"')
      .send({ error: 'The /_adcenter API needs the admin token: send Authorization: Bearer <token> (--admin-token / ADCENTER_ADMIN_TOKEN).' });
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
