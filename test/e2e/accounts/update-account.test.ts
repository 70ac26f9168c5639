// UpdateAccount end to end: fields sent are changed, fields left out kept, guarded by the TimeStamp, its permissions and refusals,
// each rule asserted over SOAP and REST in one test; face-specific typing in tests named by face.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountXml, ADDRESS, addressXml, assertAccountMatches, ROLE, type Fields } from '../../support/account-xml.js';
import { expectRefusedAlike, useAccountsWorld, type Demo } from '../../support/accounts-world.js';
import { ENT, soap, type SoapCredentials, type SoapResult } from '../../support/clients.js';
import { insertTestAccount, ownerOf, type TestTenant } from '../../support/fixtures.js';
import { uniqueName } from '../../support/names.js';
import { expectRestFault, V13, type FaultType } from '../../support/rest-assert.js';
import { ADVERTISER_ACCOUNT, conform } from '../../support/rest-shapes.js';
import type { RunningServer } from '../../support/server.js';
import { assertTrackingId, expectFault, expectOk, timeStampVersion, value, WCF_DATE_TIME } from '../../support/soap-assert.js';
import type { AccountRecord } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';

const world = useAccountsWorld();
const { newAccount, addOk, getAccount, getAccountOk, newTenant, newUser, call, getAccountJson, snapshot, address } = world;
let server: RunningServer;
let store: Store;
let admin: SoapCredentials;
let demo: Demo;
let T: TestTenant;
let O: TestTenant;
let T2: AccountRecord;
before(async () => { await world.started(); ({ server, store, admin, demo, T, O, T2 } = world); });

async function timeStampOf(creds: SoapCredentials, id: bigint): Promise<string> {
  return value(await getAccountOk(creds, id), 'TimeStamp')!;
}
const update = (creds: SoapCredentials, fields: Fields): Promise<SoapResult> => soap(server.soapUrl, 'UpdateAccount', accountXml(fields), creds);

/** GetAccount's Account element, sent back as-is (the SDKs' get → change → update), with one edit. */
async function roundTrip(creds: SoapCredentials, id: bigint, edit: (xml: string) => string): Promise<SoapResult> {
  const got = await getAccount(creds, id);
  expectOk(got, 'GetAccount');
  const xml = /<Account>[\s\S]*<\/Account>/.exec(got.text)![0].replace('<Account>', `<Account xmlns:a="${ENT}">`);
  const edited = edit(xml);
  assert.notEqual(edited, xml, 'the edit changed something');
  return soap(server.soapUrl, 'UpdateAccount', edited, creds);
}

/** An account of T for the REST half of a test, so that tests do not move each other's TimeStamps. */
const tAccount = (label: string): Promise<AccountRecord> => insertTestAccount(store, ownerOf(T), { name: uniqueName(label) });

describe('UpdateAccount over SOAP and REST', () => {
  it('keeps the fields left out (not reset to defaults, not cleared): "If no value is set for the update, this setting is not changed"', async () => {
    const { id, number } = await addOk(admin, newAccount(uniqueName('Overwrite'), { TimeZone: 'OsakaSapporoTokyo', AutoTagType: 'Replace' }));
    const before = (await store.getAccount(id))!;
    const ts = await timeStampOf(admin, id);
    const newName = uniqueName('Overwritten');
    const r = await update(admin, { Id: String(id), Name: newName, ParentCustomerId: String(demo.customerId), TimeStamp: ts });
    const res = expectOk(r, 'UpdateAccount');
    assertTrackingId(r);
    assert.deepEqual(res.children.map((c) => c.local), ['LastModifiedTime']);

    const after = (await store.getAccount(id))!;
    assert.equal(after.name, newName);
    assert.equal(after.timeZone, 'OsakaSapporoTokyo', 'TimeZone kept');
    assert.equal(after.autoTagType, 'Replace', 'AutoTagType kept');
    assert.equal(after.paymentMethodId, before.paymentMethodId, 'PaymentMethodId kept');
    assert.equal(after.primaryUserId, before.primaryUserId, 'PrimaryUserId kept');
    assert.equal(after.language, before.language, 'Language kept');
    // Read-only and kept: number, currency, owner, status, business address (not sent = kept).
    assert.equal(after.number, number);
    assert.equal(after.currencyCode, before.currencyCode);
    assert.equal(after.customerId, demo.customerId);
    assert.equal(after.lifeCycleStatus, before.lifeCycleStatus);
    assert.deepEqual(after.businessAddress, before.businessAddress);
    assert.ok(after.version > before.version);
    assert.equal(Date.parse(value(res, 'LastModifiedTime')!), after.lastModifiedTime.getTime());
    assert.match(value(res, 'LastModifiedTime')!, WCF_DATE_TIME);

    const target = await tAccount('REST overwrite');
    const got = await getAccountJson(target.id);
    const restName = uniqueName('REST Overwritten');
    const put = await call('PUT', `${V13}/Account`, {
      Account: { Id: target.id.toString(), Name: restName, ParentCustomerId: T.customer.id.toString(), TimeStamp: got.TimeStamp },
    });
    assert.equal(put.status, 200, put.text);
    const stored = (await store.getAccount(target.id))!;
    assert.equal(stored.name, restName);
    assert.equal(stored.timeZone, target.timeZone, 'TimeZone kept');
    assert.equal(stored.autoTagType, target.autoTagType, 'AutoTagType kept');
    assert.equal(stored.paymentMethodId, target.paymentMethodId, 'PaymentMethodId kept');
    assert.equal(stored.primaryUserId, target.primaryUserId, 'PrimaryUserId kept');
    assert.equal(stored.language, target.language, 'Language kept');
    assert.equal(stored.number, target.number);
    assert.equal(stored.currencyCode, target.currencyCode);
    assert.equal(stored.lifeCycleStatus, target.lifeCycleStatus);
    assert.deepEqual(stored.businessAddress, target.businessAddress);
  });

  it('accepts the account exactly as GetAccount returned it, changing only what was edited; answers {LastModifiedTime}; the TimeStamp moves on', async () => {
    const standard = await newUser(demo.customerId, ROLE.StandardUser);
    const { id } = await addOk(admin, newAccount(uniqueName('Round Trip'), {
      TimeZone: 'Brisbane', AutoTagType: 'Replace', PrimaryUserId: String(standard.user.id),
    }));
    const before = (await store.getAccount(id))!;
    const newName = uniqueName('Round Tripped');
    expectOk(await roundTrip(admin, id, (x) => x.replace(/<a:Name>[^<]*<\/a:Name>/, `<a:Name>${newName}</a:Name>`)), 'UpdateAccount');
    const after = (await store.getAccount(id))!;
    assert.equal(after.name, newName);
    const keep = (r: AccountRecord) => ({ ...r, name: '', version: 0n, lastModifiedTime: null, lastModifiedByUserId: null });
    assert.deepEqual(keep(after), keep(before), 'everything sent back unchanged stays unchanged');

    const target = await tAccount('To update');
    const account = await getAccountJson(target.id);
    const name = uniqueName('Renamed');
    const restBefore = (await store.getAccount(target.id))!;
    const res = await call('PUT', `${V13}/Account`, { Account: { ...account, Name: name, TimeZone: 'EasternTimeUSCanada', AutoTagType: 'Replace' } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body), ['LastModifiedTime']);
    conform(res.body, { fields: { LastModifiedTime: 'dateTime' } }, 'UpdateAccountResponse');
    const restAfter = (await store.getAccount(target.id))!;
    assert.equal(restAfter.name, name);
    assert.equal(restAfter.timeZone, 'EasternTimeUSCanada');
    assert.equal(restAfter.autoTagType, 'Replace');
    assert.equal(restAfter.number, restBefore.number, 'Number is read-only');
    assert.equal(restAfter.currencyCode, restBefore.currencyCode, 'CurrencyCode is read-only');
    assert.equal(restAfter.lastModifiedTime.getTime(), Date.parse(res.body.LastModifiedTime as string));
    assert.ok(restAfter.version > restBefore.version, 'the row version moved on');
    const again = await getAccountJson(target.id);
    assert.notEqual(again.TimeStamp, account.TimeStamp, 'a new TimeStamp after the update');
    assert.equal(again.Name, name);
  });

  it('sets the sent optional fields, and ignores read-only ones (CurrencyCode, Number, status)', async () => {
    const { id, number } = await addOk(admin, newAccount(uniqueName('Set Fields')));
    const ts = await timeStampOf(admin, id);
    const name = uniqueName('Set Fields Renamed');
    expectOk(await update(admin, {
      Id: String(id), Name: name, ParentCustomerId: String(demo.customerId), TimeStamp: ts, TimeZone: 'Seoul',
      AutoTagType: 'Preserve', Language: 'German', PaymentMethodId: String(demo.paymentMethodId), PrimaryUserId: String(demo.user.id),
      CurrencyCode: 'JPY', Number: 'AAAAAAAA', AccountLifeCycleStatus: 'Suspended',
      BusinessAddress: addressXml({ ...ADDRESS, City: 'Bellevue', Line1: '2 Second Ave' }),
    }), 'UpdateAccount');
    const rec = (await store.getAccount(id))!;
    assert.equal(rec.name, name);
    assert.equal(rec.timeZone, 'Seoul');
    assert.equal(rec.autoTagType, 'Preserve');
    assert.equal(rec.language, 'German');
    assert.equal(rec.paymentMethodId, demo.paymentMethodId);
    assert.equal(rec.primaryUserId, demo.user.id);
    assert.equal(rec.currencyCode, 'USD');
    assert.equal(rec.number, number);
    assert.equal(rec.lifeCycleStatus, 'Active');
    assert.equal(rec.businessAddress?.city, 'Bellevue');
    assert.equal(rec.businessAddress?.line1, '2 Second Ave');
    assertAccountMatches(await getAccountOk(admin, id), rec);

    const target = await tAccount('REST Set Fields');
    const account = await getAccountJson(target.id);
    const res = await call('PUT', `${V13}/Account`, {
      Account: { ...account, Language: 'German', CurrencyCode: 'JPY', Number: 'AAAAAAAA', AccountLifeCycleStatus: 'Suspended', BusinessAddress: address({ City: 'Bellevue' }) },
    });
    assert.equal(res.status, 200, res.text);
    const stored = (await store.getAccount(target.id))!;
    assert.equal(stored.language, 'German');
    assert.equal(stored.currencyCode, 'USD');
    assert.equal(stored.number, target.number);
    assert.equal(stored.lifeCycleStatus, 'Active');
    assert.equal(stored.businessAddress?.city, 'Bellevue');
  });

  it('a missing TimeStamp → 203 naming it, nothing changed', async () => {
    const { id } = await addOk(admin, newAccount(uniqueName('No TimeStamp')));
    const before = (await store.getAccount(id))!;
    const r = await update(admin, { Id: String(id), Name: uniqueName('Never Applied'), ParentCustomerId: String(demo.customerId) });
    assert.match(expectFault(r, 203, 'ApiFault') ?? '', /TimeStamp/);
    assert.deepEqual(await store.getAccount(id), before);
    await restRefuses('REST no TimeStamp', (a) => ({ Account: { ...a, TimeStamp: undefined } }), 400, 'ApiFault', 203);
  });

  it('every write gives a new TimeStamp and records who changed it when; a stale TimeStamp → 209, nothing changed', async () => {
    const { id } = await addOk(admin, newAccount(uniqueName('Versions')));
    const ts1 = await timeStampOf(admin, id);
    const standard = await newUser(demo.customerId, ROLE.StandardUser);

    const t0 = Date.now();
    const first = expectOk(await update(standard.creds, {
      Id: String(id), Name: uniqueName('Versions A'), ParentCustomerId: String(demo.customerId), TimeStamp: ts1,
    }), 'UpdateAccount');
    const ts2 = await timeStampOf(admin, id);
    assert.notEqual(ts2, ts1);
    let rec = (await store.getAccount(id))!;
    assert.equal(rec.lastModifiedByUserId, standard.user.id, 'LastModifiedByUserId is the Standard User who updated');
    assert.equal(rec.lastModifiedTime.getTime(), Date.parse(value(first, 'LastModifiedTime')!));
    assert.ok(Math.abs(rec.lastModifiedTime.getTime() - t0) < 60_000);
    const shown = await getAccountOk(admin, id);
    assert.equal(value(shown, 'LastModifiedByUserId'), String(standard.user.id));
    assert.equal(Date.parse(value(shown, 'LastModifiedTime')!), rec.lastModifiedTime.getTime());

    const staleName = uniqueName('Stale Write');
    expectFault(await update(admin, { Id: String(id), Name: staleName, ParentCustomerId: String(demo.customerId), TimeStamp: ts1 }), 209, 'ApiFault');
    assert.notEqual((await store.getAccount(id))!.name, staleName);

    expectOk(await update(admin, { Id: String(id), Name: uniqueName('Versions B'), ParentCustomerId: String(demo.customerId), TimeStamp: ts2 }), 'UpdateAccount');
    const ts3 = await timeStampOf(admin, id);
    assert.equal(new Set([ts1, ts2, ts3]).size, 3);
    rec = (await store.getAccount(id))!;
    assert.equal(rec.lastModifiedByUserId, demo.user.id);
    assert.equal(timeStampVersion(ts3), rec.version);
    // A TimeStamp that was never issued is stale too.
    expectFault(await update(admin, { Id: String(id), Name: staleName, ParentCustomerId: String(demo.customerId), TimeStamp: 'AAAAAAAAAAA=' }), 209, 'ApiFault');

    // REST
    const target = await tAccount('REST Versions');
    const stale = await getAccountJson(target.id);
    const fresh = await call('PUT', `${V13}/Account`, { Account: { ...stale, Name: uniqueName('Moves the stamp') } });
    assert.equal(fresh.status, 200, fresh.text);
    const before = await store.getAccount(target.id);
    expectRestFault(await call('PUT', `${V13}/Account`, { Account: { ...stale, Name: uniqueName('Too late') } }), 400, 'ApiFault', 209);
    assert.deepEqual(await store.getAccount(target.id), before);

    // The same stale TimeStamp sent by T over both faces.
    const stale2 = await getAccountJson(T2.id);
    const moved = await call('PUT', `${V13}/Account`, { Account: { ...stale2, Name: uniqueName('Parity moves') } });
    assert.equal(moved.status, 200, moved.text);
    const beforeT2 = await store.getAccount(T2.id);
    const late = uniqueName('Parity late');
    const xml = `<Account><e:Id>${T2.id}</e:Id><e:Name>${late}</e:Name><e:TimeStamp>${stale2.TimeStamp as string}</e:TimeStamp></Account>`;
    const { rest: restLate } = await expectRefusedAlike(world, 209, ['PUT', '/Account', { Account: { ...stale2, Name: late } }], ['UpdateAccount', xml]);
    expectRestFault(restLate, 400, 'ApiFault', 209);
    assert.deepEqual(await store.getAccount(T2.id), beforeT2);
  });

  it('a Viewer may read the account but not change it → 106, nothing changed', async () => {
    const { id } = await addOk(admin, newAccount(uniqueName('Viewer Target')));
    const viewer = await newUser(demo.customerId, ROLE.Viewer);
    // A Viewer can read the account (and so learns its TimeStamp) …
    const ts = value(await getAccountOk(viewer.creds, id), 'TimeStamp')!;
    const before = (await store.getAccount(id))!;
    // … but not change it.
    expectFault(await update(viewer.creds, { Id: String(id), Name: uniqueName('Viewer Edit'), ParentCustomerId: String(demo.customerId), TimeStamp: ts }), 106, 'AdApiFaultDetail');
    assert.deepEqual(await store.getAccount(id), before);

    const target = await tAccount('REST Viewer Target');
    const tViewer = await newUser(T.customer.id, ROLE.Viewer);
    const seen = await getAccountJson(target.id, tViewer.creds.token);
    const restBefore = await store.getAccount(target.id);
    expectRestFault(await call('PUT', `${V13}/Account`, { Account: { ...seen, Name: uniqueName('Viewer edit') } }, { token: tViewer.creds.token ?? null }), 403, 'AdApiFaultDetail', 106);
    assert.deepEqual(await store.getAccount(target.id), restBefore);
  });

  it('another customer\'s account, even with its current TimeStamp → 106, nothing changed', async () => {
    const other = await newTenant('Updater');
    const { id } = await addOk(admin, newAccount(uniqueName('Cross Tenant')));
    const ts = await timeStampOf(admin, id);
    const before = (await store.getAccount(id))!;
    expectFault(await update(other.creds, { Id: String(id), Name: uniqueName('Hijack'), ParentCustomerId: String(other.customer.id), TimeStamp: ts }), 106, 'AdApiFaultDetail');
    assert.deepEqual(await store.getAccount(id), before);

    const theirs = await getAccountJson(O.account.id, O.token);
    const restBefore = await store.getAccount(O.account.id);
    expectRestFault(await call('PUT', `${V13}/Account`, { Account: { ...theirs, Name: uniqueName('Hijacked') } }), 403, 'AdApiFaultDetail', 106);
    assert.deepEqual(await store.getAccount(O.account.id), restBefore);
    await restRefuses('REST foreign Id', (a) => ({ Account: { ...a, Id: O.account.id.toString() } }), 403, 'AdApiFaultDetail', 106);
  });

  it('a rename to a name the customer already uses (case-insensitive) → 201, nothing changed', async () => {
    const taken = uniqueName('Taken Name');
    await addOk(admin, newAccount(taken));
    const { id } = await addOk(admin, newAccount(uniqueName('Wants Taken')));
    const before = (await store.getAccount(id))!;
    const ts = await timeStampOf(admin, id);
    expectFault(await update(admin, { Id: String(id), Name: taken.toLowerCase(), ParentCustomerId: String(demo.customerId), TimeStamp: ts }), 201, 'ApiFault');
    assert.deepEqual(await store.getAccount(id), before);
    await restRefuses('REST taken name', (a) => ({ Account: { ...a, Name: T.account.name } }), 400, 'ApiFault', 201);
    await restRefuses('REST taken name lower', (a) => ({ Account: { ...a, Name: T.account.name.toLowerCase() } }), 400, 'ApiFault', 201);
  });

  it('an account that does not exist → 2108', async () => {
    expectFault(await update(admin, { Id: '9007199254740993', Name: uniqueName('Ghost'), ParentCustomerId: String(demo.customerId), TimeStamp: 'AAAAAAAAAAE=' }), 2108, 'ApiFault');
    await restRefuses('REST unknown Id', (a) => ({ Account: { ...a, Id: '987654321987' } }), 400, 'ApiFault', 2108);
  });

  // The remaining refusals: the same request shape on both faces, each an account of its own.
  const refusals: Array<[string, (a: Record<string, unknown>) => unknown, (f: Fields) => Fields | null, number, FaultType, number]> = [
    ['no Account', () => ({}), () => null, 400, 'ApiFault', 203],
    ['no Id', (a) => ({ Account: { ...a, Id: undefined } }), (f) => ({ ...f, Id: undefined }), 400, 'ApiFault', 203],
    ['no Name', (a) => ({ Account: { ...a, Name: undefined } }), (f) => ({ ...f, Name: undefined }), 400, 'ApiFault', 203],
    ['a 2-character Name', (a) => ({ Account: { ...a, Name: 'ab' } }), (f) => ({ ...f, Name: 'ab' }), 400, 'ApiFault', 201],
    ['a 101-character Name', (a) => ({ Account: { ...a, Name: 'x'.repeat(101) } }), (f) => ({ ...f, Name: 'x'.repeat(101) }), 400, 'ApiFault', 211],
    ['a BusinessAddress without City', (a) => ({ Account: { ...a, BusinessAddress: address({ City: '' }) } }),
      (f) => ({ ...f, BusinessAddress: addressXml({ ...ADDRESS, City: undefined }) }), 400, 'ApiFault', 1140],
    // The ValidateAddress rules guard UpdateAccount's BusinessAddress too.
    ['a BusinessAddress with an unknown state code', (a) => ({ Account: { ...a, BusinessAddress: address({ StateOrProvince: 'ZZ' }) } }),
      (f) => ({ ...f, BusinessAddress: addressXml({ ...ADDRESS, StateOrProvince: 'ZZ' }) }), 400, 'ApiFault', 1140],
    ['a BusinessAddress with a malformed postal code', (a) => ({ Account: { ...a, BusinessAddress: address({ PostalCode: '98O52' }) } }),
      (f) => ({ ...f, BusinessAddress: addressXml({ ...ADDRESS, PostalCode: '98O52' }) }), 400, 'ApiFault', 1140],
    ['a BusinessAddress without BusinessName', (a) => ({ Account: { ...a, BusinessAddress: address({ BusinessName: undefined }) } }),
      (f) => ({ ...f, BusinessAddress: addressXml({ ...ADDRESS, BusinessName: undefined }) }), 400, 'ApiFault', 1140],
    ['a TimeStamp that is not base64', (a) => ({ Account: { ...a, TimeStamp: '***' } }), (f) => ({ ...f, TimeStamp: '***' }), 400, 'AdApiFaultDetail', 201],
    ['an unknown AutoTagType', (a) => ({ Account: { ...a, AutoTagType: 'Sometimes' } }), (f) => ({ ...f, AutoTagType: 'Sometimes' }), 400, 'AdApiFaultDetail', 201],
  ];
  for (const [what, restBody, soapFields, status, type, code] of refusals) {
    it(`${what} → ${code}, nothing changed`, async () => {
      const { id } = await addOk(admin, newAccount(uniqueName('Refused Update')));
      const before = (await store.getAccount(id))!;
      const fields = soapFields({ Id: String(id), Name: uniqueName('Never Applied'), ParentCustomerId: String(demo.customerId), TimeStamp: await timeStampOf(admin, id) });
      const r = fields === null
        ? await soap(server.soapUrl, 'UpdateAccount', '<Account i:nil="true"/>', admin)
        : await update(admin, fields);
      expectFault(r, code, type);
      assert.deepEqual(await store.getAccount(id), before);
      await restRefuses(what, restBody, status, type, code);
    });
  }

  /** The REST half of a refusal as the REST tests always checked it: the exact flat fault, and neither T's nor O's accounts changed. */
  async function restRefuses(label: string, body: (a: Record<string, unknown>) => unknown, status: number, type: FaultType, code: number): Promise<void> {
    const target = await tAccount(label);
    const account = await getAccountJson(target.id);
    const beforeT = await snapshot(T.customer.id);
    const beforeO = await snapshot(O.customer.id);
    expectRestFault(await call('PUT', `${V13}/Account`, body(account)), status, type, code);
    assert.deepEqual(await snapshot(T.customer.id), beforeT);
    assert.deepEqual(await snapshot(O.customer.id), beforeO);
  }
});

// ------------------------------------------------------------------------------------------------
describe('UpdateAccount: roles and lifecycle', () => {
  it('an Advertiser Campaign Manager may change AutoTagType only (106 for anything else)', async () => {
    const { id } = await addOk(admin, newAccount(uniqueName('Campaign Managed'), { AutoTagType: 'Inactive' }));
    const manager = await newUser(demo.customerId, 16);
    expectOk(await roundTrip(manager.creds, id, (x) => x.replace('<a:AutoTagType>Inactive</a:AutoTagType>', '<a:AutoTagType>Preserve</a:AutoTagType>')), 'UpdateAccount');
    assert.equal((await store.getAccount(id))!.autoTagType, 'Preserve');
    const before = (await store.getAccount(id))!;
    const r = await roundTrip(manager.creds, id, (x) => x.replace(/<a:Name>[^<]*<\/a:Name>/, `<a:Name>${uniqueName('Renamed By Manager')}</a:Name>`));
    expectFault(r, 106, 'AdApiFaultDetail');
    assert.deepEqual(await store.getAccount(id), before);

    const target = await tAccount('REST Campaign Managed');
    const tManager = await newUser(T.customer.id, 16);
    const token = tManager.creds.token ?? null;
    const seen = await getAccountJson(target.id, tManager.creds.token);
    const ok = await call('PUT', `${V13}/Account`, { Account: { ...seen, AutoTagType: 'Preserve' } }, { token });
    assert.equal(ok.status, 200, ok.text);
    assert.equal((await store.getAccount(target.id))!.autoTagType, 'Preserve');
    const restBefore = await store.getAccount(target.id);
    const again = await getAccountJson(target.id, tManager.creds.token);
    expectRestFault(await call('PUT', `${V13}/Account`, { Account: { ...again, Name: uniqueName('Renamed by manager') } }, { token }), 403, 'AdApiFaultDetail', 106);
    assert.deepEqual(await store.getAccount(target.id), restBefore);
  });

  it('a Draft account becomes Active when updated with a payment method', async () => {
    const tenant = await newTenant('Draft Update');
    const { id } = await addOk(tenant.creds, {
      Name: uniqueName('Draft To Active'), CurrencyCode: 'USD', ParentCustomerId: String(tenant.customer.id), BusinessAddress: addressXml(ADDRESS),
    });
    assert.equal((await store.getAccount(id))!.lifeCycleStatus, 'Draft');
    const ts = await timeStampOf(tenant.creds, id);
    expectOk(await update(tenant.creds, {
      Id: String(id), Name: uniqueName('Now Active'), ParentCustomerId: String(tenant.customer.id), TimeStamp: ts,
      PaymentMethodId: String(tenant.paymentMethod.id),
    }), 'UpdateAccount');
    const rec = (await store.getAccount(id))!;
    assert.equal(rec.lifeCycleStatus, 'Active');
    assert.equal(rec.paymentMethodId, tenant.paymentMethod.id);

    const D = await newTenant('REST Draft Update');
    const added = await call('POST', `${V13}/Account`, {
      Account: { Name: uniqueName('REST Draft'), CurrencyCode: 'USD', ParentCustomerId: D.customer.id.toString(), BusinessAddress: address() },
    }, { token: D.token });
    assert.equal(added.status, 200, added.text);
    const draftId = BigInt(added.body.AccountId as string);
    assert.equal((await store.getAccount(draftId))!.lifeCycleStatus, 'Draft');
    const draft = await getAccountJson(draftId, D.token);
    const put = await call('PUT', `${V13}/Account`, { Account: { ...draft, PaymentMethodId: D.paymentMethod.id.toString() } }, { token: D.token });
    assert.equal(put.status, 200, put.text);
    const stored = (await store.getAccount(draftId))!;
    assert.equal(stored.lifeCycleStatus, 'Active');
    assert.equal(stored.paymentMethodId, D.paymentMethod.id);
  });
});

// ------------------------------------------------------------------------------------------------
describe('UpdateAccount: face-specific', () => {
  it('REST: Id is accepted as a small JSON number', async () => {
    const target = await tAccount('Id as number target');
    const account = await getAccountJson(target.id);
    const name = uniqueName('Id as number');
    const res = await call('PUT', `${V13}/Account`, { Account: { ...account, Id: Number(target.id), Name: name } });
    assert.equal(res.status, 200, res.text);
    assert.equal((await store.getAccount(target.id))!.name, name);
  });

  it('REST: a decimal (BillingThresholdAmount) travels as a JSON number both ways', async () => {
    const target = await tAccount('Decimal target');
    const account = await getAccountJson(target.id);
    const res = await call('PUT', `${V13}/Account`, { Account: { ...account, BillingThresholdAmount: 150.25 } });
    assert.equal(res.status, 200, res.text);
    assert.equal((await store.getAccount(target.id))!.billingThresholdAmount, '150.25');
    const again = await getAccountJson(target.id);
    conform(again, ADVERTISER_ACCOUNT, 'Account');
    assert.equal(again.BillingThresholdAmount, 150.25);
  });
});
