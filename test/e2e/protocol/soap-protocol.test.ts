// The SOAP 1.1 protocol and its security, end to end against the real server: the fault
// envelopes (reference §4.2), namespace handling (any prefixes), operation dispatch, every
// authentication failure (§6), what the official SDKs send (client-notes.md), hostile XML, size
// limits and the served WSDL. Each refused request is also checked to have stored nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, SANDBOX_DEVELOPER_TOKEN, type RunningServer } from '../../support/server.js';
import {
  ADAPI, CM, ENT, EXC, XSI, envelope, find, findAll, postSoap, type SoapCredentials, type SoapResult,
} from '../../support/clients.js';
import { parseXml as parseScoped, resolveQName, clark, type XmlElement as ScopedElement } from '../../support/xml-tree.js';
import { parseXml, type XmlElement } from '../../../src/codec/xml-tree.js';
import type { ElementDef } from '../../../src/contract/model.js';
import { types } from '../../../src/contract/types.js';
import { operationNames } from '../../../src/contract/lookup.js';
import { implementedOperations } from '../../../src/domain/operations.js';
import { issueAccessToken } from '../../../src/auth/issue-tokens.js';
import { hashSecret } from '../../../src/domain/credentials.js';
import type { Store } from '../../../src/store/store.js';

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const ADDRESSING_NONE = 'http://schemas.microsoft.com/ws/2005/05/addressing/none';
const NIL = `{${XSI}}nil`;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FAULT_STRING = /^Invalid client data\. Check the SOAP fault details for more information\. TrackingId: ([0-9a-f-]{36})\.$/;
/** What a leaked Node stack trace looks like ("    at fn (/path/file.js:12:3)"). */
const STACK_TRACE = /\bat\s+\S*[\s\S]{0,200}?\.(?:js|ts|mjs|cjs):\d+/;

let server: RunningServer;
let store: Store;
let admin: SoapCredentials;
let demo: { customerId: bigint; userId: bigint; paymentMethodId: bigint };
/** Every response of this file, checked at the end for leaked stack traces. */
const seen: Array<{ what: string; text: string }> = [];

let seq = 0;
const unique = (label: string): string => `${label} ${++seq}${Math.random().toString(36).slice(2, 8)}`;

async function post(xml: string, soapAction?: string, url = server.soapUrl): Promise<SoapResult> {
  const r = await postSoap(url, xml, soapAction);
  seen.push({ what: xml.slice(0, 120), text: r.text });
  return r;
}
async function call(operation: string, inner: string, creds: SoapCredentials, url = server.soapUrl): Promise<SoapResult> {
  return post(envelope(operation, inner, creds), operation, url);
}
/** A POST of any body (also not well-formed ones), timed. */
async function postRaw(body: string, url = server.soapUrl): Promise<{ status: number; text: string; ms: number; headers: Headers }> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"AddAccount"' }, body });
  const text = await res.text();
  seen.push({ what: body.slice(0, 120), text });
  return { status: res.status, text, ms: performance.now() - started, headers: res.headers };
}

function childEl(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local);
}
function must<T>(v: T | undefined, what: string): T {
  assert.ok(v, `missing ${what}`);
  return v;
}

function expectOk(r: SoapResult, operation: string): XmlElement {
  assert.equal(r.status, 200, r.text);
  assert.equal(find(r.root, 'Fault', SOAP_ENV), undefined, r.text);
  const response = must(find(r.root, 'Body', SOAP_ENV)?.children[0], 'response');
  assert.equal(response.uri, CM);
  assert.equal(response.local, `${operation}Response`);
  return response;
}

/** A fault with exactly one error of this code in this detail shape. */
function expectFault(r: SoapResult | { status: number; text: string }, code: number, kind: 'AdApiFaultDetail' | 'ApiFault'): void {
  assert.equal(r.status, 500, r.text);
  const root = 'root' in r ? r.root : parseXml(r.text);
  const fault = must(find(root, 'Fault', SOAP_ENV), `Fault in ${r.text}`);
  assert.ok(kind === 'AdApiFaultDetail' ? find(fault, 'AdApiFaultDetail', ADAPI) : find(fault, 'ApiFault', CM), `${kind} in ${r.text}`);
  assert.deepEqual(findAll(fault, 'Code').map((c) => Number(c.text)), [code], r.text);
}

async function accountCount(customerId = demo.customerId): Promise<number> {
  return (await store.queryAccounts({ scope: { customerIds: [customerId], accountIds: [] } })).length;
}
async function accountNamed(name: string): Promise<boolean> {
  const all = await store.queryAccounts({ scope: { customerIds: [demo.customerId], accountIds: [] } });
  return all.some((a) => a.name === name);
}

const ADDRESS_XML = '<e:City>Redmond</e:City><e:CountryCode>US</e:CountryCode><e:Line1>1 Microsoft Way</e:Line1>'
  + '<e:PostalCode>98052</e:PostalCode><e:StateOrProvince>WA</e:StateOrProvince><e:BusinessName>Contoso</e:BusinessName>';
function addAccountBody(name: string, extra = ''): string {
  return `<Account><e:CurrencyCode>USD</e:CurrencyCode>${extra}<e:Name>${name}</e:Name><e:ParentCustomerId>${demo.customerId}</e:ParentCustomerId>`
    + `<e:PaymentMethodId>${demo.paymentMethodId}</e:PaymentMethodId><e:BusinessAddress>${ADDRESS_XML}</e:BusinessAddress></Account>`;
}

before(async () => {
  server = await startServer();
  store = await server.store();
  admin = { token: await server.token(), developerToken: SANDBOX_DEVELOPER_TOKEN };
  const userId = BigInt((await store.getMeta('demo_user_id'))!);
  const user = (await store.getUser(userId))!;
  const [account] = await store.queryAccounts({ scope: { customerIds: [user.customerId], accountIds: [] } });
  demo = { customerId: user.customerId, userId, paymentMethodId: account!.paymentMethodId! };
});

after(async () => {
  await server?.stop();
});

describe('SOAP faults (reference §4.2)', () => {
  it('an AdApiFaultDetail fault: HTTP 500, s:Server, the documented faultstring, Errors/AdApiError{Code, Detail, ErrorCode, Message}', async () => {
    const r = await call('GetUser', '<UserId i:nil="true"/>', { token: 'not-a-token', developerToken: SANDBOX_DEVELOPER_TOKEN });
    assert.equal(r.status, 500);
    assert.match(r.headers.get('content-type') ?? '', /^text\/xml/);
    const doc = parseScoped(r.text);
    assert.equal(clark(doc.uri, doc.local), clark(SOAP_ENV, 'Envelope'));
    const body = must(doc.children.find((c) => c.local === 'Body' && c.uri === SOAP_ENV), 'Body');
    const fault = must(body.children[0], 'Fault');
    assert.equal(clark(fault.uri, fault.local), clark(SOAP_ENV, 'Fault'));
    assert.deepEqual(fault.children.map((c) => c.local), ['faultcode', 'faultstring', 'detail']);
    for (const c of fault.children) assert.equal(c.uri, '', `${c.local} is unqualified, as SOAP 1.1 wants`);
    const faultcode = fault.children[0]!;
    assert.equal(resolveQName(faultcode, faultcode.text.trim()), clark(SOAP_ENV, 'Server'));
    const faultstring = fault.children[1]!;
    const m = FAULT_STRING.exec(faultstring.text);
    assert.ok(m, faultstring.text);
    const trackingId = m[1]!;
    assert.match(trackingId, GUID);
    assert.equal(r.headers.get('TrackingId'), trackingId);

    const detail = must(fault.children[2]!.children[0], 'AdApiFaultDetail');
    assert.equal(clark(detail.uri, detail.local), clark(ADAPI, 'AdApiFaultDetail'));
    assert.deepEqual(detail.children.map((c) => clark(c.uri, c.local)), [clark(ADAPI, 'TrackingId'), clark(ADAPI, 'Errors')]);
    assert.equal(detail.children[0]!.text, trackingId);
    const errors = detail.children[1]!.children;
    assert.equal(errors.length, 1);
    const error = errors[0]!;
    assert.equal(clark(error.uri, error.local), clark(ADAPI, 'AdApiError'));
    assert.deepEqual(error.children.map((c) => clark(c.uri, c.local)), ['Code', 'Detail', 'ErrorCode', 'Message'].map((n) => clark(ADAPI, n)));
    const [code, , errorCode, message] = error.children;
    assert.equal(code!.text, '105');
    assert.equal(errorCode!.text, 'InvalidCredentials');
    assert.equal(message!.text, 'Authentication failed. Either supplied credentials are invalid or the account is inactive');
  });

  it('an ApiFault fault: TrackingId in the adapi namespace, OperationErrors/OperationError{Code, Details, Message} in the Exception namespace, no ErrorCode', async () => {
    const r = await call('GetAccount', '<AccountId>9007199254740993</AccountId>', admin);
    assert.equal(r.status, 500);
    const doc = parseScoped(r.text);
    const fault = must(doc.children.find((c) => c.local === 'Body')?.children[0], 'Fault');
    const faultcode = fault.children.find((c) => c.local === 'faultcode')!;
    assert.equal(resolveQName(faultcode, faultcode.text.trim()), clark(SOAP_ENV, 'Server'));
    const trackingId = FAULT_STRING.exec(fault.children.find((c) => c.local === 'faultstring')!.text)?.[1];
    assert.ok(trackingId);
    assert.equal(r.headers.get('TrackingId'), trackingId);
    const detail = must(fault.children.find((c) => c.local === 'detail')?.children[0], 'ApiFault');
    assert.equal(clark(detail.uri, detail.local), clark(CM, 'ApiFault'));
    assert.deepEqual(detail.children.map((c) => clark(c.uri, c.local)), [clark(ADAPI, 'TrackingId'), clark(EXC, 'OperationErrors')]);
    assert.equal(detail.children[0]!.text, trackingId);
    const op = must(detail.children[1]!.children[0], 'OperationError');
    assert.equal(clark(op.uri, op.local), clark(EXC, 'OperationError'));
    assert.deepEqual(op.children.map((c) => clark(c.uri, c.local)), ['Code', 'Details', 'Message'].map((n) => clark(EXC, n)));
    assert.equal(op.children[0]!.text, '2108');
    assert.equal(op.children[2]!.text, 'The account identifier is invalid.');
    assert.ok(!/ErrorCode/.test(r.text), 'ApiFault carries no ErrorCode element');
  });

});

describe('SOAP namespaces and dispatch', () => {
  it('accepts any prefixes: soapenv:/ns1:/ns2:', async () => {
    const name = unique('Prefixed');
    const xml = `<?xml version="1.0" encoding="utf-8"?><soapenv:Envelope xmlns:soapenv="${SOAP_ENV}" xmlns:ns1="${CM}" xmlns:ns2="${ENT}" xmlns:xsi="${XSI}">`
      + `<soapenv:Header><ns1:AuthenticationToken>${admin.token}</ns1:AuthenticationToken><ns1:DeveloperToken>${admin.developerToken}</ns1:DeveloperToken></soapenv:Header>`
      + `<soapenv:Body><ns1:AddAccountRequest><ns1:Account><ns2:CurrencyCode>USD</ns2:CurrencyCode><ns2:Name>${name}</ns2:Name>`
      + `<ns2:ParentCustomerId>${demo.customerId}</ns2:ParentCustomerId><ns2:PaymentMethodId>${demo.paymentMethodId}</ns2:PaymentMethodId>`
      + `<ns2:BusinessAddress>${ADDRESS_XML.replace(/e:/g, 'ns2:')}</ns2:BusinessAddress></ns1:Account></ns1:AddAccountRequest></soapenv:Body></soapenv:Envelope>`;
    const res = expectOk(await post(xml, 'AddAccount'), 'AddAccount');
    const rec = await store.getAccount(BigInt(childEl(res, 'AccountId')!.text));
    assert.equal(rec?.name, name);
  });

  it('accepts default namespaces only (no prefixes at all), and a BOM', async () => {
    const xml = `\uFEFF<?xml version="1.0"?><Envelope xmlns="${SOAP_ENV}"><Header><AuthenticationToken xmlns="${CM}">${admin.token}</AuthenticationToken>`
      + `<DeveloperToken xmlns="${CM}">${admin.developerToken}</DeveloperToken></Header>`
      + `<Body><GetUserRequest xmlns="${CM}"><UserId xmlns:x="${XSI}" x:nil="true"/></GetUserRequest></Body></Envelope>`;
    const res = expectOk(await post(xml), 'GetUser');
    assert.equal(childEl(must(childEl(res, 'User'), 'User'), 'Id')?.text, String(demo.userId));
  });

  it('accepts mixed styles: prefixed envelope, default-namespace entities redeclared per element', async () => {
    const name = unique('Mixed');
    const xml = `<S:Envelope xmlns:S="${SOAP_ENV}"><S:Header><h:AuthenticationToken xmlns:h="${CM}">${admin.token}</h:AuthenticationToken>`
      + `<DeveloperToken xmlns="${CM}">${admin.developerToken}</DeveloperToken></S:Header>`
      + `<S:Body><q:AddAccountRequest xmlns:q="${CM}"><q:Account>`
      + `<CurrencyCode xmlns="${ENT}">USD</CurrencyCode><z:Name xmlns:z="${ENT}">${name}</z:Name>`
      + `<ParentCustomerId xmlns="${ENT}">${demo.customerId}</ParentCustomerId><PaymentMethodId xmlns="${ENT}">${demo.paymentMethodId}</PaymentMethodId>`
      + `<BusinessAddress xmlns="${ENT}">${ADDRESS_XML.replace(/e:/g, '')}</BusinessAddress></q:Account></q:AddAccountRequest></S:Body></S:Envelope>`;
    expectOk(await post(xml, 'AddAccount'), 'AddAccount');
    assert.ok(await accountNamed(name));
  });

  it('namespaces, not prefixes, decide: an entity field in the wrong namespace is not read', async () => {
    const name = unique('Wrong Namespace');
    // Name in the message namespace instead of Entities: the account has no Name.
    const body = addAccountBody(name).replace(`<e:Name>${name}</e:Name>`, `<Name>${name}</Name>`);
    const r = await call('AddAccount', body, admin);
    expectFault(r, 203, 'ApiFault');
    assert.equal(await accountNamed(name), false);
  });

  it('takes the operation from the body element, with or without SOAPAction', async () => {
    const xml = envelope('GetCurrentUser', '', admin);
    for (const action of [undefined, 'GetCurrentUser', 'https://bingads.microsoft.com/Customer/v13/ICustomerManagementService/GetCurrentUser']) {
      const res = expectOk(await post(xml, action), 'GetCurrentUser');
      assert.equal(find(res, 'UserName', ENT)?.text, 'admin@adcenter.local');
    }
    // An empty Body falls back to SOAPAction.
    const empty = `<s:Envelope xmlns:s="${SOAP_ENV}"><s:Header><AuthenticationToken xmlns="${CM}">${admin.token}</AuthenticationToken>`
      + `<DeveloperToken xmlns="${CM}">${admin.developerToken}</DeveloperToken></s:Header><s:Body/></s:Envelope>`;
    expectOk(await post(empty, 'GetCurrentUser'), 'GetCurrentUser');
  });

  it('answers an operation the contract does not have with an ActionNotSupported fault (HTTP 500)', async () => {
    const r = await post(envelope('FrobnicateAccounts', '', admin), 'FrobnicateAccounts');
    assert.equal(r.status, 500);
    const doc = parseScoped(r.text);
    const faultcode = must(findScoped(doc, 'faultcode'), 'faultcode');
    assert.equal(resolveQName(faultcode, faultcode.text.trim()), clark(ADDRESSING_NONE, 'ActionNotSupported'));
    assert.match(findScoped(doc, 'faultstring')?.text ?? '', /FrobnicateAccounts/);
    // No body and an unknown SOAPAction: the same.
    const empty = `<s:Envelope xmlns:s="${SOAP_ENV}"><s:Body/></s:Envelope>`;
    const r2 = await post(empty, 'NoSuchThing');
    assert.equal(r2.status, 500);
    const fc2 = must(findScoped(parseScoped(r2.text), 'faultcode'), 'faultcode');
    assert.equal(resolveQName(fc2, fc2.text.trim()), clark(ADDRESSING_NONE, 'ActionNotSupported'));
  });

  it('answers an operation of the contract that this server does not implement with 204 OperationNotSupported', async () => {
    const notImplemented = operationNames.filter((o) => !implementedOperations.includes(o));
    assert.ok(notImplemented.length > 0, 'some operation of the contract is not implemented');
    for (const operation of notImplemented) {
      const r = await call(operation, operation === 'GetCustomer' ? `<CustomerId>${demo.customerId}</CustomerId>` : '', admin);
      expectFault(r, 204, 'AdApiFaultDetail');
      assert.equal(find(r.root, 'ErrorCode', ADAPI)?.text, 'OperationNotSupported', operation);
    }
  });

  it('accepts a dateTime with 7 fractional digits (as .NET sends), and refuses a malformed one with 201', async () => {
    for (const stamp of ['2024-01-02T03:04:05.1234567', '2024-01-02T03:04:05.1234567Z', '2024-01-02T03:04:05.1234567+02:00']) {
      const name = unique('Seven Digits');
      expectOk(await call('AddAccount', addAccountBody(name, `<e:LastModifiedTime>${stamp}</e:LastModifiedTime>`), admin), 'AddAccount');
      assert.ok(await accountNamed(name));
    }
    const bad = unique('Bad Date');
    const r = await call('AddAccount', addAccountBody(bad, '<e:LastModifiedTime>2024-13-45T03:04:05.1234567</e:LastModifiedTime>'), admin);
    expectFault(r, 201, 'AdApiFaultDetail');
    assert.match(find(r.root, 'Detail', ADAPI)?.text ?? '', /Account\.LastModifiedTime/);
    assert.equal(await accountNamed(bad), false);
  });
});

function findScoped(el: ScopedElement, local: string): ScopedElement | undefined {
  if (el.local === local) return el;
  for (const c of el.children) {
    const hit = findScoped(c, local);
    if (hit) return hit;
  }
  return undefined;
}

describe('SOAP authentication (reference §6)', () => {
  const getUser = (creds: SoapCredentials, extraHeaders = ''): Promise<SoapResult> => post(envelope('GetUser', '<UserId i:nil="true"/>', creds, extraHeaders), 'GetUser');

  it('works with a valid token and the universal sandbox developer token (control)', async () => {
    expectOk(await getUser(admin), 'GetUser');
  });

  it('a missing AuthenticationToken or DeveloperToken is 116 RequestMissingHeaders', async () => {
    expectFault(await getUser({ developerToken: SANDBOX_DEVELOPER_TOKEN }), 116, 'AdApiFaultDetail');
    expectFault(await getUser({ token: admin.token }), 116, 'AdApiFaultDetail');
    expectFault(await getUser({}), 116, 'AdApiFaultDetail');
    // Empty or nil elements count as missing.
    expectFault(await post(envelope('GetUser', '', {}, `<AuthenticationToken></AuthenticationToken><DeveloperToken>${SANDBOX_DEVELOPER_TOKEN}</DeveloperToken>`), 'GetUser'), 116, 'AdApiFaultDetail');
    expectFault(await post(envelope('GetUser', '', {}, `<AuthenticationToken i:nil="true"/><DeveloperToken>${SANDBOX_DEVELOPER_TOKEN}</DeveloperToken>`), 'GetUser'), 116, 'AdApiFaultDetail');
  });

  it('the legacy UserName and Password headers are refused with 105', async () => {
    const legacy = `<UserName>admin@adcenter.local</UserName><Password>secret</Password>`;
    expectFault(await getUser({ developerToken: SANDBOX_DEVELOPER_TOKEN }, legacy), 105, 'AdApiFaultDetail');
    // Even next to a valid token, a password is not accepted.
    expectFault(await getUser(admin, '<Password>secret</Password>'), 105, 'AdApiFaultDetail');
  });

  it('an unknown access token is 105', async () => {
    expectFault(await getUser({ token: 'sbx.' + 'A'.repeat(43), developerToken: SANDBOX_DEVELOPER_TOKEN }), 105, 'AdApiFaultDetail');
  });

  it('an expired access token is 109 AuthenticationTokenExpired', async () => {
    const issued = await issueAccessToken(store, 'sandbox', demo.userId, { lifetimeSeconds: 1 });
    await sleep(1_200);
    const r = await getUser({ token: issued.accessToken, developerToken: SANDBOX_DEVELOPER_TOKEN });
    expectFault(r, 109, 'AdApiFaultDetail');
    assert.equal(find(r.root, 'ErrorCode', ADAPI)?.text, 'AuthenticationTokenExpired');
    // No detail text: Detail is written nil, not empty.
    const detail = must(find(r.root, 'Detail', ADAPI), 'Detail');
    assert.equal(detail.attributes.get(NIL), 'true');
    assert.equal(detail.text, '');
  });

  it('a revoked access token is 105', async () => {
    const issued = await issueAccessToken(store, 'sandbox', demo.userId);
    const creds = { token: issued.accessToken, developerToken: SANDBOX_DEVELOPER_TOKEN };
    expectOk(await getUser(creds), 'GetUser');
    assert.equal(await store.revokeAccessToken(hashSecret(issued.accessToken), new Date()), true);
    expectFault(await getUser(creds), 105, 'AdApiFaultDetail');
  });

  it('a token without the sandbox API scope is 3101', async () => {
    const issued = await issueAccessToken(store, 'sandbox', demo.userId, { scope: 'https://ads.microsoft.com/msads.manage' });
    expectFault(await getUser({ token: issued.accessToken, developerToken: SANDBOX_DEVELOPER_TOKEN }), 3101, 'AdApiFaultDetail');
  });

  it('a developer token that was never issued is 105', async () => {
    expectFault(await getUser({ token: admin.token, developerToken: 'ZZZZ9999ZZZZ9999ZZZZ' }), 105, 'AdApiFaultDetail');
  });

  it('authentication comes before validation: an anonymous malformed request learns only 116', async () => {
    const r = await call('AddAccount', addAccountBody('x', '<e:Id>not-a-number</e:Id>'), {});
    expectFault(r, 116, 'AdApiFaultDetail');
  });

  describe('on a production server', () => {
    let prod: RunningServer;
    let prodDeveloperToken: string;
    let prodToken: string;

    before(async () => {
      prod = await startServer({ environment: 'production' });
      const m = /developer token\s+(\S+)/.exec(prod.banner);
      assert.ok(m, prod.banner);
      prodDeveloperToken = m[1]!;
      prodToken = await prod.token();
    });
    after(async () => {
      await prod?.stop();
    });

    it('its own tokens work (control)', async () => {
      expectOk(await call('GetUser', '<UserId i:nil="true"/>', { token: prodToken, developerToken: prodDeveloperToken }, prod.soapUrl), 'GetUser');
    });

    it('the universal sandbox developer token BBD37VB98 is 105', async () => {
      expectFault(await call('GetUser', '<UserId i:nil="true"/>', { token: prodToken, developerToken: SANDBOX_DEVELOPER_TOKEN }, prod.soapUrl), 105, 'AdApiFaultDetail');
    });

    it('a sandbox server\'s access token is 105', async () => {
      expectFault(await call('GetUser', '<UserId i:nil="true"/>', { token: admin.token, developerToken: prodDeveloperToken }, prod.soapUrl), 105, 'AdApiFaultDetail');
    });

    it('a production token presented to the sandbox server is 105', async () => {
      expectFault(await call('GetUser', '<UserId i:nil="true"/>', { token: prodToken, developerToken: SANDBOX_DEVELOPER_TOKEN }), 105, 'AdApiFaultDetail');
      expectFault(await call('GetUser', '<UserId i:nil="true"/>', { token: admin.token, developerToken: prodDeveloperToken }), 105, 'AdApiFaultDetail');
    });
  });
});

describe('what the official Python SDK (suds) sends (client-notes.md)', () => {
  it('AddAccount with every unset field as an empty element succeeds and stores the set fields', async () => {
    const name = unique('Suds Style');
    const set: Record<string, string> = {
      CurrencyCode: 'USD', Name: name, ParentCustomerId: String(demo.customerId), PaymentMethodId: String(demo.paymentMethodId),
      BusinessAddress: '<e:City>Redmond</e:City><e:CountryCode>US</e:CountryCode><e:Id/><e:Line1>1 Microsoft Way</e:Line1><e:Line2/><e:Line3/><e:Line4/>'
        + '<e:PostalCode>98052</e:PostalCode><e:StateOrProvince>WA</e:StateOrProvince><e:TimeStamp/><e:BusinessName>Contoso</e:BusinessName>',
      TaxCertificate: '<e:TaxCertificateBlobContainerName/><e:TaxCertificates/><e:Status/>',
    };
    const fields = (types.AdvertiserAccount.fields as readonly ElementDef[]).map((f) => f.name);
    const account = fields.map((n) => (set[n] === undefined ? `<e:${n}/>` : `<e:${n}>${set[n]}</e:${n}>`)).join('');
    assert.ok(account.includes('<e:TaxCertificate><e:TaxCertificateBlobContainerName/><e:TaxCertificates/><e:Status/></e:TaxCertificate>'));
    assert.ok(account.includes('<e:TimeZone/>') && account.includes('<e:AutoTagType/>') && account.includes('<e:Language/>'));
    // suds quotes SOAPAction and prefixes the body with its own namespace alias.
    const xml = envelope('AddAccount', `<Account>${account}</Account>`, admin);
    const res = expectOk(await post(xml, 'AddAccount'), 'AddAccount');
    const rec = (await store.getAccount(BigInt(childEl(res, 'AccountId')!.text)))!;
    assert.equal(rec.name, name);
    assert.equal(rec.lifeCycleStatus, 'Active');
    assert.equal(rec.timeZone, 'PacificTimeUSCanadaTijuana');
    assert.equal(rec.autoTagType, 'Inactive');
    assert.equal(rec.businessAddress?.line2, null);
    assert.equal(rec.businessAddress?.city, 'Redmond');
    assert.equal(rec.taxInformation, null);
  });

  it('an empty <BusinessAddress/> is a missing business address (1139)', async () => {
    const name = unique('Suds Empty Address');
    const body = addAccountBody(name).replace(/<e:BusinessAddress>[\s\S]*<\/e:BusinessAddress>/, '<e:BusinessAddress/>');
    expectFault(await call('AddAccount', body, admin), 1139, 'ApiFault');
    assert.equal(await accountNamed(name), false);
  });
});

describe('hostile and malformed input', () => {
  const secret = 'root:x:0:0';
  function hostileAddAccount(doctype: string, nameContent: string): string {
    return `<?xml version="1.0"?>${doctype}` + envelope('AddAccount', addAccountBody(nameContent), admin);
  }

  for (const [label, doctype, content] of [
    ['a plain DTD', '<!DOCTYPE s:Envelope>', 'Plain Doctype'],
    ['an internal entity declaration (billion laughs)', '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
      + '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
      + '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
      + '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
      + '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>', '&lol9;'],
    ['an external entity (XXE)', '<!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 'Leak &xxe; End'],
    ['a parameter entity', '<!DOCTYPE s:Envelope [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>', 'Param Entity'],
  ] as const) {
    it(`refuses ${label} with 100 NullRequest, quickly, echoing nothing and storing nothing`, async () => {
      const before = await accountCount();
      const r = await postRaw(hostileAddAccount(doctype, content));
      expectFault(r, 100, 'AdApiFaultDetail');
      assert.ok(r.ms < 2_000, `answered in ${Math.round(r.ms)} ms`);
      assert.ok(!r.text.includes(secret), 'file content echoed');
      assert.ok(!r.text.includes('lollollol'), 'entity expansion echoed');
      assert.ok(r.text.length < 4_000, 'the answer is a plain fault');
      assert.equal(await accountCount(), before);
    });
  }

  it('refuses malformed XML with 100', async () => {
    for (const body of [
      envelope('GetUser', '<UserId>', admin),
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body></s:Envelope>',
      'not xml at all',
      '',
      `${envelope('GetUser', '', admin)}<second/>`,
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><x:Foo/></s:Body></s:Envelope>',
    ]) {
      const r = await postRaw(body);
      expectFault(r, 100, 'AdApiFaultDetail');
    }
  });

  it('refuses an XML document that is not a SOAP 1.1 envelope with a fault', async () => {
    for (const body of [
      `<GetUserRequest xmlns="${CM}"><UserId/></GetUserRequest>`,
      `<Envelope><Body><GetUserRequest xmlns="${CM}"/></Body></Envelope>`,
      // SOAP 1.2 namespace.
      `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><GetUserRequest xmlns="${CM}"/></s:Body></s:Envelope>`,
    ]) {
      const r = await postRaw(body);
      expectFault(r, 100, 'AdApiFaultDetail');
    }
  });

  it('reads many repeated xs:list elements in linear time (no quadratic blow-up)', async () => {
    const [account] = await store.queryAccounts({ scope: { customerIds: [demo.customerId], accountIds: [] }, limit: 1 });
    const count = 16_000; // about 1 MB: just under the default body limit
    const timed = async (inner: string): Promise<number> => {
      const started = performance.now();
      const r = await call('GetAccount', `<AccountId>${account!.id}</AccountId>${inner}`, admin);
      const ms = performance.now() - started;
      assert.equal(find(expectOk(r, 'GetAccount'), 'AccountMode', ENT)?.text, account!.accountMode);
      return ms;
    };
    const spaced = await timed(`<ReturnAdditionalFields>${Array(count).fill('AccountMode').join(' ')}</ReturnAdditionalFields>`);
    const repeated = await timed('<ReturnAdditionalFields>AccountMode</ReturnAdditionalFields>'.repeat(count));
    // Copying the list once per element took ~1.5 s here; linear reading takes ~0.1 s.
    assert.ok(repeated < Math.max(700, 8 * spaced), `repeated elements took ${Math.round(repeated)} ms (space-separated: ${Math.round(spaced)} ms)`);
  });

  it('accepts a pretty-printed envelope with comments and processing instructions', async () => {
    const name = unique('Pretty Printed');
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<!-- sent by a human -->
<s:Envelope xmlns:s="${SOAP_ENV}" xmlns:i="${XSI}">
  <s:Header xmlns="${CM}">
    <Action mustUnderstand="1">AddAccount</Action>
    <AuthenticationToken i:nil="false">${admin.token}</AuthenticationToken>
    <DeveloperToken i:nil="false">${admin.developerToken}</DeveloperToken>
  </s:Header>
  <s:Body>
    <?some-pi data?>
    <AddAccountRequest xmlns="${CM}">
      <Account xmlns:e="${ENT}" i:nil="false">
        <e:CurrencyCode i:nil="false">USD</e:CurrencyCode>
        <!-- the name -->
        <e:Name i:nil="false"><![CDATA[${name}]]></e:Name>
        <e:ParentCustomerId>${demo.customerId}</e:ParentCustomerId>
        <e:PaymentMethodId i:nil="false">
          ${demo.paymentMethodId}
        </e:PaymentMethodId>
        <e:BusinessAddress i:nil="false">
          ${ADDRESS_XML.replace(/></g, '>\n          <')}
        </e:BusinessAddress>
      </Account>
    </AddAccountRequest>
  </s:Body>
</s:Envelope>
`;
    const res = expectOk(await post(xml, 'AddAccount'), 'AddAccount');
    const rec = (await store.getAccount(BigInt(childEl(res, 'AccountId')!.text)))!;
    assert.equal(rec.name, name);
    assert.equal(rec.paymentMethodId, demo.paymentMethodId);
    assert.equal(rec.businessAddress?.city, 'Redmond');
  });

  it('refuses a very deeply nested document with a fault', async () => {
    const deep = `${'<e:X>'.repeat(500)}${'</e:X>'.repeat(500)}`;
    const r = await postRaw(envelope('AddAccount', `<Account>${deep}</Account>`, admin));
    expectFault(r, 100, 'AdApiFaultDetail');
  });

  it('a string where a long goes is 201 ApiInputValidationError naming the element, and stores nothing', async () => {
    const before = await accountCount();
    const body = addAccountBody(unique('Not A Long')).replace(`<e:ParentCustomerId>${demo.customerId}</e:ParentCustomerId>`, '<e:ParentCustomerId>abc</e:ParentCustomerId>');
    const r = await call('AddAccount', body, admin);
    expectFault(r, 201, 'AdApiFaultDetail');
    assert.equal(find(r.root, 'ErrorCode', ADAPI)?.text, 'ApiInputValidationError');
    assert.match(find(r.root, 'Detail', ADAPI)?.text ?? '', /Account\.ParentCustomerId/);
    assert.equal(await accountCount(), before);
    // Out of range for a 64-bit long, and a number where an int goes.
    expectFault(await call('AddAccount', body.replace('>abc<', '>99999999999999999999<'), admin), 201, 'AdApiFaultDetail');
    const topN = await call('FindAccounts', '<AccountFilter/><TopN>1.5</TopN>', admin);
    expectFault(topN, 201, 'AdApiFaultDetail');
    assert.match(find(topN.root, 'Detail', ADAPI)?.text ?? '', /TopN/);
  });

  describe('a server with --body-limit 2048', () => {
    let small: RunningServer;
    before(async () => {
      small = await startServer({ args: ['--body-limit', '2048'] });
    });
    after(async () => {
      await small?.stop();
    });

    it('answers a 4 KB body with HTTP 413, storing nothing, and still serves small requests', async () => {
      const smallStore = await small.store();
      const demoUser = (await smallStore.getUser(BigInt((await smallStore.getMeta('demo_user_id'))!)))!;
      const count = async (): Promise<number> => (await smallStore.queryAccounts({ scope: { customerIds: [demoUser.customerId], accountIds: [] } })).length;
      const before = await count();
      const token = await small.token();
      const padding = `<e:Line2>${'p'.repeat(30)}</e:Line2>`;
      let body = envelope('AddAccount', `<Account><e:Name>Too Big</e:Name><e:ParentCustomerId>${demoUser.customerId}</e:ParentCustomerId></Account>`, { token, developerToken: SANDBOX_DEVELOPER_TOKEN });
      while (Buffer.byteLength(body) < 4096) body = body.replace('<e:Name>', `<!-- ${padding} --><e:Name>`);
      const r = await postRaw(body, small.soapUrl);
      assert.equal(r.status, 413, r.text);
      assert.match(r.headers.get('TrackingId') ?? '', GUID);
      assert.equal(await count(), before);
      const ok = await call('GetCurrentUser', '', { token, developerToken: SANDBOX_DEVELOPER_TOKEN }, small.soapUrl);
      expectOk(ok, 'GetCurrentUser');
    });
  });

  it('no response of this file carries a stack trace', () => {
    assert.ok(seen.length > 30, `checked ${seen.length} responses`);
    for (const { what, text } of seen) {
      assert.doesNotMatch(text, STACK_TRACE, what);
      assert.ok(!text.includes('node:internal') && !text.includes('/src/') && !text.includes('/dist/'), what);
    }
  });
});

describe('served WSDL (reference §7)', () => {
  async function wsdlAddress(url: string): Promise<{ status: number; location: string | undefined; ops: string[] }> {
    const res = await fetch(url);
    const text = await res.text();
    const doc = parseScoped(text);
    const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
    const service = doc.children.find((c) => c.uri === WSDL && c.local === 'service');
    const port = service?.children.find((c) => c.local === 'port');
    const address = port?.children.find((c) => c.local === 'address' && c.uri === 'http://schemas.xmlsoap.org/wsdl/soap/');
    const portType = doc.children.find((c) => c.uri === WSDL && c.local === 'portType');
    return { status: res.status, location: address?.attributes.get('location'), ops: (portType?.children ?? []).map((o) => o.attributes.get('name') ?? '') };
  }

  for (const suffix of ['?wsdl', '?singleWsdl']) {
    it(`${suffix}: soap:address is the URL the client used (127.0.0.1 and localhost)`, async () => {
      const port = new URL(server.url).port;
      const path = new URL(server.soapUrl).pathname;
      for (const host of ['127.0.0.1', 'localhost']) {
        const base = `http://${host}:${port}${path}`;
        const { status, location, ops } = await wsdlAddress(`${base}${suffix}`);
        assert.equal(status, 200);
        assert.equal(location, base);
        assert.deepEqual([...ops].sort(), [...implementedOperations].sort(), 'the WSDL declares the implemented operations');
      }
    });
  }
});
