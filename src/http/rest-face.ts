// The REST (JSON) face: one route per contract operation at its documented method and path. A
// fastify plugin with its own context: its error handler answers in JSON faults whatever went
// wrong before the operation ran, and its not-found handler covers its prefix.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readJsonRequest, writeJsonFault } from '../codec/json-codec.js';
import { writeJsonResponseText } from '../codec/json-text.js';
import { writeOpenApi } from '../codec/openapi.js';
import { BodyNotUtf8, requestText } from '../codec/request-text.js';
import { faults } from '../contract/faults.js';
import { operationDef, operationNames } from '../contract/lookup.js';
import type { OperationName } from '../contract/values.js';
import { ApiError } from '../contract/api-error.js';
import { implementedOperations } from '../domain/operations.js';
import { asApiError, frameworkFault } from './api-errors.js';
import { noOperation } from './no-operation.js';
import { invoke, type ApiRuntime } from './invoke.js';
import { requestOrigin } from './request-origin.js';
import { callNote, recordCalls } from './inspect/record-calls.js';

export const REST_PREFIX = '/CustomerManagement/v13';
export const OPENAPI_PATH = `${REST_PREFIX}/openapi.json`;

/** Register with `app.register(restFace, runtime)`; the plugin sets its own prefix. */
export async function restFace(app: FastifyInstance, runtime: ApiRuntime): Promise<void> {
  await app.register(async (face) => serveRest(face, runtime), { prefix: REST_PREFIX });
}

async function serveRest(app: FastifyInstance, runtime: ApiRuntime): Promise<void> {
  app.setErrorHandler(jsonFaultHandler);
  app.setNotFoundHandler(noOperation);
  recordCalls(app, runtime.requestLog, 'rest');
  // Bytes, not text: the body is decoded strictly as UTF-8 in the handler (codec/request-text).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  for (const operation of operationNames) {
    const { method, path } = operationDef(operation);
    app.route({ method, url: withinPrefix(path), config: { operation }, handler: (req, reply) => handleRest(runtime, operation, req, reply) });
  }
  app.get(withinPrefix(OPENAPI_PATH), async (req) => writeOpenApi({ operations: implementedOperations, serverUrl: requestOrigin(req) }));
}

/** Errors raised before a handler ran (body too large, unreadable body) as the REST face's JSON fault. */
export function jsonFaultHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { error, status } = frameworkFault(err, req);
  return reply.header('TrackingId', req.id).code(status).send(writeJsonFault(error, req.id));
}

function withinPrefix(path: string): string {
  if (!path.startsWith(`${REST_PREFIX}/`)) throw new Error(`REST path ${path} is outside ${REST_PREFIX}`);
  return path.slice(REST_PREFIX.length);
}

async function handleRest(runtime: ApiRuntime, operation: OperationName, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const trackingId = req.id;
  reply.header('TrackingId', trackingId);
  try {
    const response = await invoke(runtime, operation, {
      authenticationToken: bearer(req.headers.authorization),
      developerToken: header(req.headers.developertoken),
      userName: header(req.headers.username),
      password: header(req.headers.password),
    }, () => readJsonRequest(operation, parseJson(bodyText(req.body))), requestOrigin(req), callNote(req));
    return reply.code(200).type('application/json; charset=utf-8').send(writeJsonResponseText(operation, response));
  } catch (err) {
    const error = asApiError(err, req);
    return reply.code(faults[error.fault].status).send(writeJsonFault(error, trackingId));
  }
}

function bodyText(body: unknown): string {
  try {
    return requestText(body);
  } catch (err) {
    if (err instanceof BodyNotUtf8) throw new ApiError('NullRequest', err.message);
    throw err;
  }
}

function parseJson(raw: string): unknown {
  // RFC 8259 §8.1: a parser MAY ignore a byte order mark (Windows tools often write one).
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('NullRequest', 'The request body is not valid JSON.');
  }
}

/** "Please ensure that the token is prefixed with "Bearer "". */
function bearer(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match ? match[1] : undefined;
}

// CustomerId/CustomerAccountId headers are accepted and ignored (the Python SDK sends "None").
function header(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v === '' || v === 'None' ? undefined : v;
}
