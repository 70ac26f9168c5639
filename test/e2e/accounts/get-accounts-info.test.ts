// GetAccountsInfo end to end: the caller's customer by default, OnlyParentAccounts and linked
// accounts, refusals of foreign customers, over SOAP and REST.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountInfoIds, sortIds } from '../../support/account-xml.js';
import { useAccountsWorld, type SoapTenant } from '../../support/accounts-world.js';
import { soap, type SoapCredentials, type SoapResult } from '../../support/clients.js';
import type { TestTenant } from '../../support/fixtures.js';
import {  } from '../../support/names.js';
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

describe('SOAP GetAccountsInfo', () => {
  const findIds = world.findIds;
  let agency: SoapTenant;
  let client: SoapTenant;

  before(async () => {
    ({ agency, client } = await world.linkedAgency());
  });

  const info = (creds: SoapCredentials, inner: string): Promise<SoapResult> => soap(server.soapUrl, 'GetAccountsInfo', inner, creds);

  it('CustomerId omitted means the caller\'s customer', async () => {
    const expected = sortIds((await customerAccounts(agency.customer.id)).map((a) => a.id));
    const withId = accountInfoIds(expectOk(await info(agency.creds, `<CustomerId>${agency.customer.id}</CustomerId><OnlyParentAccounts>true</OnlyParentAccounts>`), 'GetAccountsInfo'));
    const without = accountInfoIds(expectOk(await info(agency.creds, '<OnlyParentAccounts>true</OnlyParentAccounts>'), 'GetAccountsInfo'));
    const nil = accountInfoIds(expectOk(await info(agency.creds, '<CustomerId i:nil="true"/><OnlyParentAccounts>true</OnlyParentAccounts>'), 'GetAccountsInfo'));
    assert.deepEqual(sortIds(withId), expected);
    assert.deepEqual(sortIds(without), expected);
    assert.deepEqual(sortIds(nil), expected);
  });

  it('OnlyParentAccounts false adds the accounts linked to the customer; true leaves them out', async () => {
    const all = accountInfoIds(expectOk(await info(agency.creds, '<OnlyParentAccounts>false</OnlyParentAccounts>'), 'GetAccountsInfo'));
    assert.deepEqual(sortIds(all), sortIds([agency.account.id, client.account.id]));
    const omitted = accountInfoIds(expectOk(await info(agency.creds, ''), 'GetAccountsInfo'));
    assert.deepEqual(sortIds(omitted), sortIds(all), 'OnlyParentAccounts defaults to false');
    const parents = accountInfoIds(expectOk(await info(agency.creds, '<OnlyParentAccounts>true</OnlyParentAccounts>'), 'GetAccountsInfo'));
    assert.deepEqual(parents, [agency.account.id]);
    // The same as FindAccounts with an empty filter, per the documentation.
    assert.deepEqual(sortIds(await findIds(agency.creds, null, '')), sortIds(all));
  });

  it('another tenant\'s CustomerId is refused with 106', async () => {
    const r = await info(admin, `<CustomerId>${client.customer.id}</CustomerId><OnlyParentAccounts>false</OnlyParentAccounts>`);
    expectFault(r, 106, 'AdApiFaultDetail');
    assert.ok(!r.text.includes(client.account.name));
  });
});

// ------------------------------------------------------------------------------------------------
describe('REST GetAccountsInfo (POST /CustomerManagement/v13/AccountsInfo/Query)', () => {
  it('an empty request: the caller\'s customer\'s accounts, AccountsInfo a plain array (not {AccountInfo: […]})', async () => {
    const res = await call('POST', `${V13}/AccountsInfo/Query`, {});
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body), ['AccountsInfo']);
    assert.ok(Array.isArray(res.body.AccountsInfo), 'AccountsInfo is an array');
    conform(res.body.AccountsInfo, { list: ACCOUNT_INFO }, 'AccountsInfo');
    assert.deepEqual(ids(res.body.AccountsInfo), sortedIds(await snapshot(T.customer.id)));
  });

  it('CustomerId (string or number) and OnlyParentAccounts are honoured', async () => {
    for (const customerId of [T.customer.id.toString(), Number(T.customer.id)]) {
      const res = await call('POST', `${V13}/AccountsInfo/Query`, { CustomerId: customerId, OnlyParentAccounts: true });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(ids(res.body.AccountsInfo), sortedIds(await snapshot(T.customer.id)));
    }
  });

  it('the CustomerId of another customer → 403 106', async () => {
    expectRestFault(await call('POST', `${V13}/AccountsInfo/Query`, { CustomerId: O.customer.id.toString() }), 403, 'AdApiFaultDetail', 106);
  });

  it('OnlyParentAccounts "maybe" → 400 201', async () => {
    expectRestFault(await call('POST', `${V13}/AccountsInfo/Query`, { OnlyParentAccounts: 'maybe' }), 400, 'AdApiFaultDetail', 201);
  });
});
