// Request body (JSON shape) → SOAP envelope, walking the generated contract description: elements
// in WSDL order, each in the namespace of the type that declares it, i:nil for nulls.
import { NAMESPACES, OPERATIONS } from '../generated/metadata.js';
import { arrayItemOf, fieldsOf, PRIMITIVES, toField, typeOf, type Field } from './contract.js';
import { escapeText, XSI } from './xml.js';

const ENVELOPE = 'http://schemas.xmlsoap.org/soap/envelope/';
const PREFIX: Readonly<Record<string, string>> = { ent: 'e', arrays: 'a', generic: 'g', exc: 'x', adapi: 'd', ser: 'z' };

export interface SoapHeaders {
  authenticationToken?: string | undefined;
  developerToken: string;
}

export function soapEnvelope(operation: string, request: Record<string, unknown>, headers: SoapHeaders): string {
  const op = OPERATIONS[operation];
  if (!op) throw new Error(`adcenter-client: unknown operation ${operation}`);
  const header = [
    headers.authenticationToken !== undefined ? `<AuthenticationToken>${escapeText(headers.authenticationToken)}</AuthenticationToken>` : '',
    `<DeveloperToken>${escapeText(headers.developerToken)}</DeveloperToken>`,
  ].join('');
  const prefixes = Object.entries(PREFIX).map(([key, p]) => ` xmlns:${p}="${NAMESPACES[key as keyof typeof NAMESPACES]}"`).join('');
  const body = op.request.map((meta) => writeField(toField(meta, 'msg'), read(request, toField(meta, 'msg')), true)).join('');
  return `<s:Envelope xmlns:s="${ENVELOPE}" xmlns:i="${XSI}"><s:Header xmlns="${NAMESPACES.msg}">${header}</s:Header>`
    + `<s:Body><${operation}Request xmlns="${NAMESPACES.msg}"${prefixes}>${body}</${operation}Request></s:Body></s:Envelope>`;
}

/** A member by its JSON name, or as the WSDL spells it (key/value). */
function read(object: Record<string, unknown>, field: Field): unknown {
  return Object.hasOwn(object, field.json) ? object[field.json] : object[field.name];
}

function tag(field: Field, topLevel: boolean): string {
  return topLevel || field.ns === 'msg' ? field.name : `${PREFIX[field.ns]}:${field.name}`;
}

function writeField(field: Field, value: unknown, topLevel = false): string {
  const name = tag(field, topLevel);
  if (value === undefined) return field.required ? `<${name} i:nil="true"/>` : '';
  if (value === null) return field.nillable || field.required ? `<${name} i:nil="true"/>` : '';
  return `<${name}>${writeContent(field.type, value, field.json)}</${name}>`;
}

function writeContent(type: string, value: unknown, path: string): string {
  if (PRIMITIVES.has(type)) return escapeText(scalarText(type, value, path));
  const def = typeOf(type);
  if (def.kind === 'enum') return escapeText(String(value));
  if (def.kind === 'flags') {
    // xs:list: one element, values separated by spaces (JSON writes "A, B").
    const tokens = Array.isArray(value) ? value.map(String) : String(value).split(/[\s,]+/).filter(Boolean);
    return escapeText(tokens.join(' '));
  }
  const item = arrayItemOf(type);
  if (item) {
    if (!Array.isArray(value)) throw new TypeError(`adcenter-client: ${path} must be an array`);
    return value.map((entry) => writeField(item, entry)).join('');
  }
  if (typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`adcenter-client: ${path} must be an object`);
  const object = value as Record<string, unknown>;
  return fieldsOf(type).map((f) => writeField(f, read(object, f))).join('');
}

function scalarText(type: string, value: unknown, path: string): string {
  if (type === 'boolean') return value === true || value === 'true' ? 'true' : 'false';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`adcenter-client: ${path} must be a ${type} value`);
}
