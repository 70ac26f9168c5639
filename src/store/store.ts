// The store interface. Every method is atomic on its own, so the domain never needs a
// transaction spanning awaits (which better-sqlite3 cannot hold and which would serialise
// PostgreSQL instances): optimistic concurrency is a compare-and-set on `version`, uniqueness is
// the database's unique indexes, reported as StoreConflict.
import type {
  AccessTokenRecord, AccountChanges, AccountQuery, AccountRecord, ClientLinkRecord, CustomerRecord,
  DeveloperTokenRecord, NewAccessToken, NewAccount, NewClientLink, NewCustomer, NewDeveloperToken,
  NewUser, PaymentMethodRecord, UserChanges, UserRecord, UserRoleRecord,
} from './records.js';

/** A unique index refused a write. `what` names the index, never the value. */
export class StoreConflict extends Error {
  constructor(readonly what: 'account_name' | 'account_number' | 'customer_number' | 'user_name' | 'token') {
    super(`unique constraint: ${what}`);
    this.name = 'StoreConflict';
  }
}

export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  close(): Promise<void>;

  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;

  insertCustomer(customer: NewCustomer): Promise<CustomerRecord>;
  getCustomer(id: bigint): Promise<CustomerRecord | null>;
  getCustomers(ids: readonly bigint[]): Promise<CustomerRecord[]>;

  insertPaymentMethod(customerId: bigint, type: string): Promise<PaymentMethodRecord>;
  getPaymentMethod(id: bigint): Promise<PaymentMethodRecord | null>;

  /** Throws StoreConflict('account_name' | 'account_number'). */
  insertAccount(account: NewAccount): Promise<AccountRecord>;
  getAccount(id: bigint): Promise<AccountRecord | null>;
  getAccounts(ids: readonly bigint[]): Promise<AccountRecord[]>;
  queryAccounts(query: AccountQuery): Promise<AccountRecord[]>;
  /** Accounts of the customer in a given life-cycle status (the "one Draft account" rule). */
  countAccountsInStatus(customerId: bigint, status: string): Promise<number>;
  /**
   * Overwrites the account if its version is still `expectedVersion`; returns the new record, or
   * null when the version moved on. Throws StoreConflict('account_name').
   */
  updateAccount(id: bigint, expectedVersion: bigint, changes: AccountChanges): Promise<AccountRecord | null>;

  /** Throws StoreConflict('user_name'). */
  insertUser(user: NewUser): Promise<UserRecord>;
  getUser(id: bigint): Promise<UserRecord | null>;
  getUserByName(userName: string): Promise<UserRecord | null>;
  updateUser(id: bigint, expectedVersion: bigint, changes: UserChanges): Promise<UserRecord | null>;

  /** Replaces the user's role on that customer (one role per user and customer). */
  putUserRole(role: UserRoleRecord): Promise<void>;
  listUserRoles(userId: bigint): Promise<UserRoleRecord[]>;
  listCustomerRoles(customerId: bigint): Promise<UserRoleRecord[]>;

  insertClientLink(link: NewClientLink): Promise<ClientLinkRecord>;
  /** Links where one of these customers is the manager, in the given statuses. */
  listClientLinksByManager(managingCustomerIds: readonly bigint[], statuses: readonly string[]): Promise<ClientLinkRecord[]>;

  insertDeveloperToken(token: NewDeveloperToken): Promise<DeveloperTokenRecord>;
  findDeveloperToken(tokenHash: string): Promise<DeveloperTokenRecord | null>;
  listDeveloperTokens(userId: bigint): Promise<DeveloperTokenRecord[]>;
  revokeDeveloperToken(id: bigint, at: Date): Promise<boolean>;

  insertAccessToken(token: NewAccessToken): Promise<AccessTokenRecord>;
  findAccessToken(tokenHash: string): Promise<AccessTokenRecord | null>;
  revokeAccessToken(tokenHash: string, at: Date): Promise<boolean>;
}
