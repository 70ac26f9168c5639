// What any unknown path or method gets: 404 with a plain message, not a fault object (the Java
// SDK takes a REST 404 as "fall back to SOAP", so the body must not look like a fault).
import type { FastifyReply, FastifyRequest } from 'fastify';

export function noOperation(req: FastifyRequest, reply: FastifyReply): void {
  reply.header('TrackingId', req.id).code(404).send({ Message: `No operation at ${req.method} ${req.url.split('?')[0]}.` });
}
