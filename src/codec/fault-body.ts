// The fault of an ApiError, described once without a protocol: which of the two fault shapes
// carries it and its entries as the WSDL names their fields (reference §4.2, §4.3). The SOAP
// writer and the JSON face encode this; neither looks at the catalogue itself.
import type { ApiError } from '../contract/api-error.js';
import { errorCodeOf, faults } from '../contract/faults.js';

export interface AdApiErrorEntry {
  readonly Code: number;
  readonly Detail: string | null;
  readonly ErrorCode: string;
  readonly Message: string;
}

export interface OperationErrorEntry {
  readonly Code: number;
  readonly Details: string | null;
  readonly Message: string;
}

export type FaultBody =
  | { readonly kind: 'AdApiFaultDetail'; readonly TrackingId: string; readonly Errors: readonly AdApiErrorEntry[] }
  | { readonly kind: 'ApiFault'; readonly TrackingId: string; readonly OperationErrors: readonly OperationErrorEntry[] };

export function faultBody(error: ApiError, trackingId: string): FaultBody {
  if (error.kind === 'AdApiFaultDetail') {
    return {
      kind: 'AdApiFaultDetail',
      TrackingId: trackingId,
      Errors: error.errors.map((e) => ({
        Code: faults[e.fault].code, Detail: e.details ?? null, ErrorCode: errorCodeOf(e.fault), Message: faults[e.fault].message,
      })),
    };
  }
  return {
    kind: 'ApiFault',
    TrackingId: trackingId,
    OperationErrors: error.errors.map((e) => ({ Code: faults[e.fault].code, Details: e.details ?? null, Message: faults[e.fault].message })),
  };
}
