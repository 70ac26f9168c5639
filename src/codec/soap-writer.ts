// SOAP 1.1 response and fault writer: typed objects → XML in WSDL element order, nulls as
// i:nil="true", strings escaped. Built as strings: no DOM on the hot path.
import { NS, type ComplexTypeDef, type ElementDef, type NamespaceKey, type PrimitiveName, type TypeDef } from '../contract/model.js';
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

const NEEDS_ESCAPE = /[&<>"\r]/;
const ESCAPE_ALL = /[&<>"\r]/g;

export function escapeXml(text: string): string {
  // Most text needs no escape: testing first skips replace and its callback for it (a quarter of
  // writing a page of accounts went to replace).
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE_ALL, (c) => ESCAPES[c]!) : text;
}

function envelope(header: string, body: string): string {
  return `<s:Envelope xmlns:s="${SOAP_ENV}">${header}<s:Body>${body}</s:Body></s:Envelope>`;
}

export function writeResponse(operation: OperationName, trackingId: string, response: WireObject): string {
  let open = responseOpen.get(operation);
  if (open === undefined) {
    open = `<${operation}Response xmlns="${NS.msg}" xmlns:i="${XSI}"${DECLARATIONS}>`;
    responseOpen.set(operation, open);
  }
  const body = `${open}${writeFields(responsePlans(operation), response)}</${operation}Response>`;
  const header = `<s:Header><TrackingId xmlns="${NS.msg}">${escapeXml(trackingId)}</TrackingId></s:Header>`;
  return envelope(header, body);
}

// How each element is written, worked out once per element of the contract: its tags, what a
// null is written as, and its type. Responses are then written by concatenating strings, which
// V8 joins lazily (no parts array).
interface Plan {
  readonly field: ElementDef;
  readonly ns: NamespaceKey;
  readonly open: string;
  readonly close: string;
  /** What a null or unset value is written as: nil, or nothing. */
  readonly nil: string;
  readonly primitive: boolean;
  readonly def: TypeDef | undefined;
  /** An array's item, or a complex type's fields: worked out on first use (types nest and recur). */
  item?: Plan | undefined;
  fields?: readonly Plan[];
}

const responseOpen = new Map<OperationName, string>();
const responseFields = new Map<OperationName, readonly Plan[]>();
const plans = new WeakMap<ElementDef, Map<NamespaceKey, Plan>>();
const typePlans = new WeakMap<TypeDef, readonly Plan[]>();

function planOf(field: ElementDef, ns: NamespaceKey): Plan {
  let byNs = plans.get(field);
  if (byNs === undefined) plans.set(field, (byNs = new Map()));
  let plan = byNs.get(ns);
  if (plan === undefined) {
    const tag = PREFIX[ns] ? `${PREFIX[ns]}:${field.name}` : field.name;
    // EmitDefaultValue=false members are left out; other nillable members are sent as nil.
    const nil = field.opts.emitDefault === false || !field.opts.nillable ? '' : `<${tag} i:nil="true"/>`;
    const primitive = isPrimitive(field.type);
    plan = { field, ns, open: `<${tag}>`, close: `</${tag}>`, nil, primitive, def: primitive ? undefined : typeDef(field.type) };
    byNs.set(ns, plan);
  }
  return plan;
}

function responsePlans(operation: OperationName): readonly Plan[] {
  let fields = responseFields.get(operation);
  if (fields === undefined) {
    fields = operationDef(operation).response.map((field) => planOf(field, 'msg'));
    responseFields.set(operation, fields);
  }
  return fields;
}

function complexPlans(def: ComplexTypeDef): readonly Plan[] {
  let fields = typePlans.get(def);
  if (fields === undefined) {
    fields = flattenFields(def).map(({ field, ns }) => planOf(field, ns));
    typePlans.set(def, fields);
  }
  return fields;
}

function writeFields(fields: readonly Plan[], value: WireObject): string {
  let out = '';
  for (const plan of fields) out += writeElement(plan, value[plan.field.name]);
  return out;
}

function writeElement(plan: Plan, given: WireValue | undefined): string {
  // A value type never set is written with its default (0, false, …), as WCF does.
  const value = given ?? valueTypeDefault(plan.field);
  if (value === undefined || value === null) return plan.nil;
  if (plan.primitive) {
    const text = formatScalar(plan.field.type as PrimitiveName, value);
    // Numbers, booleans, dates and base64 never hold a character that needs escaping.
    return `${plan.open}${typeof value === 'string' ? escapeXml(text) : text}${plan.close}`;
  }
  const def = plan.def!;
  if (def.kind === 'enum') return `${plan.open}${escapeXml(String(value))}${plan.close}`;
  if (def.kind === 'flags') return `${plan.open}${escapeXml((value as string[]).join(' '))}${plan.close}`;
  let inner = '';
  if (arrayItem(def)) {
    const item = plan.item ??= planOf(arrayItem(def)!, def.ns);
    for (const entry of value as WireValue[]) inner += writeElement(item, entry);
  } else {
    inner = writeFields(plan.fields ??= complexPlans(def as ComplexTypeDef), value as WireObject);
  }
  return `${plan.open}${inner}${plan.close}`;
}

/** The fault for an ApiError: AdApiFaultDetail or ApiFault in the WSDL's shape (reference §4.2). */
export function writeFault(error: ApiError, trackingId: string): string {
  const body = faultBody(error, trackingId);
  const { kind, ...fields } = body;
  // The fault entries are plain wire objects: the WSDL's element order decides how they are written.
  const value = fields as unknown as WireObject;
  const ns = kind === 'AdApiFaultDetail' ? NS.adapi : NS.msg;
  const detail = `<${kind} xmlns="${ns}" xmlns:i="${XSI}"${DECLARATIONS}>${writeFaultFields(kind, value)}</${kind}>`;
  return soapFault('s:Server', faultString(trackingId), detail);
}

function writeFaultFields(typeName: 'AdApiFaultDetail' | 'ApiFault', value: WireObject): string {
  const def = typeDef(typeName);
  if (def.kind !== 'complex') throw new Error('fault types are complex');
  return writeFields(complexPlans(def), value);
}

export function faultString(trackingId: string): string {
  return `Invalid client data. Check the SOAP fault details for more information. TrackingId: ${trackingId}.`;
}

export function soapFault(code: string, reason: string, detail = '', codeNamespace?: { prefix: string; uri: string }): string {
  const ns = codeNamespace ? ` xmlns:${codeNamespace.prefix}="${codeNamespace.uri}"` : '';
  const detailXml = detail ? `<detail>${detail}</detail>` : '';
  return envelope('', `<s:Fault><faultcode${ns}>${code}</faultcode><faultstring xml:lang="en-US">${escapeXml(reason)}</faultstring>${detailXml}</s:Fault>`);
}
