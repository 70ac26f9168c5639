// UpdateAccount and its optional fields (docs/behaviour.md "UpdateAccount and optional fields"):
// TaxInformation keys not sent are kept ("To remove a key and value pair, set the key and then set
// the value to an empty string"); TimeZone, AutoTagType, Language and PrimaryUserId left out or nil
// keep their values (no invented defaults); the payment fields left out are kept and nil clears them
// (the "full update" of services-protocol.md). SOAP nil and REST null mean the same, as do a SOAP
// element left out and a REST member left out.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountRecord } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';
import { faces, timeStampOf, type Faces } from '../../support/faces.js';
import { createTestTenant, type TestTenant } from '../../support/fixtures.js';
import { startServer, type RunningServer } from '../../support/server.js';

const KV = 'http://schemas.datacontract.org/2004/07/System.Collections.Generic';
const stamp = (a: AccountRecord): string => timeStampOf({ version: a.version } as Parameters<typeof timeStampOf>[0]);

describe('UpdateAccount keeps what is not sent', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let t: TestTenant;

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
  });
  after(async () => { await server?.stop(); });

  /** A fresh tenant whose account has every optional field set. */
  async function prepared(): Promise<AccountRecord> {
    t = await createTestTenant(store, 'sandbox', 'Optional');
    const a = t.account;
    const set = await store.updateAccount(a.id, a.version, {
      ...a, timeZone: 'OsakaSapporoTokyo', autoTagType: 'Replace', language: 'German', billingThresholdAmount: '50',
      taxInformation: [{ key: 'VATNumber', value: 'DE123' }, { key: 'IsIVAOrVATTaxPayer', value: 'true' }],
      lastModifiedTime: new Date(), lastModifiedByUserId: t.user.id,
    });
    return set!;
  }

  function assertKept(after: AccountRecord, before: AccountRecord, what: string): void {
    assert.deepEqual(
      [after.timeZone, after.autoTagType, after.language, after.primaryUserId],
      [before.timeZone, before.autoTagType, before.language, before.primaryUserId], what);
  }

  it('REST: TaxInformation merges by key ("" removes one, keys not sent are kept); members left out keep their values', async () => {
    const before = await prepared();
    const res = await call.rest('UpdateAccount', { Account: {
      Id: before.id.toString(), Name: before.name, ParentCustomerId: t.customer.id.toString(), TimeStamp: stamp(before),
      TaxInformation: [{ Key: 'VATNumber', Value: '' }, { Key: 'CPF', Value: '12345678909' }],
    } }, t.token);
    assert.equal(res.status, 200, res.text);
    const after = (await store.getAccount(before.id))!;
    assert.deepEqual(after.taxInformation, [{ key: 'IsIVAOrVATTaxPayer', value: 'true' }, { key: 'CPF', value: '12345678909' }]);
    assertKept(after, before, 'left out');
    assert.deepEqual([after.paymentMethodId, after.billingThresholdAmount], [before.paymentMethodId, '50']);
  });

  it('REST: null keeps TimeZone, AutoTagType, Language and PrimaryUserId, and clears the payment fields', async () => {
    const before = await prepared();
    const res = await call.rest('UpdateAccount', { Account: {
      Id: before.id.toString(), Name: before.name, ParentCustomerId: t.customer.id.toString(), TimeStamp: stamp(before),
      TimeZone: null, AutoTagType: null, Language: null, PrimaryUserId: null, PaymentMethodId: null, BillingThresholdAmount: null,
      TaxInformation: null,
    } }, t.token);
    assert.equal(res.status, 200, res.text);
    const after = (await store.getAccount(before.id))!;
    assertKept(after, before, 'null');
    assert.deepEqual([after.paymentMethodId, after.billingThresholdAmount, after.lifeCycleStatus], [null, null, 'Active']);
    assert.deepEqual(after.taxInformation, before.taxInformation);
  });

  it('SOAP: elements left out keep their values; an empty TaxInformation value removes that key only', async () => {
    const before = await prepared();
    const res = await call.soap('UpdateAccount', `<Account><e:Id>${before.id}</e:Id><e:Name>${before.name}</e:Name>`
      + `<e:ParentCustomerId>${t.customer.id}</e:ParentCustomerId><e:TimeStamp>${stamp(before)}</e:TimeStamp>`
      + `<e:TaxInformation><KeyValuePairOfstringstring xmlns="${KV}"><key>VATNumber</key><value></value></KeyValuePairOfstringstring></e:TaxInformation>`
      + '</Account>', t.token);
    assert.equal(res.status, 200, res.text);
    const after = (await store.getAccount(before.id))!;
    assert.deepEqual(after.taxInformation, [{ key: 'IsIVAOrVATTaxPayer', value: 'true' }]);
    assertKept(after, before, 'left out');
    assert.deepEqual([after.paymentMethodId, after.billingThresholdAmount], [before.paymentMethodId, '50']);
  });

  it('SOAP: i:nil keeps TimeZone, AutoTagType, Language and PrimaryUserId, and clears the payment fields, as REST null does', async () => {
    const before = await prepared();
    const res = await call.soap('UpdateAccount', `<Account><e:Id>${before.id}</e:Id><e:Language i:nil="true"/><e:Name>${before.name}</e:Name>`
      + `<e:ParentCustomerId>${t.customer.id}</e:ParentCustomerId><e:PaymentMethodId i:nil="true"/><e:PrimaryUserId i:nil="true"/>`
      + `<e:TimeStamp>${stamp(before)}</e:TimeStamp><e:TimeZone i:nil="true"/><e:TaxInformation i:nil="true"/>`
      + '<e:BillingThresholdAmount i:nil="true"/><e:AutoTagType i:nil="true"/></Account>', t.token);
    assert.equal(res.status, 200, res.text);
    const after = (await store.getAccount(before.id))!;
    assertKept(after, before, 'nil');
    assert.deepEqual([after.paymentMethodId, after.billingThresholdAmount], [null, null]);
    assert.deepEqual(after.taxInformation, before.taxInformation);
  });
});
