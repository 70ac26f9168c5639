// Anything thrown below the adapters becomes an ApiError here; unexpected errors are logged
// (never sent: no stack trace leaves the server) and answered as InternalError.
import type { FastifyRequest } from 'fastify';
import { errorCodeOf, faults, type FaultName } from '../contract/faults.js';
import { ApiError } from '../domain/api-error.js';

export function asApiError(err: unknown, req: FastifyRequest, as?: FaultName): ApiError {
  if (err instanceof ApiError) return err;
  if (as) return new ApiError(as, (err as Error).message);
  req.log.error({ err }, 'unexpected error');
  return new ApiError('InternalError');
}

/** The flat JSON fault of the REST face (reference §4.3). */
export function jsonFault(error: ApiError, trackingId: string): Record<string, unknown> {
  if (error.kind === 'AdApiFaultDetail') {
    return {
      TrackingId: trackingId,
      Type: 'AdApiFaultDetail',
      Errors: error.errors.map((e) => ({
        Code: faults[e.fault].code, Detail: e.details ?? null, ErrorCode: errorCodeOf(e.fault), Message: faults[e.fault].message,
      })),
    };
  }
  return {
    TrackingId: trackingId,
    Type: 'ApiFault',
    OperationErrors: error.errors.map((e) => ({ Code: faults[e.fault].code, Details: e.details ?? null, Message: faults[e.fault].message })),
  };
}

