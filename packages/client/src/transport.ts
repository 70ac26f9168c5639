// The two ways to send an operation: REST (JSON at the operation's method and path) and SOAP.
// Both resolve to the response body in the same JSON shape and throw AdApiError for faults.
import { OPERATIONS } from './generated/metadata.js';
import { AdApiError } from './errors.js';
import { decodeSoapAnswer, errorEntry } from './soap/decode.js';
import { soapEnvelope } from './soap/encode.js';

export interface Credentials {
  accessToken: string | undefined;
  developerToken: string;
  customerId: string | undefined;
  accountId: string | undefined;
}

export type Send = (operation: string, request: Record<string, unknown>, credentials: Credentials) => Promise<Record<string, unknown>>;

export function restTransport(baseUrl: string, fetchImpl: typeof fetch): Send {
  return async (operation, request, credentials) => {
    const op = OPERATIONS[operation];
    if (!op) throw new Error(`adcenter-client: unknown operation ${operation}`);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json', Accept: 'application/json', DeveloperToken: credentials.developerToken,
    };
    if (credentials.accessToken !== undefined) headers.Authorization = `Bearer ${credentials.accessToken}`;
    if (credentials.customerId !== undefined) headers.CustomerId = credentials.customerId;
    if (credentials.accountId !== undefined) headers.CustomerAccountId = credentials.accountId;
    const res = await fetchImpl(`${baseUrl}${op.path}`, { method: op.method, headers, body: JSON.stringify(request) });
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? {} : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (res.ok && json !== undefined && typeof json === 'object' && json !== null) return json as Record<string, unknown>;
    throw restFault(operation, res, json, text);
  };
}

function restFault(operation: string, res: Response, json: unknown, text: string): AdApiError {
  const retryAfter = retryAfterSeconds(res.headers.get('Retry-After'));
  const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const trackingId = (typeof body.TrackingId === 'string' ? body.TrackingId : undefined) ?? res.headers.get('TrackingId') ?? undefined;
  const list = Array.isArray(body.Errors) ? body.Errors : Array.isArray(body.OperationErrors) ? body.OperationErrors : undefined;
  if (list) {
    const kind = body.Type === 'ApiFault' || (!body.Type && Array.isArray(body.OperationErrors)) ? 'ApiFault' : 'AdApiFaultDetail';
    return new AdApiError({ operation, kind, httpStatus: res.status, trackingId, retryAfter, errors: list.map((e) => errorEntry(e as Record<string, unknown>)) });
  }
  const said = typeof body.Message === 'string' ? body.Message : text.slice(0, 200);
  return new AdApiError({ operation, kind: 'Http', httpStatus: res.status, trackingId, retryAfter, errors: [],
    message: `HTTP ${res.status}${said ? `: ${said}` : ''}` });
}

export function soapTransport(soapUrl: string, fetchImpl: typeof fetch): Send {
  return async (operation, request, credentials) => {
    const xml = soapEnvelope(operation, request, { authenticationToken: credentials.accessToken, developerToken: credentials.developerToken });
    const res = await fetchImpl(soapUrl, {
      method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${operation}"` }, body: xml,
    });
    const text = await res.text();
    return decodeSoapAnswer(operation, text, res.status, retryAfterSeconds(res.headers.get('Retry-After')));
  };
}

/** Retry-After as seconds: delta-seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - now) / 1000);
}
