// The text of a request body. Bodies are UTF-8 (WS-I Basic Profile for SOAP, RFC 8259 for JSON);
// a body that is not is refused rather than read with U+FFFD in place of its bad bytes, which
// would store text the client never sent.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export class BodyNotUtf8 extends Error {
  constructor() { super('The request body is not valid UTF-8.'); }
}

/** Decodes a body (fastify hands a Buffer, or undefined for none); a leading BOM is dropped. */
export function requestText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (!(body instanceof Uint8Array)) return String(body);
  try {
    return strictUtf8.decode(body);
  } catch {
    throw new BodyNotUtf8();
  }
}
