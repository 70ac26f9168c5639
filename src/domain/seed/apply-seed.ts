// Applying a seed file to a store: customers (with payment methods and accounts), users (with
// passwords, roles, fixed developer and access tokens), client links and pilot flags. Each
// entity is found again before it is written — customers and accounts by number (derived from
// the name when the file has none), users by user name, links by their two parties, tokens by
// hash, roles and pilot switches by key — so applying the same file twice writes nothing. Every
// write is one of the store's atomic methods; names go through the domain's rules.
import { ApiError } from '../../contract/api-error.js';
import { currentTime } from '../../contract/ambient.js';
import type { Environment } from '../../contract/environment.js';
import { checkedEnum, isEnumValue } from '../../store/enums.js';
import type { PilotLevel } from '../../store/pilot-records.js';
import type { ClientLinkRecord } from '../../store/records.js';
import { StoreConflict, type Store } from '../../store/store.js';
import { accountName } from '../accounts/account-rules.js';
import { businessAddressRecord } from '../addresses.js';
import { hashSecret } from '../credentials.js';
import { customerName } from '../customers/customer-rules.js';
import { newNestedId, numberFromText } from '../numbers.js';
import { Role } from '../roles.js';
import { placeholderAddress } from '../tenants/placeholder-addresses.js';
import { NEVER, SeedError, type PilotSwitches, type SeedFile } from './seed-format.js';

export interface SeedOptions {
  environment: Environment;
  /** Passwords are hashed by auth (scrypt), which the domain does not import. */
  hashPassword(password: string): Promise<string>;
  /** The scope a seeded access token gets when the file names none. */
  accessTokenScope: string;
}

/** What one application wrote (all zero when the file was applied before). */
export interface SeedSummary {
  customers: number;
  paymentMethods: number;
  accounts: number;
  users: number;
  roles: number;
  developerTokens: number;
  accessTokens: number;
  clientLinks: number;
  pilotFeatures: number;
  pilotSwitches: number;
}

interface Known {
  path: string;
  name: string;
  number: string;
  id: bigint;
}

const ROLE_IDS: Readonly<Record<string, number>> = Role;

export async function applySeed(store: Store, seed: SeedFile, options: SeedOptions): Promise<SeedSummary> {
  const summary: SeedSummary = {
    customers: 0, paymentMethods: 0, accounts: 0, users: 0, roles: 0, developerTokens: 0, accessTokens: 0,
    clientLinks: 0, pilotFeatures: 0, pilotSwitches: 0,
  };
  if (options.environment === 'production') refuseFixedTokens(seed);

  // The pilot catalogue: an entry is written only when it differs from the stored one.
  const catalogue = new Map((await store.listPilotFeatures()).map((f) => [f.id, f]));
  for (const f of seed.pilotFeatures ?? []) {
    const feature = { id: f.id, name: f.name, level: f.level ?? 'customer', countries: f.countries ?? ['US'], defaultOn: f.defaultOn ?? false };
    if (JSON.stringify(catalogue.get(f.id)) === JSON.stringify(feature)) continue;
    await store.putPilotFeature(feature);
    summary.pilotFeatures++;
  }

  // Customers and their payment methods.
  const customers: Known[] = [];
  const payWith = new Map<bigint, bigint>();
  for (const [i, c] of (seed.customers ?? []).entries()) {
    const path = `/customers/${i}`;
    const name = rule(`${path}/name`, () => customerName(c.name, 'name'));
    const number = (c.number ?? numberFromText(10, `customer:${name}`)).toUpperCase();
    if (customers.some((k) => k.number === number)) throw new SeedError(`${path}/number`, `customer number ${number} is used twice in the file`);
    let id = await store.idByNumber('customer', number);
    if (id === null) {
      const country = c.marketCountry ?? 'US';
      id = (await write(path, () => store.insertCustomer({
        number, name, industry: 'Other', marketCountry: country, marketLanguage: 'English',
        financialStatus: 'ClearFinancialStatus', lifeCycleStatus: 'Active', serviceLevel: 'SelfServe',
        address: null, isAgency: c.agency ?? false, lastModifiedByUserId: null,
      }))).id;
      summary.customers++;
    }
    const methods = await store.listPaymentMethods(id);
    for (const [k, type] of (c.paymentMethods ?? ['CreditCard']).entries()) {
      if (methods[k] !== undefined) continue;
      methods.push(await store.insertPaymentMethod(id, checkedEnum('PaymentMethodType', type, `${path}/paymentMethods/${k}`)));
      summary.paymentMethods++;
    }
    payWith.set(id, methods[0]!.id);
    customers.push({ path, name, number, id });
  }
  const customerRef = (ref: string, path: string): Promise<Known> => resolve(store, 'customer', customers, ref, path);

  // Users (in the customer they belong to), before accounts name them as primary users.
  const users = new Map<string, bigint>();
  const userRecords: Array<{ path: string; id: bigint }> = [];
  for (const [i, u] of (seed.users ?? []).entries()) {
    const path = `/users/${i}`;
    let user = await store.getUserByName(u.userName);
    if (user === null) {
      const home = await customerRef(u.customer ?? u.roles[0]!.customer, `${path}/${u.customer === undefined ? 'roles/0/customer' : 'customer'}`);
      const passwordHash = u.passwordHash ?? (u.password === undefined ? null : await options.hashPassword(u.password));
      user = await write(path, () => store.insertUser({
        customerId: home.id, userName: u.userName, firstName: u.firstName ?? u.userName.split('@')[0]!.slice(0, 40), lastName: u.lastName ?? 'User',
        middleInitial: null, jobTitle: null, lcid: 'EnglishUS', lifeCycleStatus: 'Active', passwordHash,
        contactInfo: {
          id: newNestedId(), email: u.email ?? u.userName, emailFormat: 'Html', phone1: null, phone2: null, mobile: null,
          homePhone: null, fax: null, contactByPhone: false, contactByPostalMail: false, address: null,
        },
        lastModifiedByUserId: null,
      }));
      summary.users++;
    }
    users.set(u.userName.toLowerCase(), user.id);
    userRecords.push({ path, id: user.id });
  }

  // Accounts: paid with the customer's first payment method; primary user as named, else the
  // customer's first Super Admin in the file.
  const accounts = new Map<bigint, Known[]>();
  for (const [i, c] of (seed.customers ?? []).entries()) {
    const customer = customers[i]!;
    const known: Known[] = [];
    for (const [j, a] of (c.accounts ?? []).entries()) {
      const path = `${customer.path}/accounts/${j}`;
      const name = rule(`${path}/name`, () => accountName({ Name: a.name } as Parameters<typeof accountName>[0]));
      const number = (a.number ?? numberFromText(8, `account:${customer.number}:${name}`)).toUpperCase();
      let id = await store.idByNumber('account', number);
      if (id === null) {
        const primary = a.primaryUser ?? (seed.users ?? []).find((u) => u.roles.some((r) => (r.role === 'SuperAdmin' || r.role === Role.SuperAdmin)
          && (r.customer === customer.name || r.customer.toUpperCase() === customer.number)))?.userName;
        const primaryUserId = primary === undefined ? null : users.get(primary.toLowerCase()) ?? (await store.getUserByName(primary))?.id;
        if (primaryUserId === undefined) throw new SeedError(`${path}/primaryUser`, `no user named ${primary}`);
        const status = a.status ?? 'Active';
        if (!isEnumValue('AccountLifeCycleStatus', status)) throw new SeedError(`${path}/status`, `unknown status ${status}`);
        const currency = a.currencyCode ?? 'USD';
        if (!isEnumValue('CurrencyCode', currency)) throw new SeedError(`${path}/currencyCode`, `unknown currency ${currency}`);
        const country = c.marketCountry ?? 'US';
        id = (await write(path, () => store.insertAccount({
          customerId: customer.id, number, name, currencyCode: currency, financialStatus: 'ClearFinancialStatus',
          language: 'English', lifeCycleStatus: status, pauseReason: null, paymentMethodId: payWith.get(customer.id)!,
          billToCustomerId: customer.id, primaryUserId, timeZone: 'PacificTimeUSCanadaTijuana', autoTagType: 'Inactive',
          salesHouseCustomerId: null, backUpPaymentInstrumentId: null, billingThresholdAmount: null, soldToPaymentInstrumentId: null,
          accountMode: 'Expert', businessAddress: businessAddressRecord(placeholderAddress(country, customer.name), newNestedId()),
          taxInformation: null, lastModifiedByUserId: primaryUserId,
        }))).id;
        summary.accounts++;
      }
      known.push({ path, name, number, id });
    }
    accounts.set(customer.id, known);
  }
  const accountRef = async (ref: string, path: string, customerId?: bigint): Promise<Known> => {
    const inFile = customerId === undefined ? [...accounts.values()].flat() : accounts.get(customerId) ?? [];
    const found = await resolve(store, 'account', inFile, ref, path);
    if (customerId !== undefined && inFile.every((k) => k.id !== found.id)) {
      const account = await store.getAccount(found.id);
      if (account?.customerId !== customerId) throw new SeedError(path, `account ${ref} does not belong to that customer`);
    }
    return found;
  };

  // Roles, fixed developer tokens and access tokens.
  for (const [i, u] of (seed.users ?? []).entries()) {
    const { path, id: userId } = userRecords[i]!;
    const held = await store.listUserRoles(userId);
    for (const [k, r] of u.roles.entries()) {
      const customer = await customerRef(r.customer, `${path}/roles/${k}/customer`);
      const roleId = typeof r.role === 'number' ? r.role : ROLE_IDS[r.role]!;
      const accountIds = r.accounts === undefined ? null
        : await Promise.all(r.accounts.map(async (a, n) => (await accountRef(a, `${path}/roles/${k}/accounts/${n}`, customer.id)).id));
      const same = held.find((h) => h.customerId === customer.id && h.roleId === roleId);
      if (same !== undefined && String(same.accountIds) === String(accountIds)) continue;
      await store.putUserRole({ userId, customerId: customer.id, roleId, accountIds });
      summary.roles++;
    }
    for (const [k, t] of (u.developerTokens ?? []).entries()) {
      const tokenHash = typeof t === 'string' ? hashSecret(t) : t.tokenHash;
      const existing = await store.findDeveloperToken(tokenHash);
      if (existing !== null) {
        if (existing.userId !== userId) throw new SeedError(`${path}/developerTokens/${k}`, 'this developer token belongs to another user');
        continue;
      }
      await store.insertDeveloperToken({ userId, tokenHash, hint: typeof t === 'string' ? t.slice(-4) : t.hint });
      summary.developerTokens++;
    }
    for (const [k, t] of (u.accessTokens ?? []).entries()) {
      const tokenHash = t.token === undefined ? t.tokenHash! : hashSecret(t.token);
      const existing = await store.findAccessToken(tokenHash);
      if (existing !== null) {
        if (existing.userId !== userId) throw new SeedError(`${path}/accessTokens/${k}`, 'this access token belongs to another user');
        continue;
      }
      const expiresAt = t.expiresAt === undefined ? NEVER : new Date(t.expiresAt);
      if (Number.isNaN(expiresAt.getTime())) throw new SeedError(`${path}/accessTokens/${k}/expiresAt`, 'not a date-time');
      await store.insertAccessToken({ tokenHash, userId, clientId: t.clientId ?? 'adcenter-seed', scope: t.scope ?? options.accessTokenScope, expiresAt });
      summary.accessTokens++;
    }
  }

  // Client links from an agency to a client account or customer.
  for (const [i, l] of (seed.clientLinks ?? []).entries()) {
    const path = `/clientLinks/${i}`;
    const manager = await customerRef(l.managingCustomer, `${path}/managingCustomer`);
    if (!(await store.getCustomer(manager.id))?.isAgency) throw new SeedError(`${path}/managingCustomer`, `${l.managingCustomer} is not an agency`);
    const type: ClientLinkRecord['type'] = l.clientAccount === undefined ? 'CustomerLink' : 'AccountLink';
    const client = l.clientAccount === undefined
      ? await customerRef(l.clientCustomer!, `${path}/clientCustomer`)
      : await accountRef(l.clientAccount, `${path}/clientAccount`);
    const links = await store.listClientLinksByClient(type, [client.id]);
    if (links.some((x) => x.managingCustomerId === manager.id && !x.aggregatee)) continue;
    const status = l.status ?? 'Active';
    if (!isEnumValue('ClientLinkStatus', status)) throw new SeedError(`${path}/status`, `unknown status ${status}`);
    await store.insertClientLink({
      type, clientEntityId: client.id, managingCustomerId: manager.id, status, name: l.name ?? null, note: l.note ?? null,
      isBillToClient: l.isBillToClient ?? false, startDate: null, inviterEmail: null, inviterName: null, inviterPhone: null,
      customerLinkPermission: null, suppressNotification: false, lastModifiedByUserId: null,
    });
    summary.clientLinks++;
  }

  // Pilot switches per customer and per account.
  for (const [i, c] of (seed.customers ?? []).entries()) {
    const customer = customers[i]!;
    summary.pilotSwitches += await switchPilots(store, 'customer', customer.id, c.pilotFeatures);
    for (const [j, a] of (c.accounts ?? []).entries()) {
      summary.pilotSwitches += await switchPilots(store, 'account', accounts.get(customer.id)![j]!.id, a.pilotFeatures);
    }
  }
  return summary;
}

function refuseFixedTokens(seed: SeedFile): void {
  for (const [i, u] of (seed.users ?? []).entries()) {
    if ((u.developerTokens ?? []).length > 0) throw new SeedError(`/users/${i}/developerTokens`, 'fixed developer tokens are for the sandbox only');
    if ((u.accessTokens ?? []).length > 0) throw new SeedError(`/users/${i}/accessTokens`, 'fixed access tokens are for the sandbox only');
  }
}

/** A customer or account the file names: one of the file's (by number or name), else the store's by number. */
async function resolve(store: Store, kind: 'customer' | 'account', inFile: readonly Known[], ref: string, path: string): Promise<Known> {
  const upper = ref.toUpperCase();
  const byNumber = inFile.filter((k) => k.number === upper);
  const matches = byNumber.length > 0 ? byNumber : inFile.filter((k) => k.name === ref);
  if (matches.length > 1) throw new SeedError(path, `${ref} names ${matches.length} ${kind}s of the file; use the number`);
  if (matches.length === 1) return matches[0]!;
  const id = await store.idByNumber(kind, ref);
  if (id === null) throw new SeedError(path, `no ${kind} named or numbered ${ref}`);
  return { path, name: ref, number: upper, id };
}

async function switchPilots(store: Store, scope: PilotLevel, entityId: bigint, switches: PilotSwitches | undefined): Promise<number> {
  if (switches === undefined) return 0;
  const current = new Map((await store.listPilotGrants(scope, [entityId])).map((g) => [g.featureId, g.enabled]));
  let written = 0;
  for (const [ids, enabled] of [[switches.on ?? [], true], [switches.off ?? [], false]] as const) {
    for (const featureId of ids) {
      if (current.get(featureId) === enabled) continue;
      await store.putPilotGrant({ scope, entityId, featureId, enabled, changedTime: currentTime() });
      written++;
    }
  }
  return written;
}

/** A domain rule's refusal, told as the place in the file. */
function rule<T>(path: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof ApiError) throw new SeedError(path, err.message);
    throw err;
  }
}

/** A store write; a unique index's refusal is told as the place in the file. */
async function write<T>(path: string, insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (err) {
    if (err instanceof StoreConflict) throw new SeedError(path, `conflicts with an existing entity (${err.what})`);
    throw err;
  }
}
