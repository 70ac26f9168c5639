// The one log line per request: method, redacted URL, status and time, under the request's id
// (the TrackingId). Bodies are never serialised for the log.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { redactUrl } from './log-serializers.js';

export function logRequest(req: FastifyRequest, reply: FastifyReply, done: () => void): void {
  // Below info (--log-level warn) the line is not even built.
  if (infoEnabled(req)) req.log.info({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
  done();
}

/** pino's isLevelEnabled (fastify's logger type does not declare it; other loggers always log). */
function infoEnabled(req: FastifyRequest): boolean {
  const log = req.log as FastifyRequest['log'] & { isLevelEnabled?: (level: string) => boolean };
  return log.isLevelEnabled?.('info') ?? true;
}
