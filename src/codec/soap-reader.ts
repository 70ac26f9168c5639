// SOAP 1.1 request reader: envelope → operation name, headers and a typed request object, guided
// entirely by the contract. Prefixes never matter, only namespace URIs.
import { NS, type ElementDef } from '../contract/model.js';
import { arrayItem, flattenFields, isOperationName, isPrimitive, operationDef, typeDef } from '../contract/lookup.js';
import type { OperationName, WireObject, WireValue } from '../contract/values.js';
import { ApiError } from '../contract/api-error.js';
import { parseScalar, ScalarError, trimXmlSpace } from './scalars.js';
import { parseXml, type XmlElement } from './xml-tree.js';

export const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const NIL = `{${XSI}}nil`;

export interface SoapRequest {
  /** The operation named by the body element, or by SOAPAction when the body names none we know. */
  readonly operation: OperationName | undefined;
  /** What the client asked for, for the ActionNotSupported fault. */
  readonly requestedAction: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Element | undefined;
}
type Element = XmlElement;

/** Parses the envelope. Throws XmlRefused (not well-formed, DTD) or ApiError (not a SOAP 1.1 envelope). */
export function readEnvelope(xml: string, soapAction: string | undefined): SoapRequest {
  const envelope = parseXml(xml);
  if (envelope.uri !== SOAP_ENV || envelope.local !== 'Envelope') {
    throw new ApiError('NullRequest', 'The request is not a SOAP 1.1 envelope.');
  }
  const header = onlyOne(envelope, 'Header');
  const body = onlyOne(envelope, 'Body');
  if (!body) throw new ApiError('NullRequest', 'The SOAP envelope has no Body.');
  const headers: Record<string, string | undefined> = {};
  for (const h of header?.children ?? []) {
    if (h.uri !== NS.msg) continue;
    // Empty or nil header elements count as absent, like every other unset element.
    if (h.attributes.get(NIL) === 'true' || trimXmlSpace(h.text) === '') continue;
    headers[h.local] = trimXmlSpace(h.text);
  }
  const payload = body.children[0];
  const action = (soapAction ?? '').trim().replace(/^"|"$/g, '');
  const actionName = action.slice(action.lastIndexOf('/') + 1);
  let operation: OperationName | undefined;
  let requestedAction = action;
  if (payload && payload.uri === NS.msg && payload.local.endsWith('Request')) {
    const name = payload.local.slice(0, -'Request'.length);
    requestedAction = action || name;
    if (isOperationName(name)) operation = name;
  } else if (isOperationName(actionName)) {
    // WCF dispatches on the action, then its formatter finds no request wrapper it can read (none,
    // or one in another namespace): the message cannot be deserialised, which the service answers
    // as a null request. Never an empty request: GetAccountsInfo would list every account.
    const found = payload ? `{${payload.uri}}${payload.local}` : 'nothing';
    throw new ApiError('NullRequest', `The Body must hold {${NS.msg}}${actionName}Request; found ${found}.`);
  }
  return { operation, requestedAction, headers, body: payload };
}

/** The envelope's one soap:Header or soap:Body; a second one makes it no SOAP 1.1 envelope. */
function onlyOne(envelope: Element, local: 'Header' | 'Body'): Element | undefined {
  const found = envelope.children.filter((c) => c.uri === SOAP_ENV && c.local === local);
  if (found.length > 1) throw new ApiError('NullRequest', `The SOAP envelope has more than one ${local}.`);
  return found[0];
}

/** Decodes the request wrapper element (readEnvelope made sure there is one) into a typed object. */
export function readRequest(operation: OperationName, payload: Element | undefined): WireObject {
  const fields = operationDef(operation).request.map((field) => ({ field, ns: 'msg' as const }));
  return payload ? readFields(payload, fields, '') : {};
}

function readFields(element: Element, fields: ReadonlyArray<{ field: ElementDef; ns: keyof typeof NS }>, path: string): WireObject {
  const out: WireObject = {};
  for (const child of element.children) {
    // Order is not enforced and unknown elements are ignored, as WCF's serializer tolerates extra data.
    const match = fields.find((f) => f.field.name === child.local && NS[f.ns] === child.uri);
    if (!match) continue;
    const { field } = match;
    const childPath = path ? `${path}.${field.name}` : field.name;
    const def = isPrimitive(field.type) ? undefined : typeDef(field.type);
    if (def?.kind === 'flags') {
      // xs:list values arrive space-separated or, from suds, as repeated elements: accept both.
      const values = readFlags(child, def.values, childPath);
      if (values === undefined) continue;
      // Appended in place: copying the list for every repeated element is quadratic in their number.
      const previous = out[field.name];
      if (Array.isArray(previous)) (previous as string[]).push(...values);
      else out[field.name] = values;
      continue;
    }
    const value = readElement(child, field, childPath);
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}

function readFlags(element: Element, allowed: readonly string[], path: string): string[] | undefined {
  if (element.attributes.get(NIL) === 'true') return undefined;
  if (element.children.length > 0) throw invalid(path, 'must be a list of values, not an element');
  const tokens = element.text.split(/[ \t\r\n]+/).filter(Boolean);
  if (tokens.length === 0) return undefined;
  for (const token of tokens) {
    if (!allowed.includes(token)) throw invalid(path, `value '${clip(token)}' is not one of the allowed values`);
  }
  return tokens;
}

/**
 * One element's value: undefined when absent. suds serialises every unset field as an empty
 * element (<CurrencyCode/>), so an empty element means "not set", for strings too.
 */
function readElement(element: Element, field: ElementDef, path: string): WireValue | undefined {
  if (element.attributes.get(NIL) === 'true') return field.opts.nillable ? null : undefined;
  if (isPrimitive(field.type)) {
    if (element.children.length > 0) throw invalid(path, `must be a ${field.type} value, not an element`);
    if (element.text === '' || (field.type !== 'string' && trimXmlSpace(element.text) === '')) return undefined;
    try {
      return parseScalar(field.type, element.text);
    } catch (err) {
      if (err instanceof ScalarError) throw invalid(path, `value '${clip(element.text)}' ${err.message}`);
      throw err;
    }
  }
  const def = typeDef(field.type);
  if (def.kind === 'enum') {
    if (element.children.length > 0) throw invalid(path, 'must be a value, not an element');
    const text = trimXmlSpace(element.text);
    if (text === '') return undefined;
    if (!def.values.includes(text)) throw invalid(path, `value '${clip(text)}' is not one of the allowed values`);
    return text;
  }
  if (def.kind === 'flags') return readFlags(element, def.values, path);
  if (element.children.length === 0) return undefined;
  const item = arrayItem(def);
  if (item) {
    const items: WireValue[] = [];
    element.children.forEach((child, i) => {
      if (child.local !== item.name || child.uri !== NS[def.ns]) return;
      const value = readElement(child, item, `${path}[${i}]`);
      if (value !== undefined) items.push(value);
    });
    return items;
  }
  const object = readFields(element, flattenFields(def), path);
  // <TaxCertificate><TaxCertificates/><Status/></TaxCertificate> from suds: nothing set at all.
  return Object.keys(object).length === 0 ? undefined : object;
}

function invalid(path: string, reason: string): ApiError {
  return new ApiError('ApiInputValidationError', `${path}: ${reason}.`);
}

function clip(text: string): string {
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}
