// The world of the SOAP protocol tests (test/e2e/protocol/soap-*.test.ts): one real sandbox server
// acting as the demo Super Admin; raw SOAP posts that remember every response, so each file can
// check at its end that none leaked a stack trace; and the fault and store checks those files share.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, SANDBOX_DEVELOPER_TOKEN, type RunningServer } from './server.js';
import { ADAPI, CM, XSI, envelope, find, findAll, postSoap, type SoapCredentials, type SoapResult } from './clients.js';
import type { XmlElement as ScopedElement } from './xml-tree.js';
import { parseXml, type XmlElement } from '../../src/codec/xml-tree.js';
import type { Store } from '../../src/store/store.js';

export const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
export const ADDRESSING_NONE = 'http://schemas.microsoft.com/ws/2005/05/addressing/none';
export const NIL = `{${XSI}}nil`;
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const FAULT_STRING = /^Invalid client data\. Check the SOAP fault details for more information\. TrackingId: ([0-9a-f-]{36})\.$/;
/** What a leaked Node stack trace looks like ("    at fn (/path/file.js:12:3)"). */
const STACK_TRACE = /\bat\s+\S*[\s\S]{0,200}?\.(?:js|ts|mjs|cjs):\d+/;

export const ADDRESS_XML = '<e:City>Redmond</e:City><e:CountryCode>US</e:CountryCode><e:Line1>1 Microsoft Way</e:Line1>'
  + '<e:PostalCode>98052</e:PostalCode><e:StateOrProvince>WA</e:StateOrProvince><e:BusinessName>Contoso</e:BusinessName>';

export interface RawResult { status: number; text: string; ms: number; headers: Headers }

export class SoapProtocolWorld {
  server!: RunningServer;
  store!: Store;
  /** The demo Super Admin's credentials. */
  admin!: SoapCredentials;
  demo!: { customerId: bigint; userId: bigint; paymentMethodId: bigint };
  /** Every response of the file, checked at its end for leaked stack traces. */
  readonly seen: Array<{ what: string; text: string }> = [];
  #seq = 0;
  #starting: Promise<void> | undefined;

  /** Starts the world once; every caller waits for the same start. */
  started(): Promise<void> {
    this.#starting ??= this.start();
    return this.#starting;
  }

  private async start(): Promise<void> {
    this.server = await startServer();
    this.store = await this.server.store();
    this.admin = { token: await this.server.token(), developerToken: SANDBOX_DEVELOPER_TOKEN };
    const userId = BigInt((await this.store.getMeta('demo_user_id'))!);
    const user = (await this.store.getUser(userId))!;
    const [account] = await this.store.queryAccounts({ scope: { customerIds: [user.customerId], accountIds: [] } });
    this.demo = { customerId: user.customerId, userId, paymentMethodId: account!.paymentMethodId! };
  }

  unique = (label: string): string => `${label} ${++this.#seq}${Math.random().toString(36).slice(2, 8)}`;

  post = async (xml: string, soapAction?: string, url = this.server.soapUrl): Promise<SoapResult> => {
    const r = await postSoap(url, xml, soapAction);
    this.seen.push({ what: xml.slice(0, 120), text: r.text });
    return r;
  };

  call = (operation: string, inner: string, creds: SoapCredentials, url = this.server.soapUrl): Promise<SoapResult> =>
    this.post(envelope(operation, inner, creds), operation, url);

  /** A POST of any body (also not well-formed ones), timed. */
  postRaw = async (body: string, url = this.server.soapUrl): Promise<RawResult> => {
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"AddAccount"' }, body });
    const text = await res.text();
    this.seen.push({ what: body.slice(0, 120), text });
    return { status: res.status, text, ms: performance.now() - started, headers: res.headers };
  };

  accountCount = async (customerId = this.demo.customerId): Promise<number> =>
    (await this.store.queryAccounts({ scope: { customerIds: [customerId], accountIds: [] } })).length;

  accountNamed = async (name: string): Promise<boolean> => {
    const all = await this.store.queryAccounts({ scope: { customerIds: [this.demo.customerId], accountIds: [] } });
    return all.some((a) => a.name === name);
  };

  /** A valid AddAccount body for the demo customer, with `extra` fields after CurrencyCode. */
  addAccountBody = (name: string, extra = ''): string =>
    `<Account><e:CurrencyCode>USD</e:CurrencyCode>${extra}<e:Name>${name}</e:Name><e:ParentCustomerId>${this.demo.customerId}</e:ParentCustomerId>`
    + `<e:PaymentMethodId>${this.demo.paymentMethodId}</e:PaymentMethodId><e:BusinessAddress>${ADDRESS_XML}</e:BusinessAddress></Account>`;
}

/** The world for this test file: started before its tests, stopped after. */
export function useSoapProtocolWorld(): SoapProtocolWorld {
  const world = new SoapProtocolWorld();
  before(() => world.started());
  after(async () => { await world.server?.stop(); });
  return world;
}

/** The file's last test: no response it saw (at least `minimum` of them) carries a stack trace or server paths. */
export function itLeaksNoStackTrace(world: SoapProtocolWorld, minimum: number): void {
  it('no response of this file carries a stack trace', () => {
    assert.ok(world.seen.length >= minimum, `checked ${world.seen.length} responses`);
    for (const { what, text } of world.seen) {
      assert.doesNotMatch(text, STACK_TRACE, what);
      assert.ok(!text.includes('node:internal') && !text.includes('/src/') && !text.includes('/dist/'), what);
    }
  });
}

export function childEl(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local);
}
export function must<T>(v: T | undefined, what: string): T {
  assert.ok(v, `missing ${what}`);
  return v;
}

export function expectOk(r: SoapResult, operation: string): XmlElement {
  assert.equal(r.status, 200, r.text);
  assert.equal(find(r.root, 'Fault', SOAP_ENV), undefined, r.text);
  const response = must(find(r.root, 'Body', SOAP_ENV)?.children[0], 'response');
  assert.equal(response.uri, CM);
  assert.equal(response.local, `${operation}Response`);
  return response;
}

/** A fault with exactly one error of this code in this detail shape (also of a raw, unparsed answer). */
export function expectFault(r: SoapResult | { status: number; text: string }, code: number, kind: 'AdApiFaultDetail' | 'ApiFault'): void {
  assert.equal(r.status, 500, r.text);
  const root = 'root' in r ? r.root : parseXml(r.text);
  const fault = must(find(root, 'Fault', SOAP_ENV), `Fault in ${r.text}`);
  assert.ok(kind === 'AdApiFaultDetail' ? find(fault, 'AdApiFaultDetail', ADAPI) : find(fault, 'ApiFault', CM), `${kind} in ${r.text}`);
  assert.deepEqual(findAll(fault, 'Code').map((c) => Number(c.text)), [code], r.text);
}

/** Depth-first search by local name in a namespace-scoped tree. */
export function findScoped(el: ScopedElement, local: string): ScopedElement | undefined {
  if (el.local === local) return el;
  for (const c of el.children) {
    const hit = findScoped(c, local);
    if (hit) return hit;
  }
  return undefined;
}
