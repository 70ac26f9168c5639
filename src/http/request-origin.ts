import type { FastifyRequest } from 'fastify';

/** The origin the client addressed (scheme, host and port): the base of every URL we hand back. */
export function requestOrigin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}
