// Records every API call of a face in the request log, from an onSend hook: by then the face has
// produced the response text, which is kept as it is (never serialised again), with a reference to
// the request bytes. Redaction, decoding and fault-code extraction wait until the log is read.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Protocol, RequestLog } from '../../codec/request-log/request-log.js';

/** What the face learns while it answers, for the log: the operation read and the caller. */
export interface CallNote {
  operation?: string;
  userName?: string;
}

const notes = new WeakMap<FastifyRequest, CallNote>();

/** The request's note, created on first use. */
export function callNote(req: FastifyRequest): CallNote {
  let note = notes.get(req);
  if (!note) notes.set(req, (note = {}));
  return note;
}

/** Route config of an API route: REST routes name their operation; the SOAP POST route says `soap`. */
export interface ApiRouteConfig {
  readonly operation?: string;
  readonly soap?: boolean;
}

/** Adds the recording hook to a face's (encapsulated) context. */
export function recordCalls(app: FastifyInstance, log: RequestLog | undefined, protocol: Protocol): void {
  if (!log?.enabled) return;
  // A callback hook, not an async one: no promise and no extra turn of the microtask queue per call.
  app.addHook('onSend', (req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload: unknown) => void) => {
    const config = req.routeOptions.config as ApiRouteConfig;
    if (!config.operation && !config.soap) return done(null, payload);
    const note = notes.get(req);
    const durationMs = Math.round(reply.elapsedTime * 100) / 100;
    log.add({
      trackingId: req.id,
      time: Date.now() - durationMs,
      protocol,
      operation: note?.operation ?? config.operation ?? soapAction(req) ?? '',
      userName: note?.userName ?? null,
      customerId: protocol === 'rest' ? headerValue(req, 'customerid') : null,
      accountId: protocol === 'rest' ? headerValue(req, 'customeraccountid') : null,
      status: reply.statusCode,
      durationMs,
      request: typeof req.body === 'string' || Buffer.isBuffer(req.body) ? req.body : '',
      response: typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '',
    });
    done(null, payload);
  });
}

function headerValue(req: FastifyRequest, name: string): string | null {
  const raw = req.headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value === '' || value === 'None' ? null : value;
}

function soapAction(req: FastifyRequest): string | undefined {
  const value = headerValue(req, 'soapaction');
  return value?.replace(/^"|"$/g, '').split('/').at(-1) || undefined;
}
