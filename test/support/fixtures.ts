// Fixture builders for the end-to-end tests: tenants, extra accounts, users with roles, client
// links and access tokens, written straight into the running server's store (the same store the
// server reads), so that tests can set up exactly the world they need and then talk HTTP to it.
import { randomUUID } from 'node:crypto';
import { uniqueName } from './names.js';
import { issueAccessToken } from '../../src/auth/issue-tokens.js';
import { newAccountNumber, newNestedId, retryOnNumber } from '../../src/domain/numbers.js';
import { createTenant, type Tenant } from '../../src/domain/tenants/create-tenant.js';
import type { AccountRecord, ClientLinkRecord, UserRecord } from '../../src/store/records.js';
import type { Store } from '../../src/store/store.js';

export type Env = 'sandbox' | 'production';

export interface TestTenant extends Tenant {
  /** An access token of the tenant's Super Admin. */
  token: string;
}

/** A customer with its first (Active) account, a payment method and a Super Admin user with a token. */
export async function createTestTenant(store: Store, environment: Env, label: string, options: { country?: string } = {}): Promise<TestTenant> {
  const tag = randomUUID().slice(0, 8);
  const tenant = await createTenant(store, {
    customerName: `${label} Customer ${tag}`,
    accountName: `${label} Account 1 ${tag}`,
    userName: `${label.toLowerCase().replace(/\W+/g, '-')}-admin-${tag}@example.test`,
    email: `${label.toLowerCase().replace(/\W+/g, '-')}-admin-${tag}@example.test`,
    firstName: label,
    lastName: 'Admin',
    passwordHash: null,
    ...(options.country ? { country: options.country } : {}),
  });
  return { ...tenant, token: await tokenFor(store, tenant.user.id, { environment }) };
}

/** An OAuth access token for the user, valid for the environment (or shaped by the options). */
export async function tokenFor(
  store: Store, userId: bigint,
  options: { environment?: Env; lifetimeSeconds?: number; scope?: string; now?: Date } = {},
): Promise<string> {
  const { environment = 'sandbox', ...shape } = options;
  return (await issueAccessToken(store, environment, userId, shape)).accessToken;
}

/** Another account of a customer, inserted directly (Active, paid by the given payment method). */
export async function insertTestAccount(store: Store, owner: { customerId: bigint; paymentMethodId: bigint | null; primaryUserId: bigint | null }, options: {
  name?: string; lifeCycleStatus?: AccountRecord['lifeCycleStatus']; pauseReason?: number | null; currencyCode?: AccountRecord['currencyCode'];
  /** A fixed number (e.g. a legacy Xnnnnnnn one) instead of a fresh one. */
  number?: string;
} = {}): Promise<AccountRecord> {
  return retryOnNumber('account_number', () => store.insertAccount({
    customerId: owner.customerId,
    number: options.number ?? newAccountNumber(),
    name: options.name ?? uniqueName('Extra Account'),
    currencyCode: options.currencyCode ?? 'USD',
    financialStatus: 'ClearFinancialStatus',
    language: 'English',
    lifeCycleStatus: options.lifeCycleStatus ?? 'Active',
    pauseReason: options.pauseReason ?? null,
    paymentMethodId: owner.paymentMethodId,
    billToCustomerId: owner.customerId,
    primaryUserId: owner.primaryUserId,
    timeZone: 'PacificTimeUSCanadaTijuana',
    autoTagType: 'Inactive',
    salesHouseCustomerId: null,
    backUpPaymentInstrumentId: null,
    billingThresholdAmount: null,
    soldToPaymentInstrumentId: null,
    accountMode: 'Expert',
    businessAddress: {
      id: newNestedId(),
      businessName: 'Fixture Business', line1: '2 Side Street', line2: null, line3: null, line4: null,
      city: 'Seattle', stateOrProvince: 'WA', postalCode: '98101', countryCode: 'US',
    },
    taxInformation: null,
    lastModifiedByUserId: owner.primaryUserId,
  }));
}

/** Another account of a customer, with no payment method, named uniquely. */
export function addTestAccount(store: Store, customerId: bigint, primaryUserId: bigint | null = null): Promise<AccountRecord> {
  return insertTestAccount(store, { customerId, paymentMethodId: null, primaryUserId }, { name: uniqueName('Account') });
}

export function ownerOf(tenant: Tenant): { customerId: bigint; paymentMethodId: bigint; primaryUserId: bigint } {
  return { customerId: tenant.customer.id, paymentMethodId: tenant.paymentMethod.id, primaryUserId: tenant.user.id };
}


export interface TestUser {
  user: UserRecord;
  token: string;
}

/** A user record created in `customerId`, with no role yet. */
export async function insertUserRecord(store: Store, options: {
  customerId: bigint; userName: string; firstName: string; lastName: string; email?: string; phone1?: string | null; jobTitle?: string | null;
}): Promise<UserRecord> {
  return store.insertUser({
    customerId: options.customerId, userName: options.userName, firstName: options.firstName, lastName: options.lastName,
    middleInitial: null, jobTitle: options.jobTitle ?? null, lcid: 'EnglishUS', lifeCycleStatus: 'Active', passwordHash: null,
    contactInfo: {
      id: newNestedId(), email: options.email ?? options.userName, emailFormat: 'Html',
      phone1: options.phone1 ?? null, phone2: null, mobile: null, homePhone: null, fax: null, contactByPhone: false,
      contactByPostalMail: false, address: null,
    },
    lastModifiedByUserId: null,
  });
}

/** A user created in `customerId` holding `roleId` there (over some accounts, or the whole customer), or no role. */
export async function addUser(
  store: Store, customerId: bigint, roleId: number | null, accountIds: bigint[] | null = null, label = 'user',
): Promise<UserRecord> {
  // Phone1 is set because UpdateUser requires it: tests can send the user back as they got it.
  const user = await insertUserRecord(store, {
    customerId, userName: `${uniqueName(label.toLowerCase().replace(/\W+/g, '-'))}@example.com`, firstName: 'First', lastName: label,
    email: `${label.toLowerCase().replace(/\W+/g, '-')}@example.com`, phone1: '555 0100', jobTitle: 'Tester',
  });
  if (roleId !== null) await store.putUserRole({ userId: user.id, customerId, roleId, accountIds });
  return user;
}

/** A user created in `customerId` with one role (over the whole customer, or only `accountIds`) and a token. */
export async function insertTestUser(store: Store, environment: Env, options: {
  customerId: bigint; roleId: number; accountIds?: bigint[] | null; label: string;
}): Promise<TestUser> {
  const user = await addUser(store, options.customerId, options.roleId, options.accountIds ?? null, options.label);
  return { user, token: await tokenFor(store, user.id, { environment }) };
}

/** A client link: the managing (agency) customer manages a client account or a whole client customer. */
export async function insertClientLink(store: Store, options: {
  type: 'AccountLink' | 'CustomerLink'; clientEntityId: bigint; managingCustomerId: bigint; status?: ClientLinkRecord['status'];
}): Promise<ClientLinkRecord> {
  return store.insertClientLink({
    type: options.type, clientEntityId: options.clientEntityId, managingCustomerId: options.managingCustomerId,
    status: options.status ?? 'Active', name: uniqueName('link'), note: null, isBillToClient: false,
    startDate: new Date(), inviterEmail: null, inviterName: null, inviterPhone: null,
    customerLinkPermission: null, suppressNotification: true, lastModifiedByUserId: null,
  });
}

/** Every account a customer owns, straight from the store, ordered by id. */
export async function accountsOf(store: Store, customerId: bigint): Promise<AccountRecord[]> {
  const accounts = await store.queryAccounts({ scope: { customerIds: [customerId], accountIds: [] } });
  return accounts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
