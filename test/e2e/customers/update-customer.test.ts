// UpdateCustomer end to end over REST and SOAP: a full overwrite of Name and Industry by a Super
// Admin or Aggregator of the customer (or of its agency), read-only fields kept, and every refusal
// with what was (not) stored (docs/behaviour.md "Customers", docs/errors.md).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CustomerRecord } from '../../../src/store/records.js';
import { expectOk, value, xmlEscape } from '../../support/soap-assert.js';
import { uniqueName } from '../../support/names.js';
import { ROLES, timeStampOf, useCustomersWorld } from '../../support/customers-world.js';
import type { TestTenant } from '../../support/fixtures.js';

const world = useCustomersWorld();

type Fields = Record<string, string>;
const json = (fields: Fields): unknown => ({ Customer: fields });
const xml = (fields: Fields): string =>
  `<Customer>${Object.entries(fields).map(([k, v]) => `<e:${k}>${xmlEscape(v)}</e:${k}>`).join('')}</Customer>`;
/** A complete Customer as GetCustomer would hand it back, with changes. */
const fieldsOf = (c: CustomerRecord, over: Fields = {}): Fields => ({
  Id: c.id.toString(), Industry: 'Technology', Name: uniqueName('Renamed'), TimeStamp: timeStampOf(c), ...over,
});

/** Refused on both faces with `code`; the customer is unchanged. */
async function refusedUnchanged(t: TestTenant, fields: Fields, token: string, code: number): Promise<void> {
  const before = await world.customer(t.customer.id);
  await world.refused('UpdateCustomer', json(fields), xml(fields), token, code);
  assert.deepEqual(await world.customer(t.customer.id), before, 'nothing stored');
}

describe('UpdateCustomer', () => {
  it('REST: a Super Admin overwrites Name and Industry; LastModifiedTime returned; TimeStamp and audit fields move', async () => {
    const t = await world.newTenant('Update');
    const before = await world.customer(t.customer.id);
    const name = uniqueName('Émile Overwritten');
    const r = await world.faces.rest('UpdateCustomer', json(fieldsOf(before, { Name: `  ${name} `, Industry: 'Retail' })), t.token);
    assert.equal(r.status, 200, r.text);
    const after = await world.customer(t.customer.id);
    assert.equal(after.name, name, 'trimmed');
    assert.equal(after.industry, 'Retail');
    assert.equal(after.version, before.version + 1n);
    assert.equal(after.lastModifiedByUserId, t.user.id);
    assert.equal(r.body.LastModifiedTime, after.lastModifiedTime.toISOString());
    assert.ok(after.lastModifiedTime > before.lastModifiedTime);
  });

  it('SOAP: the same overwrite; MarketCountry, MarketLanguage, ServiceLevel, Number and status sent are ignored', async () => {
    const t = await world.newTenant('Update soap');
    const before = await world.customer(t.customer.id);
    const fields = fieldsOf(before, {
      MarketCountry: 'DE', MarketLanguage: 'German', ServiceLevel: 'Premium', Number: 'ZZZZZZZZZZ', CustomerLifeCycleStatus: 'Inactive',
    });
    const res = expectOk(await world.faces.soap('UpdateCustomer', xml(fields), t.token), 'UpdateCustomer');
    const after = await world.customer(t.customer.id);
    assert.equal(after.name, fields.Name);
    assert.equal(after.industry, 'Technology');
    assert.deepEqual(
      [after.marketCountry, after.marketLanguage, after.serviceLevel, after.number, after.lifeCycleStatus],
      [before.marketCountry, before.marketLanguage, before.serviceLevel, before.number, before.lifeCycleStatus]);
    assert.equal(Date.parse(value(res, 'LastModifiedTime')!), after.lastModifiedTime.getTime());
  });

  it('SOAP: a suds-style Customer, every unset element empty (<e:CustomerAddress/>, <e:ServiceLevel/> …), is accepted', async () => {
    const t = await world.newTenant('Suds');
    const before = await world.customer(t.customer.id);
    const name = uniqueName('Suds');
    const empties = ['CustomerFinancialStatus', 'LastModifiedByUserId', 'LastModifiedTime', 'MarketCountry', 'ForwardCompatibilityMap',
      'MarketLanguage', 'ServiceLevel', 'CustomerLifeCycleStatus', 'Number', 'CustomerAddress'].map((e) => `<e:${e}/>`).join('');
    const inner = `<Customer><e:Id>${t.customer.id}</e:Id><e:Industry>Education</e:Industry><e:Name>${name}</e:Name>`
      + `<e:TimeStamp>${timeStampOf(before)}</e:TimeStamp>${empties}</Customer>`;
    expectOk(await world.faces.soap('UpdateCustomer', inner, t.token), 'UpdateCustomer');
    const after = await world.customer(t.customer.id);
    assert.deepEqual([after.name, after.industry, after.marketCountry, after.serviceLevel], [name, 'Education', before.marketCountry, before.serviceLevel]);
  });

  it('an Aggregator of the customer, and the agency\'s Super Admin through its customer link, may update', async () => {
    const { C, A } = world;
    const aggregator = await world.newUser(C.customer.id, ROLES.Aggregator);
    for (const token of [aggregator.token, A.token]) {
      const current = await world.customer(C.customer.id);
      const fields = fieldsOf(current);
      const r = await world.faces.rest('UpdateCustomer', json(fields), token);
      assert.equal(r.status, 200, r.text);
      assert.equal((await world.customer(C.customer.id)).name, fields.Name);
    }
  });

  it('Viewer, Standard User, Advertiser Campaign Manager of the customer → 106, nothing stored', async () => {
    const t = await world.newTenant('Roles');
    for (const [role, accounts] of [[ROLES.Viewer, null], [ROLES.StandardUser, null], [ROLES.AdvertiserCampaignManager, [t.account.id]]] as const) {
      const u = await world.newUser(t.customer.id, role, accounts ? [...accounts] : null);
      await refusedUnchanged(t, fieldsOf(await world.customer(t.customer.id)), u.token, 106);
    }
  });

  it('another tenant\'s customer and an unknown id → 106, before any validation', async () => {
    const { O, C } = world;
    await refusedUnchanged(O, fieldsOf(await world.customer(O.customer.id), { Name: '' }), C.token, 106);
    await world.refused('UpdateCustomer', json({ Id: '999999997', Name: 'x', Industry: 'Retail' }),
      xml({ Id: '999999997', Name: 'x', Industry: 'Retail' }), C.token, 106);
  });

  it('a null or absent Customer → 310', async () => {
    await world.refused('UpdateCustomer', { Customer: null }, '<Customer i:nil="true"/>', world.C.token, 310);
    await world.refused('UpdateCustomer', {}, '', world.C.token, 310);
  });

  it('Customer.Id missing → 203', async () => {
    await world.refused('UpdateCustomer', json({ Name: 'x', Industry: 'Retail' }), xml({ Name: 'x', Industry: 'Retail' }), world.C.token, 203);
  });

  it('TimeStamp missing → 203; stale → 209; nothing stored', async () => {
    const t = await world.newTenant('Stamp');
    const current = await world.customer(t.customer.id);
    const { TimeStamp: _omit, ...noStamp } = fieldsOf(current);
    await refusedUnchanged(t, noStamp, t.token, 203);
    await refusedUnchanged(t, fieldsOf(current, { TimeStamp: timeStampOf({ version: current.version + 5n }) }), t.token, 209);
  });

  it('Name: missing → 203, over 90 characters → 211, exactly 90 is accepted', async () => {
    const t = await world.newTenant('Name');
    const current = await world.customer(t.customer.id);
    const { Name: _omit, ...noName } = fieldsOf(current);
    await refusedUnchanged(t, noName, t.token, 203);
    await refusedUnchanged(t, fieldsOf(current, { Name: 'é'.repeat(91) }), t.token, 211);
    const ok = await world.faces.rest('UpdateCustomer', json(fieldsOf(current, { Name: 'é'.repeat(90) })), t.token);
    assert.equal(ok.status, 200, ok.text);
    assert.equal((await world.customer(t.customer.id)).name, 'é'.repeat(90));
  });

  it('Industry missing → 203', async () => {
    const t = await world.newTenant('Industry');
    const { Industry: _omit, ...noIndustry } = fieldsOf(await world.customer(t.customer.id));
    await refusedUnchanged(t, noIndustry, t.token, 203);
  });

  it('a deleted customer → 210', async () => {
    const t = await world.newTenant('Gone');
    await world.store.deleteCustomer(t.customer.id, t.customer.version, world.M.user.id);
    await refusedUnchanged(t, fieldsOf(await world.customer(t.customer.id)), t.token, 210);
  });
});
