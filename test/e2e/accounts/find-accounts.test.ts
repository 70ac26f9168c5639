// FindAccounts end to end (seed 003): prefix matching on names and numbers, TopN, scope of roles
// and agency links; each rule asserted over SOAP and REST in one test.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { accountInfoIds, ROLE, sortIds } from '../../support/account-xml.js';
import { expectRefusedAlike, useAccountsWorld, type Demo, type SoapTenant } from '../../support/accounts-world.js';
import { ENT, find, soap, type SoapCredentials } from '../../support/clients.js';
import type { TestTenant } from '../../support/fixtures.js';
import { uniqueName } from '../../support/names.js';
import { expectRestFault, ids, sortedIds, V13 } from '../../support/rest-assert.js';
import { ACCOUNT_INFO, conform } from '../../support/rest-shapes.js';
import type { RunningServer } from '../../support/server.js';
import { assertNilsAndNamespaces, childEl, expectFault, expectOk, must, value } from '../../support/soap-assert.js';
import type { AccountRecord } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';

const world = useAccountsWorld();
const { newAccount, addOk, getAccount, customerAccounts, newTenant, newUser, insertAccount, call, snapshot } = world;
let server: RunningServer;
let store: Store;
let admin: SoapCredentials;
let demo: Demo;
let T: TestTenant;
let O: TestTenant;
let T2: AccountRecord;
let paused: AccountRecord;
before(async () => { await world.started(); ({ server, store, admin, demo, T, O, T2, paused } = world); });

/** REST FindAccounts as T (or another caller); the ids found, sorted as strings. */
async function restFind(body: unknown, token?: string): Promise<string[]> {
  const res = await call('POST', `${V13}/Accounts/Find`, body, token ? { token } : {});
  assert.equal(res.status, 200, res.text);
  return ids(res.body.AccountsInfo);
}

describe('FindAccounts (seed 003) over SOAP and REST', () => {
  const find3 = world.findAccounts;
  const findIds = world.findIds;
  let agency: SoapTenant;
  let client: SoapTenant;
  let unlinked: AccountRecord;
  let pending: AccountRecord;

  before(async () => {
    ({ agency, client, unlinked, pending } = await world.linkedAgency());
  });

  it('matches names that begin with the filter, case-insensitively, and not names that only contain it', async () => {
    const stem = `Fa${randomBytes(3).toString('hex')}`;
    const a = await addOk(admin, newAccount(`${stem} Alpha`));
    const b = await addOk(admin, newAccount(`${stem.toLowerCase()}beta`));
    const c = await addOk(admin, newAccount(`Zed ${stem} Gamma`));
    for (const filter of [stem, stem.toUpperCase(), stem.toLowerCase()]) {
      const found = await findIds(admin, demo.customerId, filter);
      assert.deepEqual(sortIds(found), sortIds([a.id, b.id]), filter);
    }
    assert.deepEqual(await findIds(admin, demo.customerId, `${stem} alp`), [a.id]);
    assert.deepEqual(await findIds(admin, demo.customerId, `Zed ${stem.toUpperCase()}`), [c.id]);
    assert.deepEqual(await findIds(admin, demo.customerId, `${stem}zzz`), []);

    const prefix = T2.name.slice(0, 8).toLowerCase();
    const byName = await call('POST', `${V13}/Accounts/Find`, { AccountFilter: prefix, TopN: 10 });
    assert.equal(byName.status, 200, byName.text);
    const expected = (await snapshot(T.customer.id)).filter((x) => x.name.toLowerCase().startsWith(prefix) || x.number.toLowerCase().startsWith(prefix));
    assert.deepEqual(ids(byName.body.AccountsInfo), sortedIds(expected));
    assert.ok(ids(byName.body.AccountsInfo).includes(T2.id.toString()));
    const inside = T2.name.slice(2, 9);
    assert.ok(!(await restFind({ AccountFilter: inside, TopN: 10 })).includes(T2.id.toString()), 'a name that only contains the filter is not found');
  });

  it('matches account numbers that begin with the filter, case-insensitively', async () => {
    const { id, number } = await addOk(admin, newAccount(uniqueName('By Number')));
    assert.deepEqual(await findIds(admin, demo.customerId, number.toLowerCase()), [id]);
    const prefix = number.slice(0, 4).toLowerCase();
    const found = await findIds(admin, null, prefix);
    assert.ok(found.includes(id));
    for (const rec of await store.getAccounts(found)) {
      assert.ok(rec.number.toLowerCase().startsWith(prefix) || rec.name.toLowerCase().startsWith(prefix), `${rec.name} / ${rec.number}`);
    }

    const byNumber = await call('POST', `${V13}/Accounts/Find`, { AccountFilter: T2.number.toLowerCase(), TopN: 10 });
    assert.deepEqual(ids(byNumber.body.AccountsInfo), [T2.id.toString()]);
  });

  it('filters by account number only when the filter is X followed by digits', async () => {
    const digits = String(randomInt(1_000_000, 9_999_999));
    const legacy = await insertAccount(demo.customerId, uniqueName('Legacy Numbered'), `X${digits}`);
    const namedX = await addOk(admin, newAccount(`X${digits} Named Like A Number`));
    const found = await findIds(admin, null, `X${digits.slice(0, 4)}`);
    assert.ok(found.includes(legacy.id), 'the account whose number begins with the filter');
    assert.ok(!found.includes(namedX.id), 'not the account whose name begins with the filter');
    assert.deepEqual(await findIds(admin, demo.customerId, `X${digits}`), [legacy.id]);
    // Not of the form X + digits: names match again.
    assert.deepEqual(await findIds(admin, demo.customerId, `X${digits} Named`), [namedX.id]);

    const tDigits = String(randomInt(1_000_000, 9_999_999));
    const tLegacy = await insertAccount(T.customer.id, uniqueName('T Legacy Numbered'), `X${tDigits}`);
    const tNamed = await insertAccount(T.customer.id, `X${tDigits} Named Like A Number ${randomBytes(3).toString('hex')}`, `N${randomInt(1_000_000, 9_999_999)}`);
    const restFound = await restFind({ AccountFilter: `X${tDigits.slice(0, 4)}`, TopN: 100 });
    assert.ok(restFound.includes(tLegacy.id.toString()), 'the account whose number begins with the filter');
    assert.ok(!restFound.includes(tNamed.id.toString()), 'not the account whose name begins with the filter');
    assert.deepEqual(await restFind({ AccountFilter: `X${tDigits} Named`, TopN: 100 }), [tNamed.id.toString()]);
  });

  it('treats LIKE wildcards in the filter literally', async () => {
    const stem = `Wc${randomBytes(3).toString('hex')}`;
    const percent = await addOk(admin, newAccount(`${stem}%Percent`));
    await addOk(admin, newAccount(`${stem}xPercent`));
    assert.deepEqual(await findIds(admin, demo.customerId, '%'), []);
    assert.deepEqual(await findIds(admin, demo.customerId, '_'), []);
    assert.deepEqual(await findIds(admin, demo.customerId, `${stem}%`), [percent.id]);
    assert.deepEqual(await findIds(admin, demo.customerId, `${stem}_`), []);

    assert.deepEqual(await restFind({ AccountFilter: '%', TopN: 100 }), []);
    assert.deepEqual(await restFind({ AccountFilter: '_', TopN: 100 }), []);
  });

  it('an empty filter (or none) returns every accessible account, as GetAccountsInfo does', async () => {
    const expected = sortIds((await customerAccounts(demo.customerId)).map((a) => a.id));
    assert.deepEqual(sortIds(await findIds(admin, null, '')), expected);
    assert.deepEqual(sortIds(await findIds(admin, null, null)), expected);
    assert.deepEqual(sortIds(await findIds(admin, demo.customerId, '')), expected);
    const info = accountInfoIds(expectOk(await soap(server.soapUrl, 'GetAccountsInfo', '', admin), 'GetAccountsInfo'));
    assert.deepEqual(sortIds(info), expected);

    const res = await call('POST', `${V13}/Accounts/Find`, { CustomerId: null, AccountFilter: '', TopN: 5000 });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(ids(res.body.AccountsInfo), sortedIds(await snapshot(T.customer.id)));
    const a = await call('POST', `${V13}/Accounts/Find`, { CustomerId: T.customer.id.toString(), AccountFilter: '', TopN: 100 });
    const b = await call('POST', `${V13}/Accounts/Find`, { CustomerId: Number(T.customer.id), AccountFilter: '', TopN: 100 });
    assert.equal(a.status, 200, a.text);
    assert.equal(b.status, 200, b.text);
    assert.deepEqual(ids(a.body.AccountsInfo), sortedIds(await snapshot(T.customer.id)));
    assert.deepEqual(ids(b.body.AccountsInfo), ids(a.body.AccountsInfo));
    const restInfo = await call('POST', `${V13}/AccountsInfo/Query`, {});
    assert.deepEqual(ids(a.body.AccountsInfo), ids(restInfo.body.AccountsInfo));
  });

  it('returns AccountInfo values as stored', async () => {
    const r = await find3(admin, demo.customerId, demo.account.number, 10);
    const list = must(childEl(expectOk(r, 'FindAccounts'), 'AccountsInfo'), 'AccountsInfo');
    assert.equal(list.children.length, 1);
    const info = list.children[0]!;
    assert.equal(value(info, 'Id'), String(demo.account.id));
    assert.equal(value(info, 'Name'), demo.account.name);
    assert.equal(value(info, 'Number'), demo.account.number);
    assert.equal(value(info, 'AccountLifeCycleStatus'), demo.account.lifeCycleStatus);
    assert.equal(value(info, 'PauseReason'), null);

    const res = await call('POST', `${V13}/Accounts/Find`, { CustomerId: null, AccountFilter: '', TopN: 5000 });
    assert.equal(res.status, 200, res.text);
    const pausedInfo = (res.body.AccountsInfo as Array<Record<string, unknown>>).find((x) => x.Id === paused.id.toString())!;
    assert.equal(pausedInfo.PauseReason, 2, 'PauseReason is a JSON number');
    assert.equal(pausedInfo.AccountLifeCycleStatus, 'Pause');
    const plain = (res.body.AccountsInfo as Array<Record<string, unknown>>).find((x) => x.Id === T.account.id.toString())!;
    assert.deepEqual(plain, { Id: T.account.id.toString(), Name: T.account.name, Number: T.account.number, AccountLifeCycleStatus: 'Active' });
  });

  it('TopN must be from 1 through 5,000: 0, 5001, -1 and none → 201; 5000 and 1 are served', async () => {
    expectFault(await find3(admin, null, '', 0), 201, 'ApiFault');
    expectFault(await find3(admin, null, '', 5001), 201, 'ApiFault');
    expectFault(await find3(admin, null, '', -1), 201, 'ApiFault');
    expectFault(await find3(admin, null, '', null), 201, 'ApiFault');
    expectOk(await find3(admin, null, '', 5000), 'FindAccounts');
    const all = await customerAccounts(demo.customerId);
    assert.ok(all.length >= 2);
    assert.equal((await findIds(admin, null, '', 1)).length, 1);
    assert.equal((await findIds(admin, null, '', 2)).length, 2);

    for (const body of [{ AccountFilter: '', TopN: 0 }, { AccountFilter: '', TopN: 5001 }, { AccountFilter: '', TopN: -1 }, { AccountFilter: '' }]) {
      expectRestFault(await call('POST', `${V13}/Accounts/Find`, body), 400, 'ApiFault', 201);
    }
    assert.equal((await restFind({ AccountFilter: '', TopN: 5000 })).length, (await snapshot(T.customer.id)).length);
    assert.equal((await restFind({ AccountFilter: '', TopN: 1 })).length, 1);
    await expectRefusedAlike(world, 201, ['POST', '/Accounts/Find', { AccountFilter: '', TopN: 0 }], ['FindAccounts', '<AccountFilter></AccountFilter><TopN>0</TopN>']);
    await expectRefusedAlike(world, 201, ['POST', '/Accounts/Find', { AccountFilter: '', TopN: 5001 }], ['FindAccounts', '<AccountFilter></AccountFilter><TopN>5001</TopN>']);
  });

  it('a TopN that is not an integer ("abc", 1.5) → 201 (AdApiFaultDetail)', async () => {
    expectFault(await soap(server.soapUrl, 'FindAccounts', '<AccountFilter></AccountFilter><TopN>1.5</TopN>', admin), 201, 'AdApiFaultDetail');
    expectFault(await soap(server.soapUrl, 'FindAccounts', '<TopN>abc</TopN>', admin), 201, 'AdApiFaultDetail');
    expectRestFault(await call('POST', `${V13}/Accounts/Find`, { AccountFilter: '', TopN: 'abc' }), 400, 'AdApiFaultDetail', 201);
    expectRestFault(await call('POST', `${V13}/Accounts/Find`, { AccountFilter: '', TopN: 1.5 }), 400, 'AdApiFaultDetail', 201);
    await expectRefusedAlike(world, 201, ['POST', '/Accounts/Find', { TopN: 'abc' }], ['FindAccounts', '<TopN>abc</TopN>']);
  });

  it('CustomerId nil searches every accessible customer, including an agency\'s linked client account', async () => {
    const found = sortIds(await findIds(agency.creds, null, ''));
    assert.deepEqual(found, sortIds([agency.account.id, client.account.id]));
    assert.ok(!found.includes(unlinked.id) && !found.includes(pending.id), 'only Active links give access');
    // A filter on the linked account's name finds it too.
    assert.deepEqual(await findIds(agency.creds, null, client.account.name.toLowerCase()), [client.account.id]);
    // With the agency's own CustomerId, only the agency's own accounts.
    assert.deepEqual(await findIds(agency.creds, agency.customer.id, ''), [agency.account.id]);

    const restFound = await restFind({ CustomerId: null, AccountFilter: '', TopN: 100 }, agency.token);
    assert.deepEqual(restFound, [agency.account.id, client.account.id].map(String).sort());
    assert.deepEqual(await restFind({ AccountFilter: client.account.name.toLowerCase(), TopN: 100 }, agency.token), [client.account.id.toString()]);
    assert.deepEqual(await restFind({ CustomerId: agency.customer.id.toString(), AccountFilter: '', TopN: 100 }, agency.token), [agency.account.id.toString()]);
  });

  it('a user whose role covers some accounts of the customer finds only those', async () => {
    const { id: other } = await addOk(admin, newAccount(uniqueName('Out Of Scope')));
    const scoped = await newUser(demo.customerId, ROLE.StandardUser, [demo.account.id]);
    assert.deepEqual(await findIds(scoped.creds, null, ''), [demo.account.id]);
    assert.deepEqual(await findIds(scoped.creds, demo.customerId, ''), [demo.account.id]);
    assert.deepEqual(await findIds(scoped.creds, null, 'Out Of Scope'), []);
    const infos = accountInfoIds(expectOk(await soap(server.soapUrl, 'GetAccountsInfo', '', scoped.creds), 'GetAccountsInfo'));
    assert.deepEqual(infos, [demo.account.id]);
    expectOk(await getAccount(scoped.creds, demo.account.id), 'GetAccount');
    expectFault(await getAccount(scoped.creds, other), 106, 'AdApiFaultDetail');

    const token = scoped.creds.token;
    assert.deepEqual(await restFind({ CustomerId: null, AccountFilter: '', TopN: 100 }, token), [demo.account.id.toString()]);
    assert.deepEqual(await restFind({ CustomerId: demo.customerId.toString(), AccountFilter: '', TopN: 100 }, token), [demo.account.id.toString()]);
    assert.deepEqual(await restFind({ AccountFilter: 'Out Of Scope', TopN: 100 }, token), []);
  });

  it('the CustomerId of another customer → 106, revealing none of its accounts', async () => {
    const other = await newTenant('Hidden');
    const r = await find3(admin, other.customer.id, '', 100);
    expectFault(r, 106, 'AdApiFaultDetail');
    assert.equal(find(r.root, 'AccountsInfo'), undefined);
    assert.ok(!r.text.includes(other.account.name) && !r.text.includes(other.account.number));
    // And the other tenant's accounts never show up in the caller's searches.
    assert.ok(!(await findIds(admin, null, other.account.name)).includes(other.account.id));
    assert.ok(!(await findIds(admin, null, other.account.number)).includes(other.account.id));

    const res = await call('POST', `${V13}/Accounts/Find`, { CustomerId: O.customer.id.toString(), AccountFilter: '', TopN: 10 });
    expectRestFault(res, 403, 'AdApiFaultDetail', 106);
    assert.ok(!res.text.includes(O.account.name));
    assert.ok(!(await restFind({ AccountFilter: O.account.name, TopN: 100 })).includes(O.account.id.toString()));
  });
});

// ------------------------------------------------------------------------------------------------
describe('FindAccounts: face-specific', () => {
  it('SOAP: AccountInfo elements in the Entities namespace, nulls as i:nil="true"', async () => {
    const r = await world.findAccounts(admin, demo.customerId, demo.account.number, 10);
    const list = must(childEl(expectOk(r, 'FindAccounts'), 'AccountsInfo'), 'AccountsInfo');
    assertNilsAndNamespaces(list.children[0]!, ENT);
  });

  it('REST: AccountsInfo is a plain array of SDK-typed AccountInfo', async () => {
    const res = await call('POST', `${V13}/Accounts/Find`, { CustomerId: null, AccountFilter: '', TopN: 5000 });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body), ['AccountsInfo']);
    conform(res.body.AccountsInfo, { list: ACCOUNT_INFO }, 'AccountsInfo');
  });

  it('REST: a CustomerId sent as a JSON number above 2^53 → 400 201 (AdApiFaultDetail)', async () => {
    expectRestFault(await call('POST', `${V13}/Accounts/Find`, '{"CustomerId": 9007199254740993, "TopN": 10}'), 400, 'AdApiFaultDetail', 201);
  });
});
