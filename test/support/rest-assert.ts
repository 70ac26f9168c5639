// Checks every REST response of the API must pass (no stack traces, a TrackingId header) and the
// exact flat fault of §4.3; plus the small JSON builders the account tests send.
import assert from 'node:assert/strict';
import type { AccountRecord } from '../../src/store/records.js';
import { rest, type RestResult } from './clients.js';
import { uniqueName } from './names.js';
import { SANDBOX_DEVELOPER_TOKEN } from './server.js';

export const V13 = '/CustomerManagement/v13';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Signs of a stack trace or of server internals leaking into a response. */
const STACK_SIGNS = [/\bat .+\(.+:\d+:\d+\)/, /\n\s+at /, /node:internal/, /\/dist\/src\//, /\/src\/[\w/-]+\.ts/, /\.js:\d+:\d+/];

export interface CallOptions {
  token?: string | null;
  developerToken?: string | null;
  headers?: Record<string, string>;
}

/** One REST call (the sandbox developer token unless told otherwise), plus the checks every response must pass. */
export async function checkedRest(baseUrl: string, defaultToken: string, method: string, path: string, body: unknown, options: CallOptions = {}): Promise<RestResult> {
  const token = options.token === undefined ? defaultToken : options.token ?? undefined;
  const developerToken = options.developerToken === undefined ? SANDBOX_DEVELOPER_TOKEN : options.developerToken ?? undefined;
  const res = await rest(baseUrl, method, path, body, { token, developerToken, ...(options.headers ? { headers: options.headers } : {}) });
  for (const sign of STACK_SIGNS) assert.doesNotMatch(res.text, sign, `no stack trace or internals in: ${res.text.slice(0, 300)}`);
  const trackingId = res.headers.get('trackingid');
  assert.match(trackingId ?? '', GUID, 'every API response carries a TrackingId header holding a lower-case GUID');
  if (res.status === 200) assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return res;
}

export type FaultType = 'ApiFault' | 'AdApiFaultDetail';

/** The flat fault of §4.3, exactly: {TrackingId, Type, OperationErrors|Errors}, codes as numbers. */
export function expectRestFault(res: RestResult, status: number, type: FaultType, code: number): void {
  assert.equal(res.status, status, `HTTP ${status} expected, got ${res.status}: ${res.text.slice(0, 400)}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const body = res.body;
  const list = type === 'ApiFault' ? 'OperationErrors' : 'Errors';
  assert.deepEqual(Object.keys(body).sort(), [list, 'TrackingId', 'Type'].sort(), `fault members: ${res.text.slice(0, 300)}`);
  assert.equal(body.Type, type, res.text);
  assert.match(String(body.TrackingId), GUID);
  assert.equal(body.TrackingId, res.headers.get('trackingid'), 'TrackingId header equals the body');
  const errors = body[list] as Array<Record<string, unknown>>;
  assert.ok(Array.isArray(errors) && errors.length >= 1, `${list} is a plain non-empty array`);
  for (const e of errors) {
    const keys = type === 'ApiFault' ? ['Code', 'Details', 'Message'] : ['Code', 'Detail', 'ErrorCode', 'Message'];
    assert.deepEqual(Object.keys(e).sort(), keys, `error members: ${JSON.stringify(e)}`);
    assert.ok(Number.isInteger(e.Code), `Code is a JSON number: ${JSON.stringify(e)}`);
    assert.ok(typeof e.Message === 'string' && e.Message.length > 0);
    const detail = type === 'ApiFault' ? e.Details : e.Detail;
    assert.ok(detail === null || typeof detail === 'string');
    if (type === 'AdApiFaultDetail') assert.ok(typeof e.ErrorCode === 'string' && e.ErrorCode.length > 0);
  }
  assert.equal(errors[0]!.Code, code, `code ${code} expected: ${res.text.slice(0, 400)}`);
}

export const ids = (list: unknown): string[] => (list as Array<{ Id: string }>).map((a) => a.Id).sort();
export const sortedIds = (records: readonly AccountRecord[]): string[] => records.map((a) => a.id.toString()).sort();

/** A REST BusinessAddress. */
export function address(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { BusinessName: 'Contoso Ltd', Line1: '1 Microsoft Way', City: 'Redmond', StateOrProvince: 'WA', PostalCode: '98052', CountryCode: 'US', ...overrides };
}

/** A valid REST AddAccount Account for the customer (Active: it carries the payment method). */
export function jsonAccount(owner: { customer: { id: bigint }; paymentMethod: { id: bigint } }, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Name: uniqueName('REST Account'), CurrencyCode: 'USD', ParentCustomerId: owner.customer.id.toString(),
    PaymentMethodId: owner.paymentMethod.id.toString(), BusinessAddress: address(), ...overrides,
  };
}
