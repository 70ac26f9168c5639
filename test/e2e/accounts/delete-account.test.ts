// DeleteAccount end to end over REST and SOAP: who may delete (Super Admin of the owner, or of the
// aggregator managing the account), TimeStamp (203 missing, 209 stale), 2108 unknown, 106 out of
// reach, 210 already deleted — and what is stored: the account stays, Inactive, still found by
// GetAccount, SearchAccounts, FindAccounts and GetAccountsInfo. Choices: docs/behaviour.md "Accounts".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeTimeStamp } from '../../../src/domain/timestamps.js';
import type { AccountRecord } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';
import { find, findAll, text } from '../../support/clients.js';
import { faces, faultCodes, predicates, restCodes, type Faces } from '../../support/faces.js';
import {
  addUser, createTestTenant, insertClientLink, insertTestAccount, ownerOf, tokenFor, type TestTenant,
} from '../../support/fixtures.js';
import { DAY, storeLink } from '../../support/links-world.js';
import { uniqueName } from '../../support/names.js';
import { startServer, type RunningServer } from '../../support/server.js';

const stamp = (a: AccountRecord): string => Buffer.from(encodeTimeStamp(a.version)).toString('base64');

describe('DeleteAccount over REST and SOAP', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let A: TestTenant;
  let B: TestTenant;

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    A = await createTestTenant(store, 'sandbox', 'DelA');
    B = await createTestTenant(store, 'sandbox', 'DelB');
  });
  after(async () => { await server?.stop(); });

  const extra = (t: TestTenant): Promise<AccountRecord> => insertTestAccount(store, ownerOf(t), { name: uniqueName('Doomed') });
  const current = async (id: bigint): Promise<AccountRecord> => (await store.getAccount(id))!;
  const restDelete = (token: string, id: bigint, timeStamp: string | null) =>
    call.rest('DeleteAccount', { AccountId: id.toString(), ...(timeStamp === null ? {} : { TimeStamp: timeStamp }) }, token);
  const soapDelete = (token: string, id: bigint, timeStamp: string | null) =>
    call.soap('DeleteAccount', `<AccountId>${id}</AccountId>${timeStamp === null ? '' : `<TimeStamp>${timeStamp}</TimeStamp>`}`, token);

  /** Both faces refuse with `code` (REST `status`), and the account is unchanged. */
  async function refusedOnBoth(token: string, account: AccountRecord, timeStamp: string | null, status: number, code: number): Promise<void> {
    const r = await restDelete(token, account.id, timeStamp);
    assert.deepEqual([r.status, restCodes(r)], [status, [code]], r.text);
    const s = await soapDelete(token, account.id, timeStamp);
    assert.deepEqual([s.status, faultCodes(s)], [500, [code]], s.text);
    assert.deepEqual(await current(account.id), account, 'nothing stored');
  }

  it('the Super Admin deletes over REST: {} and the account is stored Inactive with a new TimeStamp', async () => {
    const doomed = await extra(A);
    const res = await restDelete(A.token, doomed.id, stamp(doomed));
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, {});
    const after = await current(doomed.id);
    assert.equal(after.lifeCycleStatus, 'Inactive');
    assert.equal(after.name, doomed.name);
    assert.equal(after.lastModifiedByUserId, A.user.id);
    assert.ok(after.version > doomed.version);
  });

  it('the Super Admin deletes over SOAP: an empty DeleteAccountResponse, stored Inactive', async () => {
    const doomed = await extra(A);
    const res = await soapDelete(A.token, doomed.id, stamp(doomed));
    assert.equal(res.status, 200, res.text);
    const body = find(res.root, 'DeleteAccountResponse');
    assert.ok(body, res.text);
    assert.equal(body.children.length, 0);
    assert.equal((await current(doomed.id)).lifeCycleStatus, 'Inactive');
  });

  it('a deleted account stays searchable and shows as Inactive: GetAccount, SearchAccounts, FindAccounts, GetAccountsInfo', async () => {
    const doomed = await extra(A);
    assert.equal((await restDelete(A.token, doomed.id, stamp(doomed))).status, 200);
    const id = doomed.id.toString();

    const get = await call.rest('GetAccount', { AccountId: id }, A.token);
    assert.equal((get.body.Account as Record<string, unknown>).AccountLifeCycleStatus, 'Inactive');
    const getSoap = await call.soap('GetAccount', `<AccountId>${id}</AccountId>`, A.token);
    assert.equal(text(getSoap.root, 'AccountLifeCycleStatus'), 'Inactive');

    const search = await call.rest('SearchAccounts', { Predicates: [{ Field: 'AccountId', Operator: 'Equals', Value: id }], PageInfo: { Index: 0, Size: 10 } }, A.token);
    assert.deepEqual((search.body.Accounts as Array<Record<string, unknown>>).map((a) => [a.Id, a.AccountLifeCycleStatus]), [[id, 'Inactive']]);
    const searchSoap = await call.soap('SearchAccounts', `${predicates([{ Field: 'AccountLifeCycleStatus', Operator: 'Equals', Value: 'Inactive' }, { Field: 'UserId', Operator: 'Equals', Value: A.user.id.toString() }])}<PageInfo><e:Index>0</e:Index><e:Size>10</e:Size></PageInfo>`, A.token);
    assert.ok(findAll(searchSoap.root, 'AdvertiserAccount').some((a) => text(a, 'Id') === id), searchSoap.text);

    const findRest = await call.rest('FindAccounts', { AccountFilter: doomed.name, TopN: 10 }, A.token);
    assert.deepEqual((findRest.body.AccountsInfo as Array<Record<string, unknown>>).map((a) => [a.Id, a.AccountLifeCycleStatus]), [[id, 'Inactive']]);
    const infoSoap = await call.soap('GetAccountsInfo', `<CustomerId>${A.customer.id}</CustomerId><OnlyParentAccounts>true</OnlyParentAccounts>`, A.token);
    const listed = findAll(infoSoap.root, 'AccountInfo').find((a) => text(a, 'Id') === id);
    assert.equal(listed && text(listed, 'AccountLifeCycleStatus'), 'Inactive');
  });

  it('a stale TimeStamp → 209 on both faces, nothing stored', async () => {
    const doomed = await extra(A);
    const stale = Buffer.from(encodeTimeStamp(doomed.version + 7n)).toString('base64');
    await refusedOnBoth(A.token, doomed, stale, 400, 209);
  });

  it('TimeStamp missing → 203 on both faces, nothing stored', async () => {
    await refusedOnBoth(A.token, await extra(A), null, 400, 203);
  });

  it('an unknown AccountId → 2108 on both faces', async () => {
    const r = await restDelete(A.token, 9_000_000_000_001n, 'AAAAAAAAAAE=');
    assert.deepEqual([r.status, restCodes(r)], [400, [2108]], r.text);
    assert.deepEqual(faultCodes(await soapDelete(A.token, 9_000_000_000_001n, 'AAAAAAAAAAE=')), [2108]);
  });

  it('another customer\'s Super Admin → 106 on both faces, nothing stored', async () => {
    const doomed = await extra(A);
    await refusedOnBoth(B.token, doomed, stamp(doomed), 403, 106);
  });

  it('Standard User, Viewer and Advertiser Campaign Manager of the owner → 106, nothing stored', async () => {
    const doomed = await extra(A);
    for (const role of [203, 100, 16]) {
      const user = await addUser(store, A.customer.id, role);
      await refusedOnBoth(await tokenFor(store, user.id), doomed, stamp(doomed), 403, 106);
    }
  });

  it('an agency\'s Super Admin managing the account through an Active client link → 106, nothing stored', async () => {
    const agency = await createTestTenant(store, 'sandbox', 'DelAgency');
    const client = await extra(B);
    await insertClientLink(store, { type: 'AccountLink', clientEntityId: client.id, managingCustomerId: agency.customer.id });
    await refusedOnBoth(agency.token, client, stamp(client), 403, 106);
  });

  it('an aggregator\'s Super Admin and Aggregator delete the aggregatee accounts billed to it; a non-aggregator payer may not', async () => {
    // SignupCustomer (another area) creates aggregatee accounts; here the account is written as it
    // leaves it: owned by the client customer, billed to the aggregator.
    const aggregator = await createTestTenant(store, 'sandbox', 'DelAggregator');
    const aggregatorUser = await addUser(store, aggregator.customer.id, 33);
    const client = await createTestTenant(store, 'sandbox', 'DelAggregatee');
    const billTo = async (payer: bigint): Promise<AccountRecord> => {
      const a = await extra(client);
      const { id, customerId, number, currencyCode, version, createdTime, ...changes } = a;
      void [id, customerId, number, currencyCode, createdTime];
      return (await store.updateAccount(a.id, version, { ...changes, billToCustomerId: payer }))!;
    };
    const first = await billTo(aggregator.customer.id);
    assert.equal((await restDelete(aggregator.token, first.id, stamp(first))).status, 200);
    assert.equal((await current(first.id)).lifeCycleStatus, 'Inactive');
    const second = await billTo(aggregator.customer.id);
    const bySoap = await soapDelete(await tokenFor(store, aggregatorUser.id), second.id, stamp(second));
    assert.equal(bySoap.status, 200, bySoap.text);
    assert.equal((await current(second.id)).lifeCycleStatus, 'Inactive');
    // B has no Aggregator user: paying for an account does not make it B's to delete.
    const third = await billTo(B.customer.id);
    await refusedOnBoth(B.token, third, stamp(third), 403, 106);
  });

  it('an account whose client link is LinkInProgress or UnlinkInProgress → 1472 on both faces, nothing stored', async () => {
    const agency = await createTestTenant(store, 'sandbox', 'DelLinking');
    for (const status of ['LinkInProgress', 'UnlinkInProgress'] as const) {
      const linking = await extra(A);
      await storeLink(store, { clientEntityId: linking.id, managingCustomerId: agency.customer.id, status, startDate: new Date(Date.now() + DAY) });
      await refusedOnBoth(A.token, linking, stamp(linking), 400, 1472);
    }
  });

  it('deleting an account already deleted → 210 on both faces', async () => {
    const doomed = await extra(A);
    assert.equal((await restDelete(A.token, doomed.id, stamp(doomed))).status, 200);
    const deleted = await current(doomed.id);
    await refusedOnBoth(A.token, deleted, stamp(deleted), 400, 210);
  });
});
