// SOAP 1.1 response and fault writer: typed objects → XML in WSDL element order, nulls as
// i:nil="true", strings escaped. Built as string parts: no DOM on the hot path.
import { NS, type ElementDef, type NamespaceKey } from '../contract/model.js';
import { arrayItem, flattenFields, isPrimitive, operationDef, typeDef } from '../contract/lookup.js';
import type { OperationName, WireObject, WireValue } from '../contract/values.js';
import type { ApiError } from '../contract/api-error.js';
import { faultBody } from './fault-body.js';
import { formatScalar } from './scalars.js';
import { valueTypeDefault } from './value-defaults.js';
import { SOAP_ENV, XSI } from './soap-reader.js';

// The message namespace is the default namespace of the body; the others get short prefixes.
const PREFIX: Record<NamespaceKey, string> = { msg: '', ent: 'a', generic: 'b', arrays: 'c', exc: 'd', adapi: 'e', ser: 'f' };
const DECLARATIONS = (['ent', 'generic', 'arrays', 'exc', 'adapi'] as const)
  .map((k) => ` xmlns:${PREFIX[k]}="${NS[k]}"`).join('');

// A carriage return is written as a character reference: a raw one would reach the client as a
// line feed (XML end-of-line normalisation), changing the value.
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#xD;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"\r]/g, (c) => ESCAPES[c]!);
}

function envelope(header: string, body: string): string {
  return `<s:Envelope xmlns:s="${SOAP_ENV}">${header}<s:Body>${body}</s:Body></s:Envelope>`;
}

export function writeResponse(operation: OperationName, trackingId: string, response: WireObject): string {
  const fields = operationDef(operation).response.map((field) => ({ field, ns: 'msg' as const }));
  const parts: string[] = [`<${operation}Response xmlns="${NS.msg}" xmlns:i="${XSI}"${DECLARATIONS}>`];
  writeFields(parts, fields, response);
  parts.push(`</${operation}Response>`);
  const header = `<s:Header><TrackingId xmlns="${NS.msg}">${escapeXml(trackingId)}</TrackingId></s:Header>`;
  return envelope(header, parts.join(''));
}

function writeFields(parts: string[], fields: ReadonlyArray<{ field: ElementDef; ns: NamespaceKey }>, value: WireObject): void {
  for (const { field, ns } of fields) writeElement(parts, field, ns, value[field.name]);
}

function writeElement(parts: string[], field: ElementDef, ns: NamespaceKey, given: WireValue | undefined): void {
  const tag = PREFIX[ns] ? `${PREFIX[ns]}:${field.name}` : field.name;
  // A value type never set is written with its default (0, false, …), as WCF does.
  const value = given ?? valueTypeDefault(field);
  if (value === undefined || value === null) {
    // EmitDefaultValue=false members are left out; other nillable members are sent as nil.
    if (field.opts.emitDefault === false || !field.opts.nillable) return;
    parts.push(`<${tag} i:nil="true"/>`);
    return;
  }
  if (isPrimitive(field.type)) {
    parts.push(`<${tag}>${escapeXml(formatScalar(field.type, value))}</${tag}>`);
    return;
  }
  const def = typeDef(field.type);
  if (def.kind === 'enum') {
    parts.push(`<${tag}>${escapeXml(String(value))}</${tag}>`);
    return;
  }
  if (def.kind === 'flags') {
    parts.push(`<${tag}>${escapeXml((value as string[]).join(' '))}</${tag}>`);
    return;
  }
  parts.push(`<${tag}>`);
  const item = arrayItem(def);
  if (item) {
    for (const entry of value as WireValue[]) writeElement(parts, item, def.ns, entry);
  } else {
    writeFields(parts, flattenFields(def), value as WireObject);
  }
  parts.push(`</${tag}>`);
}

/** The fault for an ApiError: AdApiFaultDetail or ApiFault in the WSDL's shape (reference §4.2). */
export function writeFault(error: ApiError, trackingId: string): string {
  const body = faultBody(error, trackingId);
  const { kind, ...fields } = body;
  // The fault entries are plain wire objects: the WSDL's element order decides how they are written.
  const value = fields as unknown as WireObject;
  const ns = kind === 'AdApiFaultDetail' ? NS.adapi : NS.msg;
  const detail: string[] = [`<${kind} xmlns="${ns}" xmlns:i="${XSI}"${DECLARATIONS}>`];
  writeFaultFields(detail, kind, value);
  detail.push(`</${kind}>`);
  return soapFault('s:Server', faultString(trackingId), detail.join(''));
}

function writeFaultFields(parts: string[], typeName: 'AdApiFaultDetail' | 'ApiFault', value: WireObject): void {
  const def = typeDef(typeName);
  if (def.kind !== 'complex') throw new Error('fault types are complex');
  writeFields(parts, flattenFields(def), value);
}

export function faultString(trackingId: string): string {
  return `Invalid client data. Check the SOAP fault details for more information. TrackingId: ${trackingId}.`;
}

export function soapFault(code: string, reason: string, detail = '', codeNamespace?: { prefix: string; uri: string }): string {
  const ns = codeNamespace ? ` xmlns:${codeNamespace.prefix}="${codeNamespace.uri}"` : '';
  const detailXml = detail ? `<detail>${detail}</detail>` : '';
  return envelope('', `<s:Fault><faultcode${ns}>${code}</faultcode><faultstring xml:lang="en-US">${escapeXml(reason)}</faultstring>${detailXml}</s:Fault>`);
}
