// Issue 9, hardening: envelopes WCF would not dispatch are faulted, never read as an empty request.
// A request wrapper in another namespace (or none), no Body or an empty one, two Bodies, and an
// element inside an enum value are all 100 NullRequest / 201 faults — nothing listed, nothing stored.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CM, ENT, envelope, find, type SoapCredentials } from '../../support/clients.js';
import { ADDRESSING_NONE, expectFault, itLeaksNoStackTrace, SOAP_ENV, useSoapProtocolWorld } from '../../support/soap-protocol-world.js';

const world = useSoapProtocolWorld();
let admin: SoapCredentials;
before(async () => { await world.started(); ({ admin } = world); });

const header = (creds: SoapCredentials): string => `<s:Header><AuthenticationToken xmlns="${CM}">${creds.token}</AuthenticationToken>`
  + `<DeveloperToken xmlns="${CM}">${creds.developerToken}</DeveloperToken></s:Header>`;
const env = (creds: SoapCredentials, rest: string): string => `<s:Envelope xmlns:s="${SOAP_ENV}">${header(creds)}${rest}</s:Envelope>`;

describe('SOAP envelopes WCF would fault', () => {
  it('a request wrapper in another namespace, or in none, is 100 NullRequest, not an empty request listing every account', async () => {
    for (const ns of ['https://bingads.microsoft.com/Customer/v12', '']) {
      const xml = env(admin, `<s:Body><GetAccountsInfoRequest xmlns="${ns}"><CustomerId>${world.demo.customerId}</CustomerId></GetAccountsInfoRequest></s:Body>`);
      const r = await world.post(xml, 'GetAccountsInfo');
      expectFault(r, 100, 'AdApiFaultDetail');
      assert.equal(find(r.root, 'AccountsInfo'), undefined, r.text);
    }
  });

  it('a Body holding another element than the operation\'s wrapper is 100', async () => {
    const r = await world.post(env(admin, `<s:Body><GetAccountsInfo xmlns="${CM}"/></s:Body>`), 'GetAccountsInfo');
    expectFault(r, 100, 'AdApiFaultDetail');
  });

  it('an envelope without a Body, or with an empty one, is 100 for a known action', async () => {
    expectFault(await world.post(env(admin, ''), 'GetCurrentUser'), 100, 'AdApiFaultDetail');
    expectFault(await world.post(env(admin, '<s:Body/>'), 'GetCurrentUser'), 100, 'AdApiFaultDetail');
    expectFault(await world.post(env(admin, '<s:Body>  </s:Body>'), 'GetAccountsInfo'), 100, 'AdApiFaultDetail');
  });

  it('an empty Body with an unknown action stays ActionNotSupported (the action is dispatched first)', async () => {
    const r = await world.post(env(admin, '<s:Body/>'), 'NoSuchThing');
    assert.equal(r.status, 500);
    assert.equal(find(r.root, 'faultcode')?.text, 'a:ActionNotSupported', r.text);
    assert.match(r.text, new RegExp(ADDRESSING_NONE.replace(/[.]/g, '\\.')));
  });

  it('a second Body (or a second Header) is 100 and neither is run', async () => {
    const name = world.unique('TwoBodies');
    const add = `<AddAccountRequest xmlns="${CM}" xmlns:e="${ENT}">${world.addAccountBody(name)}</AddAccountRequest>`;
    const before = await world.accountCount();
    const r = await world.post(env(admin, `<s:Body>${add}</s:Body><s:Body>${add}</s:Body>`), 'AddAccount');
    expectFault(r, 100, 'AdApiFaultDetail');
    const twoHeaders = `<s:Envelope xmlns:s="${SOAP_ENV}">${header(admin)}${header(admin)}<s:Body>${add}</s:Body></s:Envelope>`;
    expectFault(await world.post(twoHeaders, 'AddAccount'), 100, 'AdApiFaultDetail');
    assert.equal(await world.accountCount(), before);
    assert.equal(await world.accountNamed(name), false);
  });

  it('an element inside an enum value is 201, naming the element; nothing stored', async () => {
    const name = world.unique('EnumChild');
    const body = world.addAccountBody(name).replace('<e:CurrencyCode>USD</e:CurrencyCode>', '<e:CurrencyCode>USD<e:Extra/></e:CurrencyCode>');
    const r = await world.call('AddAccount', body, admin);
    expectFault(r, 201, 'AdApiFaultDetail');
    assert.match(find(r.root, 'Detail')?.text ?? '', /Account\.CurrencyCode/);
    assert.equal(await world.accountNamed(name), false);
  });

  it('an element inside a scalar value is 201', async () => {
    const r = await world.call('GetAccount', '<AccountId>1<x/></AccountId>', admin);
    expectFault(r, 201, 'AdApiFaultDetail');
  });

  it('a well-formed request still works', async () => {
    const r = await world.post(envelope('GetAccountsInfo', `<CustomerId>${world.demo.customerId}</CustomerId>`, admin), 'GetAccountsInfo');
    assert.equal(r.status, 200, r.text);
  });
});

itLeaksNoStackTrace(world, 10);
