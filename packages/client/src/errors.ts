// The one error the client throws for a fault, whichever of the two fault shapes carried it.

/** One entry of a fault: the documented numeric code, its symbolic name and message. */
export interface AdApiErrorEntry {
  Code: number;
  ErrorCode: string;
  Message: string;
  /** AdApiError Detail or OperationError Details, when the service sent one. */
  Details?: string | null;
}

export type FaultKind = 'AdApiFaultDetail' | 'ApiFault' | 'Http';

/**
 * A fault answered by the service (AdApiFaultDetail or ApiFault, over REST or SOAP), or an HTTP
 * answer that carried no fault at all (kind 'Http', errors empty).
 */
export class AdApiError extends Error {
  override readonly name = 'AdApiError';
  readonly errors: AdApiErrorEntry[];
  readonly trackingId: string | undefined;
  readonly httpStatus: number;
  readonly kind: FaultKind;
  readonly operation: string;
  /** Seconds from a Retry-After header, when the answer carried one. */
  readonly retryAfter: number | undefined;

  constructor(init: {
    operation: string; kind: FaultKind; httpStatus: number; errors: AdApiErrorEntry[];
    trackingId?: string | undefined; retryAfter?: number | undefined; message?: string;
  }) {
    const first = init.errors[0];
    const summary = init.message ?? (first
      ? init.errors.map((e) => `${e.Code} ${e.ErrorCode}: ${e.Message}`).join('; ')
      : `HTTP ${init.httpStatus}`);
    super(`${init.operation}: ${summary}${init.trackingId ? ` (TrackingId ${init.trackingId})` : ''}`);
    this.operation = init.operation;
    this.kind = init.kind;
    this.httpStatus = init.httpStatus;
    this.errors = init.errors;
    this.trackingId = init.trackingId;
    this.retryAfter = init.retryAfter;
  }

  /** True when any entry has this code. */
  has(code: number): boolean {
    return this.errors.some((e) => e.Code === code);
  }
}

/** The identity platform refused to refresh the access token. */
export class OAuthRefreshError extends Error {
  override readonly name = 'OAuthRefreshError';
  constructor(readonly httpStatus: number, readonly error: string, readonly description: string | undefined) {
    super(`token refresh failed: ${error}${description ? ` (${description})` : ''}`);
  }
}
