// AdvertiserAccount rules shared by AddAccount and UpdateAccount (reference §2.1): plain rules,
// no server — the store is a stand-in holding only what each rule reads.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  accountName, checkPaymentMethod, checkPrimaryUser, DEFAULT_AUTO_TAG, DEFAULT_TIME_ZONE, taxInformation,
} from '../../src/domain/accounts/account-rules.js';
import type { Store } from '../../src/store/store.js';
import { assertFault, assertFaultAsync } from '../support/domain-errors.js';

type Account = Parameters<typeof accountName>[0];
const account = (over: Record<string, unknown>): Account => over as Account;
const kv = (key: string, value: string | null) => ({ key, value });

/** Only the store reads the payment-method and primary-user rules make. */
function storeWith(options: {
  paymentMethods?: Array<{ id: bigint; customerId: bigint }>;
  roles?: Array<{ userId: bigint; roleId: number; accountIds: bigint[] | null }>;
}): Store {
  const fake: Pick<Store, 'getPaymentMethod' | 'listCustomerRoles'> = {
    getPaymentMethod: async (id) => (options.paymentMethods ?? []).find((m) => m.id === id) as Awaited<ReturnType<Store['getPaymentMethod']>> ?? null,
    listCustomerRoles: async () => (options.roles ?? []) as Awaited<ReturnType<Store['listCustomerRoles']>>,
  };
  return fake as Store;
}

describe('AdvertiserAccount rules', () => {
  it('Name is required (NullParameter)', () => {
    assertFault(() => accountName(account({})), 'NullParameter');
    assertFault(() => accountName(account({ Name: '   ' })), 'NullParameter');
  });

  it('Name is between 3 and 100 characters: shorter is InvalidParameter, longer NameTooLong', () => {
    assertFault(() => accountName(account({ Name: 'ab' })), 'InvalidParameter');
    assertFault(() => accountName(account({ Name: 'n'.repeat(101) })), 'NameTooLong');
    assert.equal(accountName(account({ Name: 'abc' })), 'abc');
    assert.equal(accountName(account({ Name: 'n'.repeat(100) })), 'n'.repeat(100));
  });

  it('Name is trimmed before its length is checked', () => {
    assert.equal(accountName(account({ Name: '  Contoso  ' })), 'Contoso');
    assertFault(() => accountName(account({ Name: '  ab  ' })), 'InvalidParameter');
  });

  it('TimeZone and AutoTagType default to PacificTimeUSCanadaTijuana and Inactive', () => {
    assert.equal(DEFAULT_TIME_ZONE, 'PacificTimeUSCanadaTijuana');
    assert.equal(DEFAULT_AUTO_TAG, 'Inactive');
  });

  it('TaxInformation keeps the documented keys and refuses unknown or repeated ones', () => {
    assert.equal(taxInformation(account({})), null);
    assert.equal(taxInformation(account({ TaxInformation: [] })), null);
    assert.deepEqual(taxInformation(account({ TaxInformation: [kv('VATNumber', 'GB123456789')] })), [kv('VATNumber', 'GB123456789')]);
    assertFault(() => taxInformation(account({ TaxInformation: [kv('Bogus', '1')] })), 'InvalidParameter');
    assertFault(() => taxInformation(account({ TaxInformation: [kv('CPF', '1'), kv('CPF', '2')] })), 'InvalidParameter');
  });

  it('an empty TaxInformation value removes its key', () => {
    assert.deepEqual(taxInformation(account({ TaxInformation: [kv('CPF', ''), kv('CNPJ', '12')] })), [kv('CNPJ', '12')]);
    assert.equal(taxInformation(account({ TaxInformation: [kv('CPF', null)] })), null);
  });

  it('PaymentMethodId must be a payment method of the account\'s customer', async () => {
    const store = storeWith({ paymentMethods: [{ id: 5n, customerId: 1n }] });
    assert.equal(await checkPaymentMethod(store, 5n, 1n), 5n);
    assert.equal(await checkPaymentMethod(store, null, 1n), null, 'no payment method: a Draft account');
    assert.equal(await checkPaymentMethod(store, undefined, 1n), null);
    await assertFaultAsync(checkPaymentMethod(store, 5n, 2n), 'InvalidParameter');
    await assertFaultAsync(checkPaymentMethod(store, 6n, 1n), 'InvalidParameter');
  });

  it('PrimaryUserId must be a customer-level Super Admin or Standard User of the customer', async () => {
    const store = storeWith({
      roles: [
        { userId: 1n, roleId: 41, accountIds: null }, { userId: 2n, roleId: 203, accountIds: null },
        { userId: 3n, roleId: 100, accountIds: null }, { userId: 4n, roleId: 203, accountIds: [9n] },
        { userId: 5n, roleId: 16, accountIds: null },
      ],
    });
    assert.equal(await checkPrimaryUser(store, 1n, 1n), 1n);
    assert.equal(await checkPrimaryUser(store, 2n, 1n), 2n);
    assert.equal(await checkPrimaryUser(store, null, 1n), null);
    for (const id of [3n, 4n, 5n, 99n]) await assertFaultAsync(checkPrimaryUser(store, id, 1n), 'InvalidParameter');
  });
});
