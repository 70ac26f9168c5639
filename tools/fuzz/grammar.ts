// The request grammar, read from the contract (src/contract): every operation's request wrapper,
// its elements in WSDL order, their types and namespaces. Builds a schema-valid request as a tree
// and writes the tree as a SOAP envelope or a REST JSON body, so that the mutations work on the
// structure and both faces get the same request.
import { arrayItem, flattenFields, isPrimitive, jsonName, operationDef, typeDef } from '../../src/contract/lookup.js';
import { NS, type ElementDef, type NamespaceKey } from '../../src/contract/model.js';
import type { OperationName } from '../../src/contract/values.js';
import type { Prng } from './prng.js';

export type Node =
  /** A value: its XML text and its JSON value (already the JSON the REST face expects). */
  | { kind: 'scalar'; xml: string; json: unknown; xmlRaw?: boolean; jsonRaw?: string }
  | { kind: 'nil' }
  | { kind: 'object'; type: string; fields: Slot[] }
  | { kind: 'array'; type: string; item: ElementDef; itemNs: NamespaceKey; items: Node[] }
  /** `depth` nested elements (XML) or arrays (JSON) in place of a value. */
  | { kind: 'nest'; depth: number };

/** One element of an object: where it sits, what the contract says it is, and its value. */
export interface Slot {
  def: ElementDef;
  ns: NamespaceKey;
  node: Node;
  /** XML prefix to write instead of the namespace's own (a mutation). */
  prefix?: string;
}

/** The ids of the server's demo tenant, so generated requests reach past "not found". */
export interface World {
  customerId: string;
  accountId: string;
  userId: string;
}

export const PREFIX: Record<NamespaceKey, string> = {
  msg: 'm', ent: 'e', exc: 'x', adapi: 'ad', generic: 'g', arrays: 'a', ser: 'ser',
};
const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const PREDICATE_FIELDS = [
  'AccountId', 'AccountName', 'AccountNumber', 'AccountLifeCycleStatus', 'CustomerId', 'CustomerName', 'UserId',
  'UserName', 'CreatedDate', 'MarketCountry', 'MarketLanguage', 'ClientAccountId', 'ClientCustomerId',
  'DirectManagingCustomerId', 'ManagingCustomerId',
];
const ADDRESS = { City: 'Redmond', CountryCode: 'US', Line1: '1 Microsoft Way', PostalCode: '98052', StateOrProvince: 'WA', BusinessName: 'Contoso' };

/** A schema-valid request for `operation`: every element of the right type, some left out. */
export function validRequest(operation: OperationName, world: World, rng: Prng): Node {
  const fields = operationDef(operation).request.map((def) => ({ def, ns: 'msg' as NamespaceKey }));
  return { kind: 'object', type: `${operation}Request`, fields: genFields(fields, operation, world, rng, 0) };
}

function genFields(fields: ReadonlyArray<{ def: ElementDef; ns: NamespaceKey }>, owner: string, world: World, rng: Prng, depth: number): Slot[] {
  const out: Slot[] = [];
  for (const { def, ns } of fields) {
    // Most elements are sent; some left out (all are minOccurs=0 but KeyValuePair's key/value).
    if (!def.opts.required && !rng.chance(depth === 0 ? 0.85 : 0.6)) continue;
    const node = def.opts.nillable && rng.chance(0.04) ? { kind: 'nil' as const } : genValue(def, owner, world, rng, depth);
    out.push({ def, ns, node });
  }
  return out;
}

export function genValue(def: ElementDef, owner: string, world: World, rng: Prng, depth: number): Node {
  if (isPrimitive(def.type)) return genScalar(def, owner, world, rng);
  const t = typeDef(def.type);
  if (t.kind === 'enum') return text(rng.pick(t.values));
  if (t.kind === 'flags') {
    const chosen = t.values.filter(() => rng.chance(0.5));
    const list = chosen.length ? chosen : [t.values[0]!];
    return { kind: 'scalar', xml: list.join(' '), json: list.join(', ') };
  }
  const item = arrayItem(t);
  if (item) {
    const items: Node[] = [];
    for (let i = rng.int(depth > 2 ? 0 : 1, 3); i > 0; i--) items.push(genValue(item, def.name, world, rng, depth + 1));
    return { kind: 'array', type: def.type, item, itemNs: t.ns, items };
  }
  if (def.type === 'Address' && rng.chance(0.7)) {
    const fields = flattenFields(t).map(({ field, ns }) => ({ def: field, ns }))
      .filter(({ def: f }) => f.name in ADDRESS)
      .map(({ def: f, ns }) => ({ def: f, ns, node: text(ADDRESS[f.name as keyof typeof ADDRESS]) }));
    return { kind: 'object', type: def.type, fields };
  }
  return { kind: 'object', type: def.type, fields: genFields(flattenFields(t).map(({ field, ns }) => ({ def: field, ns })), def.type, world, rng, depth + 1) };
}

function text(value: string): Node {
  return { kind: 'scalar', xml: value, json: value };
}

function genScalar(def: ElementDef, owner: string, world: World, rng: Prng): Node {
  const name = def.name;
  switch (def.type) {
    case 'long': {
      const id = /CustomerId$/.test(name) || (owner === 'Customer' && name === 'Id') ? world.customerId
        : /AccountId$|AccountIds|^long$/.test(name) || (owner === 'AdvertiserAccount' && name === 'Id') ? world.accountId
          : /UserId$/.test(name) || (owner === 'User' && name === 'Id') ? world.userId
            : rng.pick([world.customerId, world.accountId, world.userId, '1', String(rng.int(1, 1_000_000))]);
      const value = rng.chance(0.9) ? id : String(rng.int(1, 1_000_000));
      return { kind: 'scalar', xml: value, json: value };
    }
    case 'int': {
      const value = name === 'TopN' ? rng.int(1, 100) : name === 'Size' ? rng.int(0, 50) : name === 'Index' ? rng.int(0, 2)
        : /RoleId$/.test(name) ? rng.pick([41, 203, 100, 16, 33]) : rng.int(0, 1000);
      return { kind: 'scalar', xml: String(value), json: value };
    }
    case 'unsignedByte': {
      const value = rng.int(0, 4);
      return { kind: 'scalar', xml: String(value), json: value };
    }
    case 'decimal':
      return { kind: 'scalar', xml: '12.50', json: 12.5 };
    case 'boolean': {
      const value = rng.chance(0.5);
      return { kind: 'scalar', xml: String(value), json: value };
    }
    case 'dateTime': {
      const value = new Date(Date.UTC(2026, rng.int(0, 11), rng.int(1, 28))).toISOString();
      return text(value);
    }
    case 'base64Binary':
      return text(rng.bytes(8).toString('base64'));
    default:
      return text(genString(name, owner, rng));
  }
}

function genString(name: string, owner: string, rng: Prng): string {
  if (owner === 'Predicate' && name === 'Field') return rng.pick(PREDICATE_FIELDS);
  if (owner === 'Predicate' && name === 'Value') return rng.pick(['Demo', 'Demo Account', 'Active', 'US', 'English', '20260101', rng.word(4, 12)]);
  if (/Email|UserName/.test(name)) return `${rng.word(3, 8)}@example.com`;
  if (name === 'CountryCode' || name === 'MarketCountry') return rng.pick(['US', 'DE', 'GB', 'BR']);
  if (name === 'MinDate' || name === 'MaxDate') return rng.pick(['20250101', '20261231']);
  if (name === 'Locale') return 'en';
  if (name === 'key' || name === 'Key') return rng.pick(['VATNumber', 'CNPJ', 'GSTNumber']);
  if (name === 'Type') return rng.pick(['AccountLink', 'CustomerLink']);
  return `Fuzz ${rng.word(3, 16)}`;
}

// ---- writing ----------------------------------------------------------------------------

export interface Headers {
  token?: string | undefined;
  developerToken?: string | undefined;
}

/** The SOAP envelope for `request` (every element prefixed; all prefixes declared on the envelope). */
export function soapEnvelope(operation: OperationName, request: Node, headers: Headers, wrapperNs: NamespaceKey = 'msg'): string {
  const decls = (Object.keys(NS) as NamespaceKey[]).map((k) => ` xmlns:${PREFIX[k]}="${NS[k]}"`).join('');
  const h = `<m:Action s:mustUnderstand="1">${operation}</m:Action>`
    + (headers.token !== undefined ? `<m:AuthenticationToken>${escapeXml(headers.token)}</m:AuthenticationToken>` : '')
    + (headers.developerToken !== undefined ? `<m:DeveloperToken>${escapeXml(headers.developerToken)}</m:DeveloperToken>` : '');
  const wrapper = `${PREFIX[wrapperNs]}:${operation}Request`;
  const inner = request.kind === 'object' ? request.fields.map(slotXml).join('') : nodeXml(request);
  return `<s:Envelope xmlns:s="${SOAP_ENV}" xmlns:i="${XSI}"${decls}><s:Header>${h}</s:Header>`
    + `<s:Body><${wrapper}>${inner}</${wrapper}></s:Body></s:Envelope>`;
}

function slotXml(slot: Slot): string {
  return elementXml(`${slot.prefix ?? PREFIX[slot.ns]}:${slot.def.name}`, slot.node);
}

function elementXml(qname: string, node: Node): string {
  if (node.kind === 'nil') return `<${qname} i:nil="true"/>`;
  return `<${qname}>${nodeXml(node)}</${qname}>`;
}

function nodeXml(node: Node): string {
  switch (node.kind) {
    case 'nil': return '';
    case 'scalar': return node.xmlRaw ? node.xml : escapeXml(node.xml);
    case 'object': return node.fields.map(slotXml).join('');
    case 'array': return node.items.map((item) => elementXml(`${PREFIX[node.itemNs]}:${node.item.name}`, item)).join('');
    case 'nest': return '<m:n>'.repeat(node.depth) + '</m:n>'.repeat(node.depth);
  }
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The REST body for `request`, written by hand so that a mutation can repeat a key. */
export function jsonBody(request: Node): string {
  return nodeJson(request);
}

function nodeJson(node: Node): string {
  switch (node.kind) {
    case 'nil': return 'null';
    case 'scalar': return node.jsonRaw ?? JSON.stringify(node.json) ?? 'null';
    case 'object': return `{${node.fields.map((s) => `${JSON.stringify(jsonName(s.def))}:${nodeJson(s.node)}`).join(',')}}`;
    case 'array': return `[${node.items.map(nodeJson).join(',')}]`;
    case 'nest': return '['.repeat(node.depth) + ']'.repeat(node.depth);
  }
}
