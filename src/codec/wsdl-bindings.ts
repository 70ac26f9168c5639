// Messages, port type and SOAP 1.1 binding of the served WSDL, named exactly as the WCF-generated
// official document names them: clients key on these names (message parts, fault names, the
// wsaw:Action values and soapAction = bare operation name), never on our prefixes.
import { NS } from '../contract/model.js';
import type { OperationName } from '../contract/values.js';
import { PREFIX, REQUEST_HEADERS, RESPONSE_HEADERS } from './wsdl-schema.js';

export const CONTRACT_NAME = 'ICustomerManagementService';
export const BINDING_NAME = `BasicHttpBinding_${CONTRACT_NAME}`;

/** The two faults every operation declares, with the global element that is their detail. */
const FAULTS = [
  { name: 'AdApiFaultDetailFault', element: `${PREFIX.adapi}:AdApiFaultDetail` },
  { name: 'ApiFault', element: `${PREFIX.msg}:ApiFault` },
] as const;

const tns = (name: string): string => `${PREFIX.msg}:${name}`;
const faultMessage = (op: string, fault: string): string => `${CONTRACT_NAME}_${op}_${fault}_FaultMessage`;
/** WCF's default action URIs: `<targetNamespace>/<contract>/<op>Response` and so on. */
const action = (suffix: string): string => `${NS.msg}/${CONTRACT_NAME}/${suffix}`;

function message(name: string, parts: readonly (readonly [string, string])[]): string[] {
  return [
    `  <wsdl:message name="${name}">`,
    ...parts.map(([part, element]) => `    <wsdl:part name="${part}" element="${element}" />`),
    '  </wsdl:message>',
  ];
}

export function messageLines(ops: readonly OperationName[]): string[] {
  return ops.flatMap((op) => [
    ...message(`${op}Request`, [['parameters', tns(`${op}Request`)]]),
    ...message(`${op}Request_Headers`, REQUEST_HEADERS.map((h) => [h, tns(h)] as const)),
    ...message(`${op}Response`, [['parameters', tns(`${op}Response`)]]),
    ...message(`${op}Response_Headers`, RESPONSE_HEADERS.map((h) => [h, tns(h)] as const)),
    ...FAULTS.flatMap((f) => message(faultMessage(op, f.name), [['detail', f.element]])),
  ]);
}

export function portTypeLines(ops: readonly OperationName[]): string[] {
  return [
    `  <wsdl:portType msc:usingSession="false" name="${CONTRACT_NAME}">`,
    ...ops.flatMap((op) => [
      `    <wsdl:operation name="${op}">`,
      `      <wsdl:input wsaw:Action="${op}" name="${op}Request" message="${tns(`${op}Request`)}" />`,
      `      <wsdl:output wsaw:Action="${action(`${op}Response`)}" name="${op}Response" message="${tns(`${op}Response`)}" />`,
      ...FAULTS.map((f) =>
        `      <wsdl:fault wsaw:Action="${action(op + f.name)}" name="${f.name}" message="${tns(faultMessage(op, f.name))}" />`),
      '    </wsdl:operation>',
    ]),
    '  </wsdl:portType>',
  ];
}

export function bindingLines(ops: readonly OperationName[]): string[] {
  const headers = (msg: string, parts: readonly string[]): string[] =>
    parts.map((p) => `        <soap:header message="${tns(msg)}" part="${p}" use="literal" />`);
  return [
    // The official binding also carries a wsp:PolicyReference to an HTTPS TransportBinding
    // policy; it is left out because this server is reached over plain HTTP as well.
    `  <wsdl:binding name="${BINDING_NAME}" type="${tns(CONTRACT_NAME)}">`,
    '    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" />',
    ...ops.flatMap((op) => [
      `    <wsdl:operation name="${op}">`,
      `      <soap:operation soapAction="${op}" style="document" />`,
      `      <wsdl:input name="${op}Request">`,
      ...headers(`${op}Request_Headers`, REQUEST_HEADERS),
      '        <soap:body use="literal" />',
      '      </wsdl:input>',
      `      <wsdl:output name="${op}Response">`,
      ...headers(`${op}Response_Headers`, RESPONSE_HEADERS),
      '        <soap:body use="literal" />',
      '      </wsdl:output>',
      ...FAULTS.flatMap((f) => [
        `      <wsdl:fault name="${f.name}">`,
        `        <soap:fault use="literal" name="${f.name}" namespace="" />`,
        '      </wsdl:fault>',
      ]),
      '    </wsdl:operation>',
    ]),
    '  </wsdl:binding>',
  ];
}
