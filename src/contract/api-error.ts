import { faults, type FaultName } from './faults.js';

export interface ErrorEntry {
  readonly fault: FaultName;
  /** Free text naming what was wrong (AdApiError.Detail / OperationError.Details). */
  readonly details?: string;
}

/**
 * The one error type every layer shares. It names a catalogue entry; the SOAP and REST adapters decide
 * how it looks on the wire. Several entries of the same fault kind may travel together.
 */
export class ApiError extends Error {
  readonly errors: readonly ErrorEntry[];

  constructor(fault: FaultName, details?: string, more: readonly ErrorEntry[] = []) {
    super(`${fault}${details ? `: ${details}` : ''}`);
    this.name = 'ApiError';
    this.errors = [details === undefined ? { fault } : { fault, details }, ...more];
  }

  get fault(): FaultName {
    return this.errors[0]!.fault;
  }

  get kind(): 'AdApiFaultDetail' | 'ApiFault' {
    return faults[this.fault].kind;
  }
}
