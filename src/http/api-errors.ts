// Anything thrown below the faces becomes an ApiError here; unexpected errors are logged (never
// sent: no stack trace leaves the server) and answered as InternalError. Errors fastify raises
// before a handler runs (body too large, unreadable body) are mapped the same way for every face.
import type { FastifyError, FastifyRequest } from 'fastify';
import { ApiError } from '../contract/api-error.js';
import type { FaultName } from '../contract/faults.js';

export function asApiError(err: unknown, req: FastifyRequest, as?: FaultName): ApiError {
  if (err instanceof ApiError) return err;
  if (as) return new ApiError(as, (err as Error).message);
  req.log.error({ err }, 'unexpected error');
  return new ApiError('InternalError');
}

export interface FrameworkFault {
  readonly error: ApiError;
  /** 413 for a body over the limit, 400 for another client error, 500 otherwise. */
  readonly status: 400 | 413 | 500;
}

/** The service's fault for an error fastify raised (or a handler let through). */
export function frameworkFault(err: Pick<FastifyError, 'code' | 'statusCode'>, req: FastifyRequest): FrameworkFault {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { error: new ApiError('NullRequest', 'The request body is larger than this server accepts.'), status: 413 };
  }
  if ((err.statusCode ?? 500) < 500) return { error: new ApiError('NullRequest'), status: 400 };
  req.log.error({ err }, 'request failed');
  return { error: new ApiError('InternalError'), status: 500 };
}
