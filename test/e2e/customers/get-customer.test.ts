// GetCustomer and GetAccessibleCustomer end to end over REST and SOAP: every element written,
// reach through own roles and the agency hierarchy, 106 for everything else (unknown ids too),
// deleted customers returned as Inactive (docs/behaviour.md "Customers").
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { types } from '../../../src/contract/types.js';
import { ENT } from '../../support/clients.js';
import { insertClientLink } from '../../support/fixtures.js';
import { assertNilsAndNamespaces, childEl, expectOk, must, timeStampVersion, value } from '../../support/soap-assert.js';
import { ROLES, timeStampOf, useCustomersWorld, type BothFaces } from '../../support/customers-world.js';
import type { CustomerRecord } from '../../../src/store/records.js';

const world = useCustomersWorld();
const CUSTOMER_FIELDS = types.Customer.fields.map((f) => f.name);
const get = (id: bigint | string, token: string): Promise<BothFaces> =>
  world.both('GetCustomer', { CustomerId: id.toString() }, `<CustomerId>${id}</CustomerId>`, token);

/** Both faces return the stored customer, every element present (SOAP: nils written). */
function assertCustomer(r: BothFaces, rec: CustomerRecord, op = 'GetCustomer', element = 'Customer'): void {
  assert.equal(r.rest.status, 200, r.rest.text);
  const json = r.rest.body[element] as Record<string, unknown>;
  assert.equal(json.Id, rec.id.toString());
  assert.equal(json.Name, rec.name);
  assert.equal(json.Number, rec.number);
  assert.equal(json.CustomerLifeCycleStatus, rec.lifeCycleStatus);
  assert.equal(json.MarketCountry, rec.marketCountry);
  assert.equal(json.MarketLanguage, rec.marketLanguage);
  assert.equal(json.Industry, rec.industry);
  assert.equal(json.TimeStamp, timeStampOf(rec));
  assert.equal(json.ForwardCompatibilityMap, undefined, 'nulls are left out of REST responses');

  const c = must(childEl(expectOk(r.soap, op), element), element);
  assert.deepEqual(c.children.map((e) => e.local), CUSTOMER_FIELDS, 'every Customer element, in WSDL order');
  assertNilsAndNamespaces(c, ENT);
  assert.equal(value(c, 'Id'), rec.id.toString());
  assert.equal(value(c, 'Name'), rec.name);
  assert.equal(value(c, 'Number'), rec.number);
  assert.equal(value(c, 'CustomerLifeCycleStatus'), rec.lifeCycleStatus);
  assert.equal(value(c, 'ForwardCompatibilityMap'), null);
  assert.equal(timeStampVersion(value(c, 'TimeStamp')!), rec.version);
}

describe('GetCustomer', () => {
  before(() => world.started());

  it('a Super Admin gets their own customer, every field, number of ten upper-case alphanumerics', async () => {
    const rec = await world.customer(world.C.customer.id);
    assert.match(rec.number, /^[A-Z][A-Z0-9]{9}$/);
    assertCustomer(await get(rec.id, world.C.token), rec);
  });

  it('every role of the customer reaches it, an account-restricted one too', async () => {
    const { C } = world;
    for (const [role, accounts] of [[ROLES.Viewer, null], [ROLES.StandardUser, null], [ROLES.AdvertiserCampaignManager, [C.account.id]]] as const) {
      const u = await world.newUser(C.customer.id, role, accounts ? [...accounts] : null);
      assertCustomer(await get(C.customer.id, u.token), await world.customer(C.customer.id));
    }
  });

  it('the agency reaches its client customer through an Active customer link', async () => {
    assertCustomer(await get(world.C.customer.id, world.A.token), await world.customer(world.C.customer.id));
  });

  it('a customer reached only through a pending link, or an account link, is 106', async () => {
    const agency = await world.newTenant('Pending agency');
    const client = await world.newTenant('Pending client');
    await insertClientLink(world.store, { type: 'CustomerLink', clientEntityId: client.customer.id, managingCustomerId: agency.customer.id, status: 'LinkPending' });
    await insertClientLink(world.store, { type: 'AccountLink', clientEntityId: client.account.id, managingCustomerId: agency.customer.id });
    await world.refused('GetCustomer', { CustomerId: client.customer.id.toString() }, `<CustomerId>${client.customer.id}</CustomerId>`, agency.token, 106);
  });

  it('another tenant\'s customer is 106, and so is an id that does not exist, with the same answer', async () => {
    const { O, C } = world;
    const other = await world.refused('GetCustomer', { CustomerId: O.customer.id.toString() }, `<CustomerId>${O.customer.id}</CustomerId>`, C.token, 106);
    const unknown = await world.refused('GetCustomer', { CustomerId: '999999999' }, '<CustomerId>999999999</CustomerId>', C.token, 106);
    assert.deepEqual((other.rest.body.Errors as unknown[]), unknown.rest.body.Errors, 'nothing tells the two apart');
    assert.ok(!other.rest.text.includes(O.customer.name) && !other.soap.text.includes(O.customer.name));
  });

  it('a deleted customer is returned with CustomerLifeCycleStatus Inactive', async () => {
    const t = await world.newTenant('Deleted');
    assert.ok(await world.store.deleteCustomer(t.customer.id, t.customer.version, world.M.user.id));
    const rec = await world.customer(t.customer.id);
    assert.equal(rec.lifeCycleStatus, 'Inactive');
    assertCustomer(await get(t.customer.id, t.token), rec);
  });
});

describe('GetAccessibleCustomer', () => {
  it('returns the reachable customer as GetCustomer does, with ValidFields the mask of its non-nil elements', async () => {
    const rec = await world.customer(world.C.customer.id);
    const r = await world.both('GetAccessibleCustomer', { CustomerId: rec.id.toString() }, `<CustomerId>${rec.id}</CustomerId>`, world.A.token);
    assertCustomer(r, rec, 'GetAccessibleCustomer', 'AccessibleCustomer');
    // Set: CustomerFinancialStatus 0, Id 1, Industry 2, LastModifiedTime 4, MarketCountry 5, MarketLanguage 7,
    // Name 8, ServiceLevel 9, CustomerLifeCycleStatus 10, TimeStamp 11, Number 12 (nil: 3, 6, 13).
    const expected = [0, 1, 2, 4, 5, 7, 8, 9, 10, 11, 12].reduce((m, b) => m | (1 << b), 0);
    assert.equal(rec.lastModifiedByUserId, null);
    assert.equal(r.rest.body.ValidFields, expected);
    assert.equal(value(expectOk(r.soap, 'GetAccessibleCustomer'), 'ValidFields'), String(expected));
  });

  it('a customer out of reach, or unknown, is 106', async () => {
    const { O, C } = world;
    await world.refused('GetAccessibleCustomer', { CustomerId: O.customer.id.toString() }, `<CustomerId>${O.customer.id}</CustomerId>`, C.token, 106);
    await world.refused('GetAccessibleCustomer', { CustomerId: '999999998' }, '<CustomerId>999999998</CustomerId>', C.token, 106);
  });
});
