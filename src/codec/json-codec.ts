// REST (JSON) mapping of the contract, as the official REST SDKs expect it: longs as strings,
// ints and decimals as numbers, enums as names, flag lists as "A, B", ArrayOf… wrappers as plain
// arrays, nulls left out of responses.
import type { ElementDef } from '../contract/model.js';
import { arrayItem, flattenFields, isPrimitive, jsonName, operationDef, typeDef } from '../contract/lookup.js';
import type { OperationName, WireObject, WireValue } from '../contract/values.js';
import { ApiError } from '../contract/api-error.js';
import { faultBody } from './fault-body.js';
import { formatDateTime, parseScalar, ScalarError } from './scalars.js';
import { valueTypeDefault } from './value-defaults.js';

export function readJsonRequest(operation: OperationName, body: unknown): WireObject {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new ApiError('NullRequest', 'The request body must be a JSON object.');
  return readObject(body as Record<string, unknown>, operationDef(operation).request, '');
}

function readObject(json: Record<string, unknown>, fields: readonly ElementDef[], path: string): WireObject {
  const out: WireObject = {};
  const byName = new Map<string, unknown>();
  // Exact names first; a case-insensitive match as fallback (the documentation's templates write key/value).
  for (const [k, v] of Object.entries(json)) byName.set(k.toLowerCase(), byName.get(k.toLowerCase()) ?? v);
  for (const field of fields) {
    const name = jsonName(field);
    const raw = Object.hasOwn(json, name) ? json[name] : byName.get(name.toLowerCase());
    if (raw === undefined) continue;
    const value = readValue(raw, field, path ? `${path}.${field.name}` : field.name);
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}

function readValue(raw: unknown, field: ElementDef, path: string): WireValue | undefined {
  if (raw === null) return field.opts.nillable ? null : undefined;
  if (isPrimitive(field.type)) return readScalar(raw, field.type, path);
  const def = typeDef(field.type);
  if (def.kind === 'enum') {
    if (typeof raw !== 'string') throw invalid(path, 'must be a string');
    if (raw === '') return undefined;
    if (!def.values.includes(raw)) throw invalid(path, `value '${clip(raw)}' is not one of the allowed values`);
    return raw;
  }
  if (def.kind === 'flags') {
    const tokens = typeof raw === 'string' ? raw.split(/[ \t\r\n,]+/).filter(Boolean)
      : Array.isArray(raw) && raw.every((t) => typeof t === 'string') ? (raw as string[]) : undefined;
    if (!tokens) throw invalid(path, 'must be a string of comma-separated values');
    for (const t of tokens) if (!def.values.includes(t)) throw invalid(path, `value '${clip(t)}' is not one of the allowed values`);
    return tokens.length ? tokens : undefined;
  }
  const item = arrayItem(def);
  if (item) {
    if (!Array.isArray(raw)) throw invalid(path, 'must be an array');
    const items: WireValue[] = [];
    raw.forEach((entry, i) => {
      const value = readValue(entry, item, `${path}[${i}]`);
      if (value !== undefined) items.push(value);
    });
    return items;
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid(path, 'must be an object');
  return readObject(raw as Record<string, unknown>, flattenFields(def).map((f) => f.field), path);
}

function readScalar(raw: unknown, type: Parameters<typeof parseScalar>[0], path: string): WireValue | undefined {
  if (type === 'boolean') {
    // Only JSON true/false (or their names as strings): 1 and 0 are not booleans in JSON.
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    if (raw === '') return undefined;
    throw invalid(path, 'must be true or false');
  }
  let text: string;
  if (typeof raw === 'string') {
    text = raw;
  } else if (typeof raw === 'number') {
    // A long sent as a JSON number is only exact up to 2^53; beyond that it has already lost digits.
    if (type === 'long' && !Number.isSafeInteger(raw)) throw invalid(path, 'must be sent as a string (64-bit integer)');
    if (type === 'string' || type === 'base64Binary' || type === 'dateTime') throw invalid(path, `must be a string`);
    text = type === 'decimal' ? String(raw) : Number.isInteger(raw) ? raw.toFixed(0) : String(raw);
  } else {
    throw invalid(path, `must be a ${type} value`);
  }
  if (text === '' && type !== 'string') return undefined;
  try {
    return parseScalar(type, text);
  } catch (err) {
    if (err instanceof ScalarError) throw invalid(path, `value '${clip(text)}' ${err.message}`);
    throw err;
  }
}

export function writeJsonResponse(operation: OperationName, response: WireObject): Record<string, unknown> {
  return writeObject(response, operationDef(operation).response);
}

export function writeJsonObject(typeName: string, value: WireObject): Record<string, unknown> {
  const def = typeDef(typeName);
  if (def.kind !== 'complex') throw new Error(`${typeName} is not a complex type`);
  return writeObject(value, flattenFields(def).map((f) => f.field));
}

function writeObject(value: WireObject, fields: readonly ElementDef[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    // Nulls are left out; a value type never set is written with its default, as .NET does.
    const v = value[field.name] ?? valueTypeDefault(field);
    if (v === undefined || v === null) continue;
    out[jsonName(field)] = writeValue(v, field);
  }
  return out;
}

function writeValue(value: WireValue, field: ElementDef): unknown {
  if (isPrimitive(field.type)) {
    switch (field.type) {
      case 'long': return String(value);
      case 'decimal': return Number(value);
      // Milliseconds and Z: every JSON date parser (pydantic, Jackson, PHP) reads this form.
      case 'dateTime': return formatDateTime(value as Date, 3);
      case 'base64Binary': return Buffer.from(value as Uint8Array).toString('base64');
      default: return value;
    }
  }
  const def = typeDef(field.type);
  if (def.kind === 'enum') return value;
  if (def.kind === 'flags') return (value as string[]).join(', ');
  const item = arrayItem(def);
  if (item) {
    // A null item of a nillable item type stays (PartialErrors: null marks the link that succeeded).
    const items = (value as WireValue[]).filter((v) => v !== null || item.opts.nillable);
    return items.map((v) => (v === null ? null : writeValue(v, item)));
  }
  return writeObject(value as WireObject, flattenFields(def).map((f) => f.field));
}

/** The flat JSON fault of the REST face (reference §4.3): the fault body with its kind as Type. */
export function writeJsonFault(error: ApiError, trackingId: string): Record<string, unknown> {
  const { kind, TrackingId, ...entries } = faultBody(error, trackingId);
  return { TrackingId, Type: kind, ...entries };
}

function invalid(path: string, reason: string): ApiError {
  return new ApiError('ApiInputValidationError', `${path}: ${reason}.`);
}

function clip(text: string): string {
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}
