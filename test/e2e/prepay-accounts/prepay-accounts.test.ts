// AddPrepayAccount and UpdatePrepayAccount over REST and SOAP: AddAccount/UpdateAccount for a
// prepaid account (docs/behaviour.md "Prepay accounts") — what is stored, the prepay mark, the
// business address held to the ValidateAddress rules, and the faults.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountXml, addressXml, ADDRESS } from '../../support/account-xml.js';
import { faces, type Faces } from '../../support/faces.js';
import { createTestTenant, insertTestUser, type TestTenant } from '../../support/fixtures.js';
import { uniqueName } from '../../support/names.js';
import { address, expectRestFault } from '../../support/rest-assert.js';
import { startServer, type RunningServer } from '../../support/server.js';
import { expectFault, expectOk, value, WCF_DATE_TIME } from '../../support/soap-assert.js';
import { encodeTimeStamp } from '../../../src/domain/timestamps.js';
import type { Store } from '../../../src/store/store.js';

const b64 = (version: bigint): string => Buffer.from(encodeTimeStamp(version)).toString('base64');

describe('prepay accounts over REST and SOAP', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let T: TestTenant;
  let O: TestTenant;

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    T = await createTestTenant(store, 'sandbox', 'Prepay');
    O = await createTestTenant(store, 'sandbox', 'PrepayOther');
  });
  after(async () => { await server?.stop(); });

  const restAccount = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    Name: uniqueName('Prepay'), CurrencyCode: 'USD', ParentCustomerId: T.customer.id.toString(),
    PaymentMethodId: T.paymentMethod.id.toString(), BusinessAddress: address(), ...over,
  });
  const soapAccount = (name: string, addressFields = ADDRESS): string => accountXml({
    CurrencyCode: 'USD', Name: name, ParentCustomerId: String(T.customer.id), PaymentMethodId: String(T.paymentMethod.id),
    BusinessAddress: addressXml(addressFields),
  });

  it('AddPrepayAccount creates the account as AddAccount does, marked prepaid (REST)', async () => {
    const body = restAccount();
    const r = await call.rest('AddPrepayAccount', { Account: body }, T.token);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(Object.keys(r.body), ['AccountId', 'AccountNumber', 'CreateTime']);
    const id = BigInt(r.body.AccountId as string);
    const rec = (await store.getAccount(id))!;
    assert.equal(rec.name, body.Name);
    assert.equal(rec.number, r.body.AccountNumber);
    assert.equal(rec.customerId, T.customer.id);
    assert.equal(rec.lifeCycleStatus, 'Active');
    assert.equal(rec.businessAddress?.stateOrProvince, 'WA');
    assert.equal(await store.isPrepayAccount(id), true);
    assert.equal(await store.isPrepayAccount(T.account.id), false, 'AddAccount\'s accounts stay postpaid');
  });

  it('AddPrepayAccount over SOAP: AccountId, AccountNumber, CreateTime, stored and marked prepaid', async () => {
    const name = uniqueName('Prepay SOAP');
    const res = expectOk(await call.soap('AddPrepayAccount', soapAccount(name), T.token), 'AddPrepayAccount');
    assert.deepEqual(res.children.map((c) => c.local), ['AccountId', 'AccountNumber', 'CreateTime']);
    assert.match(value(res, 'CreateTime')!, WCF_DATE_TIME);
    const id = BigInt(value(res, 'AccountId')!);
    assert.equal((await store.getAccount(id))?.name, name);
    assert.equal(await store.isPrepayAccount(id), true);
  });

  it('the business address must pass ValidateAddress: an unknown state or bad postal code → 1140, none → 1139, nothing stored', async () => {
    const before = (await store.queryAccounts({ scope: { customerIds: [T.customer.id], accountIds: [] } })).length;
    expectRestFault(await call.rest('AddPrepayAccount', { Account: restAccount({ BusinessAddress: address({ StateOrProvince: 'Washington' }) }) }, T.token), 400, 'ApiFault', 1140);
    expectRestFault(await call.rest('AddPrepayAccount', { Account: restAccount({ BusinessAddress: address({ PostalCode: '123' }) }) }, T.token), 400, 'ApiFault', 1140);
    expectRestFault(await call.rest('AddPrepayAccount', { Account: restAccount({ BusinessAddress: null }) }, T.token), 400, 'ApiFault', 1139);
    expectFault(await call.soap('AddPrepayAccount', soapAccount(uniqueName('x'), { ...ADDRESS, PostalCode: 'ABCDE' }), T.token), 1140, 'ApiFault');
    assert.equal((await store.queryAccounts({ scope: { customerIds: [T.customer.id], accountIds: [] } })).length, before);
  });

  it('authorisation comes first: a Viewer, or another customer\'s admin, gets 106 even with a bad address', async () => {
    const viewer = await insertTestUser(store, 'sandbox', { customerId: T.customer.id, roleId: 100, label: 'viewer' });
    const bad = restAccount({ BusinessAddress: address({ StateOrProvince: 'ZZ' }) });
    expectRestFault(await call.rest('AddPrepayAccount', { Account: bad }, viewer.token), 403, 'AdApiFaultDetail', 106);
    expectRestFault(await call.rest('AddPrepayAccount', { Account: bad }, O.token), 403, 'AdApiFaultDetail', 106);
    expectFault(await call.soap('AddPrepayAccount', soapAccount(uniqueName('x'), { ...ADDRESS, StateOrProvince: 'ZZ' }), O.token), 106, 'AdApiFaultDetail');
  });

  it('AddAccount\'s own rules hold: no Account → 203, a short name → 201', async () => {
    expectRestFault(await call.rest('AddPrepayAccount', {}, T.token), 400, 'ApiFault', 203);
    expectFault(await call.soap('AddPrepayAccount', '', T.token), 203, 'ApiFault');
    expectRestFault(await call.rest('AddPrepayAccount', { Account: restAccount({ Name: 'ab' }) }, T.token), 400, 'ApiFault', 201);
  });

  it('UpdatePrepayAccount overwrites a prepaid account as UpdateAccount does, on both faces', async () => {
    const added = await call.rest('AddPrepayAccount', { Account: restAccount() }, T.token);
    const id = BigInt(added.body.AccountId as string);
    const rec = (await store.getAccount(id))!;
    const name = uniqueName('Renamed prepay');
    const r = await call.rest('UpdatePrepayAccount', {
      Account: { Id: id.toString(), TimeStamp: b64(rec.version), Name: name, PaymentMethodId: T.paymentMethod.id.toString(), TimeZone: 'OsakaSapporoTokyo' },
    }, T.token);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(Object.keys(r.body), ['LastModifiedTime']);
    const after = (await store.getAccount(id))!;
    assert.deepEqual([after.name, after.timeZone, after.version], [name, 'OsakaSapporoTokyo', rec.version + 1n]);

    const soapName = uniqueName('SOAP prepay');
    const res = expectOk(await call.soap('UpdatePrepayAccount', accountXml({
      Id: String(id), Name: soapName, PaymentMethodId: String(T.paymentMethod.id), TimeStamp: b64(after.version),
    }), T.token), 'UpdatePrepayAccount');
    assert.match(value(res, 'LastModifiedTime')!, WCF_DATE_TIME);
    assert.equal((await store.getAccount(id))?.name, soapName);
  });

  it('UpdatePrepayAccount refuses a postpaid account (201), a stale TimeStamp (209), an unknown id (2108), a bad address (1140)', async () => {
    const postpaid = (await store.getAccount(T.account.id))!;
    const restUpdate = (id: bigint, version: bigint, over: Record<string, unknown> = {}) => call.rest('UpdatePrepayAccount', {
      Account: { Id: id.toString(), TimeStamp: b64(version), Name: uniqueName('u'), ...over },
    }, T.token);
    expectRestFault(await restUpdate(postpaid.id, postpaid.version), 400, 'ApiFault', 201);
    expectFault(await call.soap('UpdatePrepayAccount', accountXml({ Id: String(postpaid.id), Name: 'abcd', TimeStamp: b64(postpaid.version) }), T.token), 201, 'ApiFault');
    assert.equal((await store.getAccount(postpaid.id))?.version, postpaid.version, 'the postpaid account is untouched');

    const added = await call.rest('AddPrepayAccount', { Account: restAccount() }, T.token);
    const prepaid = (await store.getAccount(BigInt(added.body.AccountId as string)))!;
    expectRestFault(await restUpdate(prepaid.id, prepaid.version + 5n), 400, 'ApiFault', 209);
    expectRestFault(await restUpdate(prepaid.id, prepaid.version, { BusinessAddress: address({ CountryCode: 'XX' }) }), 400, 'ApiFault', 1140);
    expectRestFault(await restUpdate(99999999n, 1n), 400, 'ApiFault', 2108);
    expectRestFault(await call.rest('UpdatePrepayAccount', { Account: { Id: prepaid.id.toString(), TimeStamp: b64(prepaid.version), Name: 'x' } }, O.token), 403, 'AdApiFaultDetail', 106);
    assert.equal((await store.getAccount(prepaid.id))?.version, prepaid.version, 'nothing changed');
  });
});
