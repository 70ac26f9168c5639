// Validation shared by AddAccount and UpdateAccount (AdvertiserAccount, reference §2.1).
import type { Entity } from '../../contract/values.js';
import type { KeyValueRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { ApiError } from '../../contract/api-error.js';
import { Role } from '../roles.js';
import { typeLimits } from '../../contract/limits.js';

type Account = Entity<'AdvertiserAccount'>;

export const DEFAULT_TIME_ZONE = 'PacificTimeUSCanadaTijuana';
export const DEFAULT_AUTO_TAG = 'Inactive';
const TAX_KEYS = [
  'AUGSTNumber', 'CCM', 'CNPJ', 'CPF', 'GSTINNumber', 'GSTNumber', 'IsIVAOrVATTaxPayer',
  'IsWithholdingTaxExempted', 'NZGSTNumber', 'PanNumber', 'VATNumber',
];

export const ACCOUNT_NAME_MAX = typeLimits.AdvertiserAccount!.Name!.maxLength!;

/** "between 3 and 100 characters"; uniqueness within the customer is the store's index. */
export function accountName(account: Account): string {
  const name = account.Name?.trim();
  if (!name) throw new ApiError('NullParameter', 'Account.Name is required.');
  if (name.length > ACCOUNT_NAME_MAX) throw new ApiError('NameTooLong', `Account.Name must be at most ${ACCOUNT_NAME_MAX} characters.`);
  if (name.length < 3) throw new ApiError('InvalidParameter', `Account.Name must be between 3 and ${ACCOUNT_NAME_MAX} characters.`);
  return name;
}

/**
 * The payment method a new account of the customer is paid with: the one its existing accounts
 * use (the web application's "Add account" and sign-up make the account Active with it), or null.
 */
export async function customerPaymentMethod(store: Store, customerId: bigint): Promise<bigint | null> {
  const existing = await store.queryAccounts({ scope: { customerIds: [customerId], accountIds: [] }, customerId, limit: 50 });
  return existing.find((a) => a.paymentMethodId !== null)?.paymentMethodId ?? null;
}

export function taxInformation(account: Account): KeyValueRecord[] | null {
  const entries = account.TaxInformation;
  if (!entries || entries.length === 0) return null;
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = entry.key ?? '';
    if (!TAX_KEYS.includes(key) || seen.has(key)) {
      throw new ApiError('InvalidParameter', `Account.TaxInformation has an invalid or duplicate key '${key.slice(0, 40)}'.`);
    }
    seen.add(key);
  }
  // An empty value removes the key.
  const kept = entries.filter((e) => e.value !== null && e.value !== undefined && e.value !== '');
  return kept.length ? kept.map((e) => ({ key: e.key ?? null, value: e.value ?? null })) : null;
}

/**
 * UpdateAccount's TaxInformation: "To remove a key and value pair, set the key and then set the value
 * to an empty string" — so the keys sent are set (or removed, with ""), the keys not sent are kept,
 * and a TaxInformation left out or nil keeps them all.
 */
export function updatedTaxInformation(account: Account, current: readonly KeyValueRecord[] | null): KeyValueRecord[] | null {
  if (!account.TaxInformation || account.TaxInformation.length === 0) return current === null ? null : [...current];
  taxInformation(account); // the keys' checks
  const merged = new Map((current ?? []).map((e) => [e.key, e] as const));
  for (const entry of account.TaxInformation) {
    const key = entry.key ?? null;
    if (entry.value === null || entry.value === undefined || entry.value === '') merged.delete(key);
    else merged.set(key, { key, value: entry.value });
  }
  return merged.size ? [...merged.values()] : null;
}

/**
 * A payment method (or instrument: BackUpPaymentInstrumentId, SoldToPaymentInstrumentId) must be
 * one of the account's customer; a payment method takes the account out of Draft.
 */
export async function checkPaymentMethod(
  store: Store, id: bigint | null | undefined, customerId: bigint, field = 'PaymentMethodId',
): Promise<bigint | null> {
  if (id === undefined || id === null) return null;
  const method = await store.getPaymentMethod(id);
  if (!method || method.customerId !== customerId) {
    throw new ApiError('InvalidParameter', `Account.${field} is not a payment method of the customer.`);
  }
  return id;
}

/**
 * The primary user must be a Super Admin or Standard User of the customer — or a user of the
 * aggregator that manages the account (`managedBy`): SignupCustomer makes the aggregator user the
 * primary user of the account it creates, so that account must survive GetAccount → UpdateAccount.
 * The aggregator's Aggregator role (33) holds Super Admin's rights, so it counts there too.
 */
export async function checkPrimaryUser(
  store: Store, id: bigint | null | undefined, customerId: bigint, managedBy: bigint | null = null,
): Promise<bigint | null> {
  if (id === undefined || id === null) return null;
  const holds = async (customer: bigint, roles: readonly number[]): Promise<boolean> =>
    (await store.listCustomerRoles(customer)).some((r) => r.userId === id && r.accountIds === null && roles.includes(r.roleId));
  const ok = await holds(customerId, [Role.SuperAdmin, Role.StandardUser])
    || (managedBy !== null && await holds(managedBy, [Role.SuperAdmin, Role.StandardUser, Role.Aggregator]));
  if (!ok) {
    throw new ApiError('InvalidParameter', 'Account.PrimaryUserId must be a Super Admin or Standard User of the customer, or a user of the aggregator managing the account.');
  }
  return id;
}
