// Issue 9, hardening: what is not what it claims to be is refused on both faces, never repaired.
// A body that is not UTF-8 is 100 NullRequest (not stored with U+FFFD); a long padded with
// U+00A0, U+FEFF or U+3000 (not XML whitespace) is 201; JSON 1/0 are not booleans (201).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CM, ENT, XSI, find, parseSoapText, type SoapCredentials } from './support.js';
import { expectFault, itLeaksNoStackTrace, SOAP_ENV, useSoapProtocolWorld } from '../../support/soap-protocol-world.js';
import { checkedRest, expectRestFault, V13 } from '../../support/rest-assert.js';

const world = useSoapProtocolWorld();
let admin: SoapCredentials;
before(async () => { await world.started(); ({ admin } = world); });

const restCall = (path: string, body: unknown) => checkedRest(world.server.url, admin.token!, 'POST', path, body);

/** Bytes: the UTF-8 of `before`, one byte that starts no UTF-8 sequence, the UTF-8 of `after`. */
function withBadByte(before: string, after: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from([0xff]), Buffer.from(after, 'utf8')]));
}

describe('request bodies that are not UTF-8', () => {
  it('SOAP: 100 NullRequest, and the account is not stored (with U+FFFD or otherwise)', async () => {
    const name = world.unique('Bad');
    const xml = `<s:Envelope xmlns:i="${XSI}" xmlns:s="${SOAP_ENV}"><s:Header><AuthenticationToken xmlns="${CM}">${admin.token}</AuthenticationToken>`
      + `<DeveloperToken xmlns="${CM}">${admin.developerToken}</DeveloperToken></s:Header><s:Body><AddAccountRequest xmlns="${CM}" xmlns:e="${ENT}">`
      + world.addAccountBody(`${name}@@`) + '</AddAccountRequest></s:Body></s:Envelope>';
    const [head, tail] = xml.split('@@') as [string, string];
    const res = await fetch(world.server.soapUrl, { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"AddAccount"' }, body: withBadByte(head, tail) });
    const text = await res.text();
    world.seen.push({ what: 'invalid UTF-8', text });
    expectFault({ status: res.status, text }, 100, 'AdApiFaultDetail');
    assert.equal(await world.accountNamed(`${name}\ufffd`), false);
    assert.equal(await world.accountNamed(name), false);
  });

  it('REST: 400 with 100 NullRequest', async () => {
    const json = JSON.stringify({ CustomerId: world.demo.customerId.toString(), OnlyParentAccounts: false, X: '@@' });
    const [head, tail] = json.split('@@') as [string, string];
    const res = await fetch(`${world.server.url}${V13}/AccountsInfo/Query`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin.token}`, DeveloperToken: admin.developerToken! }, body: withBadByte(head, tail),
    });
    const text = await res.text();
    expectRestFault({ status: res.status, headers: res.headers, text, body: JSON.parse(text) as Record<string, unknown> }, 400, 'AdApiFaultDetail', 100);
  });

  it('a UTF-8 byte order mark is still fine on both faces', async () => {
    const res = await restCall(`${V13}/AccountsInfo/Query`, `\ufeff${JSON.stringify({ CustomerId: world.demo.customerId.toString() })}`);
    assert.equal(res.status, 200, res.text);
    const r = await world.post(`\ufeff<s:Envelope xmlns:s="${SOAP_ENV}"><s:Header><AuthenticationToken xmlns="${CM}">${admin.token}</AuthenticationToken>`
      + `<DeveloperToken xmlns="${CM}">${admin.developerToken}</DeveloperToken></s:Header><s:Body><GetUserRequest xmlns="${CM}"><UserId i:nil="true" xmlns:i="${XSI}"/></GetUserRequest></s:Body></s:Envelope>`, 'GetUser');
    assert.equal(r.status, 200, r.text);
  });
});

describe('ids padded with characters that are not XML whitespace', () => {
  for (const [label, pad] of [['U+00A0', '\u00a0'], ['U+FEFF', '\ufeff'], ['U+3000', '\u3000']] as const) {
    it(`${label} after a CustomerId: 201 on SOAP and REST`, async () => {
      const id = world.demo.customerId.toString();
      const r = await world.call('GetAccountsInfo', `<CustomerId>${id}${pad}</CustomerId>`, admin);
      expectFault(r, 201, 'AdApiFaultDetail');
      assert.match(find(parseSoapText(r.text), 'Detail')?.text ?? '', /CustomerId/);
      expectRestFault(await restCall(`${V13}/AccountsInfo/Query`, { CustomerId: `${pad}${id}` }), 400, 'AdApiFaultDetail', 201);
    });
  }

  it('XML whitespace around an id is still collapsed (xs:long whiteSpace="collapse")', async () => {
    const r = await world.call('GetAccountsInfo', `<CustomerId>\n\t ${world.demo.customerId} \r\n</CustomerId>`, admin);
    assert.equal(r.status, 200, r.text);
  });
});

describe('JSON booleans', () => {
  for (const value of [1, 0, '1', '0', 'yes']) {
    it(`OnlyParentAccounts: ${JSON.stringify(value)} is 201`, async () => {
      const res = await restCall(`${V13}/AccountsInfo/Query`, { CustomerId: world.demo.customerId.toString(), OnlyParentAccounts: value });
      expectRestFault(res, 400, 'AdApiFaultDetail', 201);
      assert.match(JSON.stringify(res.body), /OnlyParentAccounts/);
    });
  }

  it('true and false are booleans', async () => {
    for (const value of [true, false]) {
      const res = await restCall(`${V13}/AccountsInfo/Query`, { CustomerId: world.demo.customerId.toString(), OnlyParentAccounts: value });
      assert.equal(res.status, 200, res.text);
    }
  });
});

itLeaksNoStackTrace(world, 6);
