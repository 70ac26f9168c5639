// The request log: the last N API calls of this server instance, in memory (a ring buffer), newest
// first. Recording keeps references to what the faces already had — the request bytes and the
// response text — and nothing is decoded, parsed or redacted until someone reads the log.
import { faultCodesOf, redactJson, redactSoap, soapHeaderValue } from './redact.js';

export type Protocol = 'soap' | 'rest';

/** What the log says of every call, recorded and shown alike. */
interface CallFacts {
  readonly trackingId: string;
  readonly protocol: Protocol;
  /** The contract operation, or for SOAP the SOAPAction when no operation could be read. */
  readonly operation: string;
  readonly userName: string | null;
  /** REST CustomerId / CustomerAccountId headers (SOAP: read from the envelope on demand). */
  readonly customerId: string | null;
  readonly accountId: string | null;
  readonly status: number;
  readonly durationMs: number;
}

/** One call as the faces hand it over: raw, unredacted. */
export interface RecordedCall extends CallFacts {
  /** Epoch milliseconds when the request arrived. */
  readonly time: number;
  readonly request: Buffer | string;
  readonly response: string;
}

/** One call as GET /_adcenter/requests and the web page show it. */
export interface RequestLogEntry extends CallFacts {
  readonly time: string;
  readonly faultCodes: number[];
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
/** Bodies beyond this many characters are kept cut (redacted when read), so no call pins a big body. */
export const MAX_BODY_BYTES = 64 * 1024;
/**
 * What the kept bodies may add up to: the oldest calls go first beyond it. 1,000 calls answering
 * pages of 100 full accounts (≈ 130 KB each) would otherwise hold ≈ 64 MB of cut bodies.
 */
export const DEFAULT_REQUEST_LOG_BYTES = 16 * 1024 * 1024;

/** A call as kept: bodies over the cap are fresh copies of their first MAX_BODY_BYTES characters. */
interface KeptCall extends RecordedCall {
  readonly requestCut: boolean;
  readonly responseCut: boolean;
  readonly size: number;
}

export class RequestLog {
  private readonly slots: Array<KeptCall | undefined>;
  private next = 0;
  /** Calls kept, and the characters of their bodies. */
  private count = 0;
  private bytes = 0;

  constructor(readonly capacity: number = DEFAULT_REQUEST_LOG_SIZE, readonly maxBytes: number = DEFAULT_REQUEST_LOG_BYTES) {
    this.slots = new Array<KeptCall | undefined>(Math.max(0, capacity));
  }

  get enabled(): boolean {
    return this.capacity > 0;
  }

  add(call: RecordedCall): void {
    if (this.capacity === 0) return;
    const kept = bounded(call);
    // The slot about to be overwritten is the oldest when the ring is full.
    if (this.count === this.capacity) this.evictOldest();
    while (this.count > 0 && this.bytes + kept.size > this.maxBytes) this.evictOldest();
    this.slots[this.next] = kept;
    this.next = (this.next + 1) % this.capacity;
    this.count++;
    this.bytes += kept.size;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.next = 0;
    this.count = 0;
    this.bytes = 0;
  }

  private evictOldest(): void {
    const oldest = (this.next - this.count + this.capacity) % this.capacity;
    this.bytes -= this.slots[oldest]?.size ?? 0;
    this.slots[oldest] = undefined;
    this.count--;
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

/**
 * A body over the cap is kept as a fresh copy of its first MAX_BODY_BYTES characters (so the log
 * does not pin the whole original string or buffer), still unredacted: redacting a 130 KB page at
 * every call cost more than the call's own search. Redaction runs when the log is read, and the
 * redactors also blank a credential whose element or string the cut left open.
 */
function bounded(call: RecordedCall): KeptCall {
  const requestCut = call.request.length > MAX_BODY_BYTES;
  const responseCut = call.response.length > MAX_BODY_BYTES;
  const cut = (body: Buffer | string): string => Buffer.from(textOf(body).slice(0, MAX_BODY_BYTES)).toString();
  const request = requestCut ? cut(call.request) : call.request;
  const response = responseCut ? cut(call.response) : call.response;
  // Written out rather than spread: one object shape for every kept call.
  return {
    trackingId: call.trackingId, time: call.time, protocol: call.protocol, operation: call.operation, userName: call.userName,
    customerId: call.customerId, accountId: call.accountId, status: call.status, durationMs: call.durationMs,
    request, response, requestCut, responseCut, size: request.length + response.length,
  };
}

function entryOf(call: KeptCall): RequestLogEntry {
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
    request: `${redact(call.protocol, request)}${call.requestCut ? '…[cut]' : ''}`,
    response: `${redact(call.protocol, call.response)}${call.responseCut ? '…[cut]' : ''}`,
  };
}
