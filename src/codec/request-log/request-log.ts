// The request log: the last N API calls of this server instance, in memory (a ring buffer), newest
// first. Recording keeps references to what the faces already had — the request bytes and the
// response text — and nothing is decoded, parsed or redacted until someone reads the log.
import { faultCodesOf, redactJson, redactSoap, soapHeaderValue } from './redact.js';

export type Protocol = 'soap' | 'rest';

/** One call as the faces hand it over: raw, unredacted. */
export interface RecordedCall {
  readonly trackingId: string;
  /** Epoch milliseconds when the request arrived. */
  readonly time: number;
  readonly protocol: Protocol;
  /** The contract operation, or for SOAP the SOAPAction when no operation could be read. */
  readonly operation: string;
  readonly userName: string | null;
  /** REST CustomerId / CustomerAccountId headers (SOAP: read from the envelope on demand). */
  readonly customerId: string | null;
  readonly accountId: string | null;
  readonly status: number;
  readonly durationMs: number;
  readonly request: Buffer | string;
  readonly response: string;
}

/** One call as GET /_adcenter/requests and the web page show it. */
export interface RequestLogEntry {
  readonly trackingId: string;
  readonly time: string;
  readonly protocol: Protocol;
  readonly operation: string;
  readonly userName: string | null;
  readonly customerId: string | null;
  readonly accountId: string | null;
  readonly status: number;
  readonly faultCodes: number[];
  readonly durationMs: number;
  readonly request: string;
  readonly response: string;
}

export interface RequestLogFilter {
  readonly trackingId?: string | undefined;
  /** Case-insensitive operation name. */
  readonly operation?: string | undefined;
  /** An HTTP status (500) or a class (`4xx`). */
  readonly status?: string | undefined;
  readonly userName?: string | undefined;
  readonly limit?: number | undefined;
}

export const DEFAULT_REQUEST_LOG_SIZE = 1000;
/** Bodies beyond this many bytes are kept cut (after redaction), so the log's memory stays bounded. */
export const MAX_BODY_BYTES = 64 * 1024;

export class RequestLog {
  private readonly slots: Array<RecordedCall | undefined>;
  private next = 0;

  constructor(readonly capacity: number = DEFAULT_REQUEST_LOG_SIZE) {
    this.slots = new Array<RecordedCall | undefined>(Math.max(0, capacity));
  }

  get enabled(): boolean {
    return this.capacity > 0;
  }

  add(call: RecordedCall): void {
    if (this.capacity === 0) return;
    this.slots[this.next] = bounded(call);
    this.next = (this.next + 1) % this.capacity;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.next = 0;
  }

  /** Matching calls, newest first. */
  list(filter: RequestLogFilter = {}): RequestLogEntry[] {
    const limit = Math.max(0, Math.min(filter.limit ?? 100, this.capacity));
    const operation = filter.operation?.toLowerCase();
    const status = statusMatcher(filter.status);
    const out: RequestLogEntry[] = [];
    for (let i = 1; i <= this.capacity && out.length < limit; i++) {
      const call = this.slots[(this.next - i + this.capacity) % this.capacity];
      if (!call) break;
      if (filter.trackingId && call.trackingId !== filter.trackingId) continue;
      if (operation && call.operation.toLowerCase() !== operation) continue;
      if (filter.userName && call.userName?.toLowerCase() !== filter.userName.toLowerCase()) continue;
      if (!status(call.status)) continue;
      out.push(entryOf(call));
    }
    return out;
  }
}

function statusMatcher(status: string | undefined): (value: number) => boolean {
  if (!status) return () => true;
  const range = /^([1-5])xx$/i.exec(status);
  if (range) return (value) => Math.floor(value / 100) === Number(range[1]);
  return (value) => String(value) === status;
}

function textOf(body: Buffer | string): string {
  return typeof body === 'string' ? body : body.toString('utf8');
}

function redact(protocol: Protocol, text: string): string {
  return protocol === 'soap' ? redactSoap(text) : redactJson(text);
}

/** A call whose bodies exceed the cap is kept redacted and cut (rare: the common call is small). */
function bounded(call: RecordedCall): RecordedCall {
  const requestBig = call.request.length > MAX_BODY_BYTES;
  const responseBig = call.response.length > MAX_BODY_BYTES;
  if (!requestBig && !responseBig) return call;
  const cut = (body: Buffer | string): string => {
    const text = redact(call.protocol, textOf(body));
    // A fresh copy, so the log does not pin the whole original string or buffer.
    return text.length > MAX_BODY_BYTES ? `${Buffer.from(text.slice(0, MAX_BODY_BYTES)).toString()}…[cut]` : text;
  };
  return { ...call, request: requestBig ? cut(call.request) : call.request, response: responseBig ? cut(call.response) : call.response };
}

function entryOf(call: RecordedCall): RequestLogEntry {
  const request = textOf(call.request);
  return {
    trackingId: call.trackingId,
    time: new Date(call.time).toISOString(),
    protocol: call.protocol,
    operation: call.operation,
    userName: call.userName,
    customerId: call.customerId ?? (call.protocol === 'soap' ? soapHeaderValue(request, 'CustomerId') : null),
    accountId: call.accountId ?? (call.protocol === 'soap' ? soapHeaderValue(request, 'CustomerAccountId') : null),
    status: call.status,
    faultCodes: faultCodesOf(call.protocol, call.status, call.response),
    durationMs: call.durationMs,
    request: redact(call.protocol, request),
    response: redact(call.protocol, call.response),
  };
}
