// The WSDL the server publishes at `?wsdl` / `?singleWsdl`: a single-file WSDL 1.1 document in
// the shape of the official WCF one, derived from the contract data, declaring only the served
// operations and the types they reach. test/contract/wsdl-matches-official.test.ts compares it,
// structurally, with the official document.
//
// Deliberately left out of the official shape:
// - the WS-Policy block (an HTTPS TransportBinding assertion) and the binding's reference to it,
//   because this server is served over plain HTTP too, where a client honouring the policy
//   would refuse to call it;
// - the Serialization-namespace schema (anyType, guid, char, … elements): no contract type uses it;
// - WCF-only appinfo (EnumerationValue, ActualType, GenericType, IsValueType), which the contract
//   does not record; only EmitDefaultValue is kept because it tells clients a member may be absent.
import { NS } from '../contract/model.js';
import type { OperationName } from '../contract/values.js';
import { canonicalOperations } from './reachable-types.js';
import { BINDING_NAME, bindingLines, messageLines, portTypeLines } from './wsdl-bindings.js';
import { escapeXml, PREFIX, schemaLines } from './wsdl-schema.js';

export interface WsdlOptions {
  /** The operations to declare; order and duplicates do not matter. */
  readonly operations: readonly OperationName[];
  /** The endpoint clients are told to call (soap:address location). */
  readonly address: string;
}

const SERVICE_NAME = 'CustomerManagementService';

function documentBody(ops: readonly OperationName[]): string {
  const root = [
    `name="${SERVICE_NAME}"`,
    `targetNamespace="${NS.msg}"`,
    'xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"',
    'xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"',
    'xmlns:wsaw="http://www.w3.org/2006/05/addressing/wsdl"',
    'xmlns:msc="http://schemas.microsoft.com/ws/2005/12/wsdl/contract"',
    'xmlns:xs="http://www.w3.org/2001/XMLSchema"',
    `xmlns:${PREFIX.msg}="${NS.msg}"`,
    `xmlns:${PREFIX.adapi}="${NS.adapi}"`,
  ].join(' ');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<wsdl:definitions ${root}>`,
    '  <wsdl:types>',
    ...schemaLines(2, ops),
    '  </wsdl:types>',
    ...messageLines(ops),
    ...portTypeLines(ops),
    ...bindingLines(ops),
    '',
  ].join('\n');
}

// The body depends only on the operation set, and a server publishes one or a few sets, so it is
// computed once per set; only the address (which may follow the request's Host) varies per call.
const bodies = new Map<string, string>();
const MAX_CACHED = 16;

export function writeWsdl(options: WsdlOptions): string {
  const ops = canonicalOperations(options.operations);
  const key = ops.join(',');
  let body = bodies.get(key);
  if (body === undefined) {
    body = documentBody(ops);
    if (bodies.size >= MAX_CACHED) bodies.delete(bodies.keys().next().value as string);
    bodies.set(key, body);
  }
  return body + [
    `  <wsdl:service name="${SERVICE_NAME}">`,
    `    <wsdl:port name="${BINDING_NAME}" binding="${PREFIX.msg}:${BINDING_NAME}">`,
    `      <soap:address location="${escapeXml(options.address)}" />`,
    '    </wsdl:port>',
    '  </wsdl:service>',
    '</wsdl:definitions>',
    '',
  ].join('\n');
}
