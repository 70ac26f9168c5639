// SOAP answer → response body in the JSON shape the REST face writes (longs as strings, nulls
// left out, flag lists "A, B", dateTime with milliseconds and Z), so both protocols return the
// same values. Faults become AdApiError.
import { ERROR_CODES, OPERATIONS } from '../generated/metadata.js';
import { AdApiError, type AdApiErrorEntry } from '../errors.js';
import { arrayItemOf, fieldsOf, PRIMITIVES, toField, typeOf, type Field } from './contract.js';
import { child, isNil, parseXml, type XmlNode } from './xml.js';

export function decodeSoapAnswer(operation: string, text: string, httpStatus: number, retryAfter?: number): Record<string, unknown> {
  let root: XmlNode;
  try {
    root = parseXml(text);
  } catch (err) {
    throw new AdApiError({ operation, kind: 'Http', httpStatus, errors: [], retryAfter,
      message: `HTTP ${httpStatus}, not a SOAP answer (${(err as Error).message})` });
  }
  const body = root.local === 'Envelope' ? child(root, 'Body') : undefined;
  const first = body?.children[0];
  if (!first) throw new AdApiError({ operation, kind: 'Http', httpStatus, errors: [], retryAfter, message: `HTTP ${httpStatus}, no SOAP body` });
  if (first.local === 'Fault') throw faultError(operation, first, httpStatus, retryAfter);
  const op = OPERATIONS[operation]!;
  return decodeFields(first, op.response.map((meta) => toField(meta, 'msg')));
}

function faultError(operation: string, fault: XmlNode, httpStatus: number, retryAfter: number | undefined): AdApiError {
  const detail = fault.children.find((c) => c.local.toLowerCase() === 'detail');
  const shape = detail?.children.find((c) => c.local === 'AdApiFaultDetail' || c.local === 'ApiFault');
  if (!shape) {
    const reason = fault.children.find((c) => c.local === 'faultstring')?.text.trim();
    return new AdApiError({ operation, kind: 'Http', httpStatus, errors: [], retryAfter, message: `SOAP fault: ${reason ?? 'no detail'}` });
  }
  const kind = shape.local as 'AdApiFaultDetail' | 'ApiFault';
  const decoded = decodeFields(shape, fieldsOf(kind));
  const list = ((kind === 'AdApiFaultDetail' ? decoded.Errors : decoded.OperationErrors) ?? []) as Array<Record<string, unknown>>;
  return new AdApiError({
    operation, kind, httpStatus, retryAfter, trackingId: decoded.TrackingId as string | undefined, errors: list.map(errorEntry),
  });
}

/** An AdApiError or OperationError entry with ErrorCode filled in from the catalogue when absent. */
export function errorEntry(raw: Record<string, unknown>): AdApiErrorEntry {
  const code = Number(raw.Code ?? 0);
  const details = (raw.Detail ?? raw.Details) as string | null | undefined;
  return {
    Code: code,
    ErrorCode: typeof raw.ErrorCode === 'string' && raw.ErrorCode !== '' ? raw.ErrorCode : ERROR_CODES[code] ?? String(code),
    Message: typeof raw.Message === 'string' ? raw.Message : '',
    ...(details !== undefined ? { Details: details } : {}),
  };
}

function decodeFields(node: XmlNode, fields: readonly Field[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const element = child(node, field.name);
    if (!element || isNil(element)) continue;
    const value = decodeValue(element, field.type);
    if (value !== undefined) out[field.json] = value;
  }
  return out;
}

function decodeValue(node: XmlNode, type: string): unknown {
  if (PRIMITIVES.has(type)) return scalar(type, node.text);
  const def = typeOf(type);
  if (def.kind === 'enum') return node.text.trim() === '' ? undefined : node.text.trim();
  if (def.kind === 'flags') {
    const tokens = node.text.split(/\s+/).filter(Boolean);
    return tokens.length ? tokens.join(', ') : undefined;
  }
  const item = arrayItemOf(type);
  if (item) {
    // A nil entry stays only where it means something (PartialErrors: null = that item succeeded).
    return node.children.filter((c) => c.local === item.name).flatMap((c) => {
      if (isNil(c)) return arrayItemOf(item.type) ? [null] : [];
      const v = decodeValue(c, item.type);
      return v === undefined ? [] : [v];
    });
  }
  return decodeFields(node, fieldsOf(type));
}

const DATE_TIME_UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/;

function scalar(type: string, raw: string): unknown {
  if (type === 'string') return raw;
  const text = raw.trim();
  if (text === '') return undefined;
  switch (type) {
    case 'int':
    case 'unsignedByte':
    case 'decimal':
      return Number(text);
    case 'boolean':
      return text === 'true' || text === '1';
    case 'dateTime': {
      // WCF writes seven fractional digits; the REST face writes milliseconds. Same instant, one form.
      const m = DATE_TIME_UTC.exec(text);
      return m ? `${m[1]}.${(m[2] ?? '').padEnd(3, '0').slice(0, 3)}Z` : text;
    }
    case 'base64Binary':
      return text.replace(/\s+/g, '');
    default:
      return text; // long: the decimal text, as the REST face writes it
  }
}
