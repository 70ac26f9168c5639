// Record builders and assertions shared by the store contract sections.
import assert from 'node:assert/strict';
import { StoreConflict, type Store } from '../../../src/store/store.js';
import type {
  AccountRecord, AddressRecord, ContactInfoRecord, CustomerRecord, NewAccount, NewCustomer, NewUser, UserRecord,
} from '../../../src/store/records.js';

/** 2^53 + 1: the first integer a JS number cannot hold. */
export const BIG = 9007199254740993n;

/** The store is opened once per suite; `ctx.store` is set by the suite's before(). */
export interface Ctx {
  store: Store;
}

let counter = 0;
const run = Math.random().toString(36).slice(2, 8);
/** A value unique within this process and unlikely to collide with a previous run. */
export function uniq(prefix: string): string {
  counter += 1;
  return `${prefix}${run}${counter}`;
}

export function address(id: bigint, over: Partial<AddressRecord> = {}): AddressRecord {
  return {
    id, businessName: 'Contoso Ltd', line1: '1 Main St', line2: 'Suite 2', line3: null, line4: 'c/o "Ops"',
    city: 'Redmond', stateOrProvince: 'WA', postalCode: '98052', countryCode: 'US', ...over,
  };
}

export function contactInfo(id: bigint, over: Partial<ContactInfoRecord> = {}): ContactInfoRecord {
  return {
    id, email: 'ops@example.com', emailFormat: 'Html', phone1: '+1 425 555 0100', phone2: null, mobile: '555',
    homePhone: null, fax: null, contactByPhone: true, contactByPostalMail: false, address: address(id + 1n), ...over,
  };
}

export function newCustomer(over: Partial<NewCustomer> = {}): NewCustomer {
  return {
    number: uniq('C'), name: uniq('Customer '), industry: 'Entertainment', marketCountry: 'US',
    marketLanguage: 'English', financialStatus: 'ClearFinancialStatus', lifeCycleStatus: 'Active',
    serviceLevel: 'SelfServe', address: address(BIG), isAgency: false, lastModifiedByUserId: BIG + 10n, ...over,
  };
}

export function newAccount(customerId: bigint, over: Partial<NewAccount> = {}): NewAccount {
  return {
    customerId, number: uniq('F'), name: uniq('Account '), currencyCode: 'USD', financialStatus: 'ClearFinancialStatus',
    language: 'English', lifeCycleStatus: 'Active', pauseReason: null, paymentMethodId: BIG,
    billToCustomerId: customerId, primaryUserId: BIG + 2n, timeZone: 'PacificTimeUSCanadaTijuana',
    autoTagType: 'Inactive', salesHouseCustomerId: BIG + 4n, backUpPaymentInstrumentId: BIG + 6n,
    billingThresholdAmount: '12345678901234567890.123456789', soldToPaymentInstrumentId: BIG + 8n,
    accountMode: 'Expert', businessAddress: address(BIG + 12n),
    taxInformation: [{ key: 'VatNumber', value: 'DE123' }, { key: null, value: null }], lastModifiedByUserId: BIG + 14n,
    ...over,
  };
}

export const NULL_ACCOUNT_FIELDS = {
  financialStatus: null, language: null, pauseReason: null, paymentMethodId: null, billToCustomerId: null,
  primaryUserId: null, timeZone: null, autoTagType: null, salesHouseCustomerId: null, backUpPaymentInstrumentId: null,
  billingThresholdAmount: null, soldToPaymentInstrumentId: null, accountMode: null, businessAddress: null,
  taxInformation: null, lastModifiedByUserId: null,
} satisfies Partial<NewAccount>;

export function newUser(customerId: bigint, over: Partial<NewUser> = {}): NewUser {
  return {
    customerId, userName: uniq('user.'), firstName: 'Ada', lastName: 'Lovelace', middleInitial: 'B',
    jobTitle: 'Analyst', lcid: 'EnglishUS', contactInfo: contactInfo(BIG + 20n), lifeCycleStatus: 'Active',
    passwordHash: 'scrypt$abc$def', lastModifiedByUserId: BIG + 30n, ...over,
  };
}

export async function customer(ctx: Ctx, over: Partial<NewCustomer> = {}): Promise<CustomerRecord> {
  return ctx.store.insertCustomer(newCustomer(over));
}

export async function account(ctx: Ctx, customerId: bigint, over: Partial<NewAccount> = {}): Promise<AccountRecord> {
  return ctx.store.insertAccount(newAccount(customerId, over));
}

export async function user(ctx: Ctx, customerId: bigint, over: Partial<NewUser> = {}): Promise<UserRecord> {
  return ctx.store.insertUser(newUser(customerId, over));
}

/** One account of mixedReach: the first letter of its key names its customer. */
export type ReachAccount = readonly [key: string, over: Partial<NewAccount>];

export interface MixedReach {
  user: UserRecord;
  customers: Record<string, CustomerRecord>;
  accounts: Record<string, AccountRecord>;
}

/**
 * A user whose reach mixes whole customers and single accounts: x, the user's customer (a
 * whole-customer role); w, reached whole down a customer link from x; of y only y1, through an
 * account-level role; of z only z1, through an account link from x; any other letter is out of
 * reach. Customers are made first, in the order their letters first appear, then the accounts.
 */
export async function mixedReach(ctx: Ctx, rows: readonly ReachAccount[]): Promise<MixedReach> {
  const customers: Record<string, CustomerRecord> = {};
  for (const [key] of rows) customers[key[0]!] ??= await customer(ctx);
  const accounts: Record<string, AccountRecord> = {};
  for (const [key, over] of rows) accounts[key] = await account(ctx, customers[key[0]!]!.id, over);
  const { x, w, y } = customers;
  const reacher = await user(ctx, x!.id);
  await ctx.store.putUserRole({ userId: reacher.id, customerId: x!.id, roleId: 41, accountIds: null });
  await ctx.store.putUserRole({ userId: reacher.id, customerId: y!.id, roleId: 41, accountIds: [accounts.y1!.id] });
  const link = { status: 'Active', name: null, note: null, isBillToClient: false, startDate: null, inviterEmail: null,
    inviterName: null, inviterPhone: null, customerLinkPermission: null, suppressNotification: true, lastModifiedByUserId: null } as const;
  await ctx.store.insertClientLink({ ...link, type: 'CustomerLink', clientEntityId: w!.id, managingCustomerId: x!.id });
  await ctx.store.insertClientLink({ ...link, type: 'AccountLink', clientEntityId: accounts.z1!.id, managingCustomerId: x!.id });
  return { user: reacher, customers, accounts };
}

export async function rejectsConflict(p: Promise<unknown>, what: StoreConflict['what']): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof StoreConflict, `expected StoreConflict, got ${String(err)}`);
    assert.equal(err.what, what);
    return true;
  });
}

/** Checks the audit fields the store sets on insert. */
export function assertFresh(rec: { id: bigint; version: bigint; createdTime: Date; lastModifiedTime: Date }, minId: bigint): void {
  assert.equal(typeof rec.id, 'bigint');
  assert.ok(rec.id >= minId, `id ${rec.id} below ${minId}`);
  assert.equal(rec.version, 1n);
  assert.ok(rec.createdTime instanceof Date);
  assert.equal(rec.createdTime.getTime(), rec.lastModifiedTime.getTime());
  assert.ok(Math.abs(rec.createdTime.getTime() - Date.now()) < 60_000, 'createdTime is now');
}

/** Drops the store-set fields so an inserted record can be compared with its input. */
export function inputOf<T extends { id: bigint; version: bigint; createdTime: Date; lastModifiedTime: Date }>(
  rec: T,
): Omit<T, 'id' | 'version' | 'createdTime' | 'lastModifiedTime'> {
  const { id: _id, version: _v, createdTime: _c, lastModifiedTime: _m, ...rest } = rec;
  return rest;
}
