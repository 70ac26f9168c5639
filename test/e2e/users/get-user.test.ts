// GetUser and GetCurrentUser end to end: the caller by default, another user of the customer with
// their role, scope, client links, and refusals, over SOAP and REST.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROLE, USER_FIELDS } from '../../support/account-xml.js';
import { useAccountsWorld, type Demo, type SoapTenant } from '../../support/accounts-world.js';
import { ENT, soap, type RestResult, type SoapCredentials } from '../../support/clients.js';
import type { TestTenant } from '../../support/fixtures.js';
import { expectRestFault, V13 } from '../../support/rest-assert.js';
import { conform, CUSTOMER_ROLE, USER } from '../../support/rest-shapes.js';
import type { RunningServer } from '../../support/server.js';
import {
  assertNilsAndNamespaces, assertTrackingId, childEl, expectFault, expectOk, must, timeStampVersion, value, type XmlElement,
} from '../../support/soap-assert.js';
import type { Store } from '../../../src/store/store.js';

const world = useAccountsWorld();
const { newTenant, newUser, call } = world;
let server: RunningServer;
let store: Store;
let admin: SoapCredentials;
let demo: Demo;
let T: TestTenant;
let O: TestTenant;
before(async () => { await world.started(); ({ server, store, admin, demo, T, O } = world); });

describe('SOAP GetUser and GetCurrentUser', () => {
  function assertUserShape(user: XmlElement): void {
    const expected = USER_FIELDS.filter((f) => f.opts.emitDefault !== false).map((f) => f.name);
    assert.deepEqual(user.children.map((c) => c.local), expected);
    assertNilsAndNamespaces(user, ENT);
    assert.equal(value(user, 'Password'), null, 'the password is never returned');
  }

  it('UserId nil returns the caller, with a Super Admin CustomerRole (RoleId 41) on their customer', async () => {
    const r = await soap(server.soapUrl, 'GetUser', '<UserId i:nil="true"/>', admin);
    assertTrackingId(r);
    const res = expectOk(r, 'GetUser');
    assert.deepEqual(res.children.map((c) => c.local), ['User', 'CustomerRoles']);
    const user = must(childEl(res, 'User'), 'User');
    assertUserShape(user);
    const rec = (await store.getUser(demo.user.id))!;
    assert.equal(value(user, 'Id'), String(rec.id));
    assert.equal(value(user, 'UserName'), rec.userName);
    assert.equal(value(user, 'CustomerId'), String(rec.customerId));
    assert.equal(value(user, 'UserLifeCycleStatus'), rec.lifeCycleStatus);
    assert.equal(timeStampVersion(value(user, 'TimeStamp')!), rec.version);
    const name = must(childEl(user, 'Name'), 'Name');
    assert.equal(value(name, 'FirstName'), rec.firstName);
    assert.equal(value(name, 'LastName'), rec.lastName);

    const roles = must(childEl(res, 'CustomerRoles'), 'CustomerRoles').children;
    assert.equal(roles.length, 1);
    const role = roles[0]!;
    assert.equal(role.local, 'CustomerRole');
    assert.deepEqual(role.children.map((c) => c.local), ['RoleId', 'CustomerId', 'AccountIds', 'LinkedAccountIds', 'CustomerLinkPermission']);
    assert.equal(value(role, 'RoleId'), '41');
    assert.equal(value(role, 'CustomerId'), String(demo.customerId));
    assert.equal(value(role, 'AccountIds'), null, 'no AccountIds for customer-level access');

    // UserId omitted altogether is the same.
    const omitted = expectOk(await soap(server.soapUrl, 'GetUser', '', admin), 'GetUser');
    assert.equal(value(must(childEl(omitted, 'User'), 'User'), 'Id'), String(rec.id));
  });

  it('a Super Admin sees another user of the same customer, with that user\'s role', async () => {
    const standard = await newUser(demo.customerId, ROLE.StandardUser);
    const res = expectOk(await soap(server.soapUrl, 'GetUser', `<UserId>${standard.user.id}</UserId>`, admin), 'GetUser');
    const user = must(childEl(res, 'User'), 'User');
    assertUserShape(user);
    assert.equal(value(user, 'Id'), String(standard.user.id));
    assert.equal(value(user, 'UserName'), standard.user.userName);
    const roles = must(childEl(res, 'CustomerRoles'), 'CustomerRoles').children;
    assert.deepEqual(roles.map((r) => [value(r, 'RoleId'), value(r, 'CustomerId')]), [['203', String(demo.customerId)]]);

    // A user restricted to some accounts shows them in AccountIds.
    const scoped = await newUser(demo.customerId, ROLE.StandardUser, [demo.account.id]);
    const res2 = expectOk(await soap(server.soapUrl, 'GetUser', `<UserId>${scoped.user.id}</UserId>`, admin), 'GetUser');
    const role = must(childEl(res2, 'CustomerRoles'), 'CustomerRoles').children[0]!;
    assert.deepEqual(must(childEl(role, 'AccountIds'), 'AccountIds').children.map((c) => c.text), [String(demo.account.id)]);
  });

  it('a user of another tenant is refused with 106', async () => {
    const other = await newTenant('Stranger');
    const r = await soap(server.soapUrl, 'GetUser', `<UserId>${other.user.id}</UserId>`, admin);
    expectFault(r, 106, 'AdApiFaultDetail');
    assert.ok(!r.text.includes(other.user.userName));
  });

  it('a Viewer cannot see the other users of the customer (106), only themselves', async () => {
    const viewer = await newUser(demo.customerId, ROLE.Viewer);
    expectFault(await soap(server.soapUrl, 'GetUser', `<UserId>${demo.user.id}</UserId>`, viewer.creds), 106, 'AdApiFaultDetail');
    const self = expectOk(await soap(server.soapUrl, 'GetUser', `<UserId>${viewer.user.id}</UserId>`, viewer.creds), 'GetUser');
    const role = must(childEl(self, 'CustomerRoles'), 'CustomerRoles').children[0]!;
    assert.equal(value(role, 'RoleId'), '100');
  });

  it('GetCurrentUser returns the caller and no roles', async () => {
    const r = await soap(server.soapUrl, 'GetCurrentUser', '', admin);
    assertTrackingId(r);
    const res = expectOk(r, 'GetCurrentUser');
    assert.deepEqual(res.children.map((c) => c.local), ['User']);
    const user = must(childEl(res, 'User'), 'User');
    assertUserShape(user);
    assert.equal(value(user, 'Id'), String(demo.user.id));

    const standard = await newUser(demo.customerId, ROLE.StandardUser);
    const res2 = expectOk(await soap(server.soapUrl, 'GetCurrentUser', '', standard.creds), 'GetCurrentUser');
    assert.equal(value(must(childEl(res2, 'User'), 'User'), 'Id'), String(standard.user.id));
    assert.equal(value(must(childEl(res2, 'User'), 'User'), 'UserName'), standard.user.userName);
  });
});

describe('SOAP GetUser with client links', () => {
  let agency: SoapTenant;
  let client: SoapTenant;

  before(async () => {
    ({ agency, client } = await world.linkedAgency());
  });

  it('lists the agency role\'s linked client accounts in LinkedAccountIds', async () => {
    const res = expectOk(await soap(server.soapUrl, 'GetUser', '<UserId i:nil="true"/>', agency.creds), 'GetUser');
    const roles = must(childEl(res, 'CustomerRoles'), 'CustomerRoles').children;
    assert.equal(roles.length, 1);
    const linked = must(childEl(roles[0]!, 'LinkedAccountIds'), 'LinkedAccountIds');
    assert.deepEqual(linked.children.map((c) => c.text), [String(client.account.id)]);
    assert.equal(linked.children[0]!.local, 'long');
    assert.equal(linked.children[0]!.uri, 'http://schemas.microsoft.com/2003/10/Serialization/Arrays');
  });
});

// ------------------------------------------------------------------------------------------------
describe('REST GetUser (POST /User/Query) and GetCurrentUser (POST /CurrentUser/Query)', () => {
  async function expectSelf(res: RestResult): Promise<void> {
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body).sort(), ['CustomerRoles', 'User']);
    conform(res.body.User, USER, 'User');
    conform(res.body.CustomerRoles, { list: CUSTOMER_ROLE }, 'CustomerRoles');
    const user = res.body.User as Record<string, unknown>;
    const stored = (await store.getUser(T.user.id))!;
    assert.equal(user.Id, stored.id.toString());
    assert.equal(user.CustomerId, stored.customerId.toString());
    assert.equal(user.UserName, stored.userName);
    assert.equal((user.Name as Record<string, unknown>).FirstName, stored.firstName);
    assert.equal((user.ContactInfo as Record<string, unknown>).Email, stored.contactInfo?.email);
    assert.equal(user.UserLifeCycleStatus, 'Active');
    assert.ok(!('Password' in user), 'the password is never returned');
    assert.deepEqual(res.body.CustomerRoles, [{ RoleId: 41, CustomerId: T.customer.id.toString() }]);
  }

  it('{"UserId": null} (what the Python SDK sends) returns the authenticated user and roles', async () => {
    await expectSelf(await call('POST', `${V13}/User/Query`, { UserId: null }));
  });

  it('an empty body, and the own UserId as string or number, return the same', async () => {
    await expectSelf(await call('POST', `${V13}/User/Query`, {}));
    await expectSelf(await call('POST', `${V13}/User/Query`, { UserId: T.user.id.toString() }));
    await expectSelf(await call('POST', `${V13}/User/Query`, { UserId: Number(T.user.id) }));
  });

  it('a user of another customer → 403 106', async () => {
    const res = await call('POST', `${V13}/User/Query`, { UserId: O.user.id.toString() });
    expectRestFault(res, 403, 'AdApiFaultDetail', 106);
    assert.ok(!res.text.includes(O.user.userName));
  });

  it('GetCurrentUser returns {User} only, the same User as GetUser', async () => {
    const current = await call('POST', `${V13}/CurrentUser/Query`, {});
    assert.equal(current.status, 200, current.text);
    assert.deepEqual(Object.keys(current.body), ['User']);
    conform(current.body.User, USER, 'User');
    const viaGetUser = await call('POST', `${V13}/User/Query`, { UserId: null });
    assert.deepEqual(current.body.User, viaGetUser.body.User);
  });
});
