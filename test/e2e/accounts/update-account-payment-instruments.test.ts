// UpdateAccount checks BackUpPaymentInstrumentId and SoldToPaymentInstrumentId as it checks
// PaymentMethodId: an id that is not a payment method of the account's customer (a negative id,
// another tenant's payment method) is 201 and nothing is stored; one of the customer's own is
// stored; the stored value sent back unchanged (GetAccount → UpdateAccount) is accepted.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../../src/store/store.js';
import { faces, faultCodes, restCodes, timeStampOf, type Faces } from '../../support/faces.js';
import { createTestTenant, type TestTenant } from '../../support/fixtures.js';
import { startServer, type RunningServer } from '../../support/server.js';

const FIELDS = ['BackUpPaymentInstrumentId', 'SoldToPaymentInstrumentId'] as const;

describe('UpdateAccount payment instruments', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let t: TestTenant;
  let other: TestTenant;

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    t = await createTestTenant(store, 'sandbox', 'Instruments');
    other = await createTestTenant(store, 'sandbox', 'Other instruments');
  });
  after(async () => { await server?.stop(); });

  async function update(face: 'REST' | 'SOAP', field: string, id: bigint): Promise<number[]> {
    const account = (await store.getAccount(t.account.id))!;
    if (face === 'REST') {
      const res = await call.rest('UpdateAccount', { Account: {
        Id: account.id.toString(), Name: account.name, ParentCustomerId: t.customer.id.toString(),
        TimeStamp: timeStampOf(account), [field]: id.toString(),
      } }, t.token);
      return res.status === 200 ? [] : restCodes(res);
    }
    // In WSDL order (both instrument fields come after TimeStamp); elements left out are allowed.
    const order = ['Id', 'Name', 'ParentCustomerId', 'TimeStamp', field];
    const values: Record<string, string> = {
      Id: account.id.toString(), Name: account.name, ParentCustomerId: t.customer.id.toString(),
      [field]: id.toString(), TimeStamp: timeStampOf(account),
    };
    const inner = order.map((k) => `<a:${k}>${values[k]}</a:${k}>`).join('');
    const res = await call.soap('UpdateAccount', `<Account xmlns:a="https://bingads.microsoft.com/Customer/v13/Entities">${inner}</Account>`, t.token);
    return res.status === 200 ? [] : faultCodes(res);
  }

  for (const field of FIELDS) {
    it(`${field}: not a payment method of the customer (negative, another tenant's) is 201 and nothing is stored; the customer's own is stored`, async () => {
      for (const face of ['REST', 'SOAP'] as const) {
        for (const bad of [-5n, other.paymentMethod.id]) {
          const before = (await store.getAccount(t.account.id))!;
          assert.deepEqual(await update(face, field, bad), [201], `${face} ${field}=${bad}`);
          assert.deepEqual(await store.getAccount(t.account.id), before, `${face}: nothing stored`);
        }
        const own = await store.insertPaymentMethod(t.customer.id, 'CreditCard');
        assert.deepEqual(await update(face, field, own.id), [], `${face}: own payment method`);
        const stored = (await store.getAccount(t.account.id))!;
        assert.equal(field === 'BackUpPaymentInstrumentId' ? stored.backUpPaymentInstrumentId : stored.soldToPaymentInstrumentId, own.id);
        assert.deepEqual(await update(face, field, own.id), [], `${face}: the stored value sent back`);
      }
    });
  }
});
