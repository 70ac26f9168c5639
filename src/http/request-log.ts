// The one log line per request: method, redacted URL, status and time, under the request's id
// (the TrackingId). Bodies are never serialised for the log.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { redactUrl } from './log-serializers.js';

export function logRequest(req: FastifyRequest, reply: FastifyReply, done: () => void): void {
  req.log.info({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
  done();
}
