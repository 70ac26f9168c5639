// The identity platform's JSON error body for the token endpoint: error, a description that
// ends with the trace and correlation ids and the time, error_codes, and the ids on their own.
import type { OAuthError } from '../auth/oauth/errors.js';
import { currentTime, random } from '../contract/ambient.js';

export interface OAuthErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "2024-01-02 03:04:05Z", the identity platform's timestamp format. */
function timestamp(now: Date): string {
  return `${now.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/**
 * `traceId` is the request id (also the TrackingId of API responses); the correlation id is the
 * client's `client-request-id` when it sent a GUID, as MSAL-style clients do, else a new one.
 */
export function oauthErrorBody(error: OAuthError, traceId: string, clientRequestId: string | undefined, now = currentTime()): OAuthErrorBody {
  const correlationId = clientRequestId !== undefined && GUID.test(clientRequestId) ? clientRequestId.toLowerCase() : random().uuid();
  const ts = timestamp(now);
  return {
    error: error.error,
    error_description: `${error.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${ts}`,
    error_codes: [error.code],
    timestamp: ts,
    trace_id: traceId,
    correlation_id: correlationId,
    // The identity platform's own page explaining the code (documentation only; nothing fetches it).
    error_uri: `https://login.microsoftonline.com/error?code=${error.code}`,
  };
}
