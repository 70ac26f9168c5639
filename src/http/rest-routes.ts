// The REST (JSON) face: one route per contract operation at its documented method and path.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readJsonRequest, writeJsonResponse } from '../codec/json-codec.js';
import { writeOpenApi } from '../codec/openapi.js';
import { faults } from '../contract/faults.js';
import { operationDef, operationNames } from '../contract/lookup.js';
import type { OperationName } from '../contract/values.js';
import { ApiError } from '../domain/api-error.js';
import { implementedOperations } from '../domain/operations.js';
import { asApiError, jsonFault } from './errors.js';
import { invoke, type ApiRuntime } from './invoke.js';
import { requestOrigin } from './request-origin.js';

export const OPENAPI_PATH = '/CustomerManagement/v13/openapi.json';

export function registerRest(app: FastifyInstance, runtime: ApiRuntime): void {
  for (const operation of operationNames) {
    const { method, path } = operationDef(operation);
    app.route({ method, url: path, handler: (req, reply) => handleRest(runtime, operation, req, reply) });
  }
  app.get(OPENAPI_PATH, async (req) => writeOpenApi({ operations: implementedOperations, serverUrl: requestOrigin(req) }));
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
    }, () => readJsonRequest(operation, parseJson(String(req.body ?? ''))), requestOrigin(req));
    return reply.code(200).send(writeJsonResponse(operation, response));
  } catch (err) {
    const error = asApiError(err, req);
    return reply.code(faults[error.fault].status).send(jsonFault(error, trackingId));
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
