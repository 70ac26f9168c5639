// GetAccountsInfo end to end: the caller's customer by default, OnlyParentAccounts and linked
// accounts, refusals of foreign customers; each rule over SOAP and REST in one test.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountInfoIds, sortIds } from '../../support/account-xml.js';
import { useAccountsWorld, type SoapTenant } from '../../support/accounts-world.js';
import { soap, type SoapCredentials, type SoapResult } from '../../support/clients.js';
import type { TestTenant } from '../../support/fixtures.js';
import { expectRestFault, ids, sortedIds, V13 } from '../../support/rest-assert.js';
import { ACCOUNT_INFO, conform } from '../../support/rest-shapes.js';
import type { RunningServer } from '../../support/server.js';
import { expectFault, expectOk } from '../../support/soap-assert.js';

const world = useAccountsWorld();
const { customerAccounts, call, snapshot } = world;
let server: RunningServer;
let admin: SoapCredentials;
let T: TestTenant;
let O: TestTenant;
before(async () => { await world.started(); ({ server, admin, T, O } = world); });

describe('GetAccountsInfo over SOAP and REST', () => {
  const findIds = world.findIds;
  let agency: SoapTenant;
  let client: SoapTenant;

  before(async () => {
    ({ agency, client } = await world.linkedAgency());
  });

  const info = (creds: SoapCredentials, inner: string): Promise<SoapResult> => soap(server.soapUrl, 'GetAccountsInfo', inner, creds);

  it('CustomerId omitted (or nil) means the caller\'s customer; given, that customer\'s accounts', async () => {
    const expected = sortIds((await customerAccounts(agency.customer.id)).map((a) => a.id));
    const withId = accountInfoIds(expectOk(await info(agency.creds, `<CustomerId>${agency.customer.id}</CustomerId><OnlyParentAccounts>true</OnlyParentAccounts>`), 'GetAccountsInfo'));
    const without = accountInfoIds(expectOk(await info(agency.creds, '<OnlyParentAccounts>true</OnlyParentAccounts>'), 'GetAccountsInfo'));
    const nil = accountInfoIds(expectOk(await info(agency.creds, '<CustomerId i:nil="true"/><OnlyParentAccounts>true</OnlyParentAccounts>'), 'GetAccountsInfo'));
    assert.deepEqual(sortIds(withId), expected);
    assert.deepEqual(sortIds(without), expected);
    assert.deepEqual(sortIds(nil), expected);

    const empty = await call('POST', `${V13}/AccountsInfo/Query`, {});
    assert.equal(empty.status, 200, empty.text);
    assert.deepEqual(ids(empty.body.AccountsInfo), sortedIds(await snapshot(T.customer.id)));
    for (const customerId of [T.customer.id.toString(), Number(T.customer.id)]) {
      const res = await call('POST', `${V13}/AccountsInfo/Query`, { CustomerId: customerId, OnlyParentAccounts: true });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(ids(res.body.AccountsInfo), sortedIds(await snapshot(T.customer.id)));
    }
  });

  it('OnlyParentAccounts false (the default) adds the accounts linked to the customer; true leaves them out', async () => {
    const all = accountInfoIds(expectOk(await info(agency.creds, '<OnlyParentAccounts>false</OnlyParentAccounts>'), 'GetAccountsInfo'));
    assert.deepEqual(sortIds(all), sortIds([agency.account.id, client.account.id]));
    const omitted = accountInfoIds(expectOk(await info(agency.creds, ''), 'GetAccountsInfo'));
    assert.deepEqual(sortIds(omitted), sortIds(all), 'OnlyParentAccounts defaults to false');
    const parents = accountInfoIds(expectOk(await info(agency.creds, '<OnlyParentAccounts>true</OnlyParentAccounts>'), 'GetAccountsInfo'));
    assert.deepEqual(parents, [agency.account.id]);
    // The same as FindAccounts with an empty filter, per the documentation.
    assert.deepEqual(sortIds(await findIds(agency.creds, null, '')), sortIds(all));

    const token = agency.token;
    const restAll = await call('POST', `${V13}/AccountsInfo/Query`, { OnlyParentAccounts: false }, { token });
    assert.equal(restAll.status, 200, restAll.text);
    assert.deepEqual(ids(restAll.body.AccountsInfo), sortIds([agency.account.id, client.account.id]).map(String).sort());
    const restOmitted = await call('POST', `${V13}/AccountsInfo/Query`, {}, { token });
    assert.deepEqual(ids(restOmitted.body.AccountsInfo), ids(restAll.body.AccountsInfo), 'OnlyParentAccounts defaults to false');
    const restParents = await call('POST', `${V13}/AccountsInfo/Query`, { OnlyParentAccounts: true }, { token });
    assert.deepEqual(ids(restParents.body.AccountsInfo), [agency.account.id.toString()]);
  });

  it('another customer\'s CustomerId → 106, revealing none of its accounts', async () => {
    const r = await info(admin, `<CustomerId>${client.customer.id}</CustomerId><OnlyParentAccounts>false</OnlyParentAccounts>`);
    expectFault(r, 106, 'AdApiFaultDetail');
    assert.ok(!r.text.includes(client.account.name));

    const res = await call('POST', `${V13}/AccountsInfo/Query`, { CustomerId: O.customer.id.toString() });
    expectRestFault(res, 403, 'AdApiFaultDetail', 106);
    assert.ok(!res.text.includes(O.account.name));
  });

  it('OnlyParentAccounts that is not a boolean ("maybe") → 201 (AdApiFaultDetail)', async () => {
    expectFault(await info(admin, '<OnlyParentAccounts>maybe</OnlyParentAccounts>'), 201, 'AdApiFaultDetail');
    expectRestFault(await call('POST', `${V13}/AccountsInfo/Query`, { OnlyParentAccounts: 'maybe' }), 400, 'AdApiFaultDetail', 201);
  });
});

// ------------------------------------------------------------------------------------------------
describe('GetAccountsInfo: face-specific', () => {
  it('REST: AccountsInfo is a plain array (not {AccountInfo: […]}) of SDK-typed AccountInfo', async () => {
    const res = await call('POST', `${V13}/AccountsInfo/Query`, {});
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body), ['AccountsInfo']);
    assert.ok(Array.isArray(res.body.AccountsInfo), 'AccountsInfo is an array');
    conform(res.body.AccountsInfo, { list: ACCOUNT_INFO }, 'AccountsInfo');
  });
});
