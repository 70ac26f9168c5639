// Client-link calls on either face, normalised so that one test body asserts both: the ClientLink
// sent (JSON or XML in WSDL order), Add/UpdateClientLinks' OperationErrors and PartialErrors
// (one entry per link, null where it succeeded), and SearchClientLinks' links as plain text maps.
import assert from 'node:assert/strict';
import { EXC, find, findAll, type SoapResult, type RestResult } from './clients.js';
import { restCodes, faultCodes, type Faces } from './faces.js';
import { NIL, childEl, expectOk } from './soap-assert.js';

export type Face = 'REST' | 'SOAP';
export const FACES: readonly Face[] = ['REST', 'SOAP'];

/** A ClientLink as a test writes it; values are sent as given (ids as bigint). */
export interface LinkInput {
  Type?: string;
  ClientEntityId?: bigint;
  ClientEntityNumber?: string;
  ManagingCustomerId?: bigint;
  ManagingCustomerNumber?: string;
  Note?: string;
  Name?: string;
  IsBillToClient?: boolean;
  /** Sent as this exact text (so a test can leave out the offset). */
  StartDate?: string;
  Status?: string;
  SuppressNotification?: boolean;
  CustomerLinkPermission?: string;
  ClientEntityCustomerNumber?: string;
}

const ORDER: ReadonlyArray<keyof LinkInput> = [
  'Type', 'ClientEntityId', 'ClientEntityNumber', 'ManagingCustomerId', 'ManagingCustomerNumber', 'Note', 'Name',
  'IsBillToClient', 'StartDate', 'Status', 'SuppressNotification', 'CustomerLinkPermission', 'ClientEntityCustomerNumber',
];

export function linkJson(link: LinkInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ORDER) {
    const v = link[key];
    if (v !== undefined) out[key] = typeof v === 'bigint' ? v.toString() : v;
  }
  return out;
}

export function linkXml(link: LinkInput): string {
  const parts = ORDER.filter((k) => link[k] !== undefined).map((k) => `<e:${k}>${String(link[k])}</e:${k}>`);
  return `<e:ClientLink>${parts.join('')}</e:ClientLink>`;
}

export interface BatchResult {
  status: number;
  operationErrors: number[];
  /** One entry per link sent: its codes, or null when it succeeded. */
  partial: Array<number[] | null>;
}

/** AddClientLinks or UpdateClientLinks on one face (the response must be a 200 with both lists). */
export async function linkBatch(
  call: Faces, face: Face, op: 'AddClientLinks' | 'UpdateClientLinks', links: readonly LinkInput[] | null, token: string,
): Promise<BatchResult> {
  if (face === 'REST') {
    const r = await call.rest(op, { ClientLinks: links === null ? null : links.map(linkJson) }, token);
    assert.equal(r.status, 200, r.text);
    const operation = r.body.OperationErrors as Array<{ Code: number }>;
    const partial = r.body.PartialErrors as Array<Array<{ Code: number; Message: string }> | null>;
    assert.ok(Array.isArray(operation), `OperationErrors is an array: ${r.text}`);
    assert.ok(Array.isArray(partial), `PartialErrors is an array: ${r.text}`);
    return { status: r.status, operationErrors: operation.map((e) => e.Code), partial: partial.map((p) => p && p.map((e) => e.Code)) };
  }
  const inner = links === null ? '<ClientLinks i:nil="true"/>' : `<ClientLinks>${links.map(linkXml).join('')}</ClientLinks>`;
  const r = await call.soap(op, inner, token);
  const response = expectOk(r, op);
  const operation = childEl(response, 'OperationErrors');
  const partial = childEl(response, 'PartialErrors');
  assert.ok(operation && partial, `both lists are written: ${r.text}`);
  assert.equal(partial.uri, response.uri, 'PartialErrors is in the message namespace');
  const entries = partial.children.filter((c) => c.local === 'ArrayOfOperationError');
  for (const e of entries) assert.equal(e.uri, EXC);
  return {
    status: r.status,
    operationErrors: findAll(operation, 'Code').map((c) => Number(c.text)),
    partial: entries.map((e) => (e.attributes.get(NIL) === 'true' ? null : findAll(e, 'Code').map((c) => Number(c.text)))),
  };
}

export type LinkView = Record<string, string | null>;

export interface SearchResult {
  /** The links, each element as text (null when nil), or undefined on a fault. */
  links?: LinkView[];
  /** The fault's codes. */
  fault?: number[];
  raw: RestResult | SoapResult;
}

export interface SearchRequest {
  predicates: ReadonlyArray<{ Field: string; Operator: string; Value: string }>;
  ordering?: { Field: string; Order: string };
  page?: { Index: number; Size: number } | null;
}

export async function searchLinks(call: Faces, face: Face, request: SearchRequest, token: string): Promise<SearchResult> {
  const page = request.page === undefined ? { Index: 0, Size: 100 } : request.page;
  if (face === 'REST') {
    const body: Record<string, unknown> = { Predicates: request.predicates, PageInfo: page };
    if (request.ordering) body.Ordering = [request.ordering];
    const r = await call.rest('SearchClientLinks', body, token);
    if (r.status !== 200) return { fault: restCodes(r), raw: r };
    const list = r.body.ClientLinks as Array<Record<string, unknown>>;
    assert.ok(Array.isArray(list), `ClientLinks is an array, never null: ${r.text}`);
    return {
      links: list.map((l) => Object.fromEntries(Object.entries(l).map(([k, v]) => [k, v === null ? null : String(v)]))),
      raw: r,
    };
  }
  const preds = `<Predicates>${request.predicates.map((p) => `<e:Predicate><e:Field>${p.Field}</e:Field>`
    + `<e:Operator>${p.Operator}</e:Operator><e:Value>${p.Value}</e:Value></e:Predicate>`).join('')}</Predicates>`;
  const order = request.ordering
    ? `<Ordering><e:OrderBy><e:Field>${request.ordering.Field}</e:Field><e:Order>${request.ordering.Order}</e:Order></e:OrderBy></Ordering>` : '';
  const paging = page === null ? '' : `<PageInfo><e:Index>${page.Index}</e:Index><e:Size>${page.Size}</e:Size></PageInfo>`;
  const r = await call.soap('SearchClientLinks', preds + order + paging, token);
  if (r.status !== 200) return { fault: faultCodes(r), raw: r };
  const response = expectOk(r, 'SearchClientLinks');
  const list = find(response, 'ClientLinks');
  assert.ok(list, r.text);
  const links = list.children.map((link) => Object.fromEntries(link.children.map((c) =>
    [c.local, c.attributes.get(NIL) === 'true' ? null : c.text])));
  return { links, raw: r };
}

/** Every ClientLink element a SOAP search writes, in WSDL order (ClientEntityCustomerNumber only when set). */
export const CLIENT_LINK_ELEMENTS = [
  'Type', 'ClientEntityId', 'ClientEntityNumber', 'ClientEntityName', 'ManagingCustomerId', 'ManagingCustomerNumber',
  'ManagingCustomerName', 'Note', 'Name', 'InviterEmail', 'InviterName', 'InviterPhone', 'IsBillToClient', 'StartDate',
  'Status', 'SuppressNotification', 'LastModifiedDateTime', 'LastModifiedByUserId', 'Timestamp', 'ForwardCompatibilityMap',
  'CustomerLinkPermission',
];

/** The predicate naming one client account. */
export const byAccount = (id: bigint, operator = 'Equals'): SearchRequest['predicates'] =>
  [{ Field: 'ClientAccountId', Operator: operator, Value: id.toString() }];
