// The store interface. Every method is atomic on its own, so the domain never needs a
// transaction spanning awaits (which better-sqlite3 cannot hold and which would serialise
// PostgreSQL instances): optimistic concurrency is a compare-and-set on `version`, uniqueness is
// the database's unique indexes, reported as StoreConflict. `Store` is composed of one interface
// per area, which the SQL store implements one part each (sql/areas).
import type {
  AccessTokenRecord, AccountChanges, ClientLinkSearch, AccountInfoRecord, AccountQuery, AccountRecord, AuthorizationCodeRecord, ClientLinkChanges, ClientLinkRecord,
  CustomerChanges, CustomerExternalIdRecord, CustomerQuery, NewTenant, TenantRecord, CustomerRecord, CustomerSignupRecord, DeveloperTokenRecord, NewAccessToken, NewAccount,
  NewAuthorizationCode, NewClientLink, NewCustomer, NewCustomerSignup,
  NewDeveloperToken, NewOAuthClient, NewOutboxMessage, NewRefreshToken, NewUser, NewUserInvitation, OAuthClientRecord,
  OutboxMessageRecord, PaymentMethodRecord, RefreshTokenRecord, RoleGrant, RoleKey, UserChanges, UserInvitationRecord,
  UserRecord, UserRoleRecord, NewWebSession, WebSessionRecord, NewPasswordReset, PasswordResetRecord,
} from './records.js';
import type { EnumValue } from './enums.js';
import type { PilotFeatureRecord, PilotGrantRecord, PilotLevel } from './pilot-records.js';
import type {
  ClientLinkInvitation, NewOperatorNotification, NotificationKey, OperatorNotificationRecord,
} from './notification-records.js';

/** What a unique index protects; the schema declares it on the index (schema/conflicts). */
export type ConflictKind = 'account_name' | 'account_number' | 'account_draft' | 'client_link_live' | 'customer_number' | 'user_name' | 'token';

/** A unique index refused a write. `what` names the index, never the value. */
export class StoreConflict extends Error {
  constructor(readonly what: ConflictKind) {
    super(`unique constraint: ${what}`);
    this.name = 'StoreConflict';
  }
}

export interface MetaStore {
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /**
   * Sets the key only if it has no value yet (one statement, so of instances racing exactly one
   * wins); returns the value stored afterwards — `value` for the winner, the earlier one otherwise.
   */
  claimMeta(key: string, value: string): Promise<string>;
  /** A cheap query that fails when the database cannot be reached (/health). */
  ping(): Promise<void>;
}

/** Customers and their payment methods. */
export interface CustomerStore {
  /** Throws StoreConflict('customer_number'). */
  insertCustomer(customer: NewCustomer): Promise<CustomerRecord>;
  getCustomer(id: bigint): Promise<CustomerRecord | null>;
  getCustomers(ids: readonly bigint[]): Promise<CustomerRecord[]>;
  /**
   * The customers a user reaches at `at` (deleted ones included), ordered by id: those they hold a
   * role on (whole or some accounts) and those reached down active customer links — the reach of
   * domain/access.ts, joined in SQL (sql/areas/reach-query.ts) rather than listed id by id.
   */
  listReachableCustomers(userId: bigint, at: Date): Promise<CustomerRecord[]>;
  /**
   * Those of them that meet the query, filtered, ordered and paged in one statement driven by the
   * reach (each reached customer read by primary key; only the matches are sorted).
   */
  searchReachableCustomers(query: CustomerQuery): Promise<CustomerRecord[]>;
  /**
   * Overwrites the customer's writable fields if its version is still `expectedVersion` and it is
   * not deleted (Inactive); returns the new record, or null (nothing changed).
   */
  updateCustomer(id: bigint, expectedVersion: bigint, changes: CustomerChanges): Promise<CustomerRecord | null>;
  /**
   * DeleteCustomer, in one transaction: if the customer's version is still `expectedVersion` and it
   * is Active, marks it Inactive and every account it owns Inactive (bumping their versions).
   * Returns the deleted customer, or null (nothing changed).
   */
  deleteCustomer(id: bigint, expectedVersion: bigint, byUserId: bigint): Promise<CustomerRecord | null>;
  /** Marks an Active customer an agency; returns it, or null when it was one already, deleted or unknown. */
  markCustomerAgency(id: bigint, byUserId: bigint): Promise<CustomerRecord | null>;
  /** Maps the customer to an external id, replacing any earlier mapping. */
  putCustomerExternalId(customerId: bigint, externalCustomerId: string, byUserId: bigint): Promise<CustomerExternalIdRecord>;
  getCustomerExternalId(customerId: bigint): Promise<CustomerExternalIdRecord | null>;

  /** Internal account managers (operator-designated; the only ones who may DeleteCustomer). */
  setAccountManager(userId: bigint, isManager: boolean): Promise<void>;
  isAccountManager(userId: bigint): Promise<boolean>;

  insertPaymentMethod(customerId: bigint, type: EnumValue<'PaymentMethodType'>): Promise<PaymentMethodRecord>;
  getPaymentMethod(id: bigint): Promise<PaymentMethodRecord | null>;
  /** The customer's payment methods, ordered by id. */
  listPaymentMethods(customerId: bigint): Promise<PaymentMethodRecord[]>;
}

export interface AccountStore {
  /**
   * Throws StoreConflict('account_name' | 'account_number'). With `prepaidAt` the account is
   * marked prepaid in the same transaction (AddPrepayAccount). With `soleDraft` the insert is
   * refused with StoreConflict('account_draft') when the customer already has a Draft account,
   * checked atomically with the insert (the "one Draft account" rule under concurrent adds).
   */
  insertAccount(account: NewAccount, options?: { prepaidAt?: Date; soleDraft?: boolean }): Promise<AccountRecord>;
  getAccount(id: bigint): Promise<AccountRecord | null>;
  getAccounts(ids: readonly bigint[]): Promise<AccountRecord[]>;
  queryAccounts(query: AccountQuery): Promise<AccountRecord[]>;
  /** The same accounts, in the same order, as queryAccounts, reading only what AccountInfo needs. */
  queryAccountInfos(query: AccountQuery): Promise<AccountInfoRecord[]>;
  /** Accounts of the customer in a given life-cycle status (the "one Draft account" rule). */
  countAccountsInStatus(customerId: bigint, status: string): Promise<number>;
  /** How many accounts name the user as PrimaryUserId. */
  countAccountsWithPrimaryUser(userId: bigint): Promise<number>;
  /**
   * Overwrites the account if its version is still `expectedVersion`; returns the new record, or
   * null when the version moved on. Throws StoreConflict('account_name').
   */
  updateAccount(id: bigint, expectedVersion: bigint, changes: AccountChanges): Promise<AccountRecord | null>;
  /**
   * Replaces the external ids mapped to the account (null or empty clears them); the account's
   * version is not touched (they are not part of AdvertiserAccount). False when there is no account.
   */
  setAccountExternalIds(id: bigint, externalIds: readonly string[] | null): Promise<boolean>;
  /** The external ids mapped to the account, in the order given; null when none or no account. */
  getAccountExternalIds(id: bigint): Promise<string[] | null>;
}

/** Users and their roles on customers. */
export interface UserStore {
  /** Throws StoreConflict('user_name'). */
  insertUser(user: NewUser): Promise<UserRecord>;
  getUser(id: bigint): Promise<UserRecord | null>;
  getUserByName(userName: string): Promise<UserRecord | null>;
  updateUser(id: bigint, expectedVersion: bigint, changes: UserChanges): Promise<UserRecord | null>;
  /** Users by id, ordered by id; unknown ids are left out. */
  getUsers(ids: readonly bigint[]): Promise<UserRecord[]>;
  /**
   * The users of a customer — those holding a role on it and those created in it (so a deleted
   * user, who has no roles left, is still found) — in one of `statuses`, ordered by id.
   */
  listCustomerUsers(customerId: bigint, statuses: readonly string[]): Promise<UserRecord[]>;
  /**
   * In one transaction, if the user's version is still `expectedVersion` and no account names them
   * as primary user: marks the user Deleted (bumping version and lastModifiedTime), removes all
   * their roles and revokes their access and refresh tokens. Returns the deleted user, or null
   * (nothing changed).
   */
  deleteUser(id: bigint, expectedVersion: bigint, at: Date, byUserId: bigint): Promise<UserRecord | null>;

  /**
   * Puts one role of the user on that customer. A user may hold several roles on one customer (an
   * Aggregator holds 33 and 41); putting a role they already hold there replaces its account list.
   */
  putUserRole(role: UserRoleRecord): Promise<void>;
  /** Ordered by customer, then role id. */
  listUserRoles(userId: bigint): Promise<UserRoleRecord[]>;
  /** Ordered by user, then role id. */
  listCustomerRoles(customerId: bigint): Promise<UserRoleRecord[]>;
  /** Removes that role of the user on the customer (every role there when roleId is left out); false when there was none. */
  deleteUserRole(userId: bigint, customerId: bigint, roleId?: number): Promise<boolean>;
  /** Removes every role of the user; returns how many there were. */
  deleteUserRoles(userId: bigint): Promise<number>;
  /**
   * Changes a user's roles as one transaction guarded by the user's version (compare-and-set, as
   * updateUser): removes the `remove` roles (a customer and role id each), puts `put` roles, and bumps the user's
   * version and lastModifiedTime (by `byUserId`). Returns the user after the change, or null when
   * the version moved on (nothing changed).
   */
  updateUserRoles(
    userId: bigint, expectedVersion: bigint,
    change: { put: readonly RoleGrant[]; remove: readonly RoleKey[]; byUserId: bigint },
  ): Promise<UserRecord | null>;
}

export interface UserInvitationStore {
  /**
   * Throws StoreConflict('token') when the secret hash is already used. The `messages` (the e-mail
   * carrying the secret) go to the outbox in the same transaction.
   */
  insertUserInvitation(invitation: NewUserInvitation, messages?: readonly NewOutboxMessage[]): Promise<UserInvitationRecord>;
  getUserInvitation(id: bigint): Promise<UserInvitationRecord | null>;
  findUserInvitationBySecret(secretHash: string): Promise<UserInvitationRecord | null>;
  /** Invitations to the customer that were not accepted (expired ones included), ordered by id. */
  listPendingUserInvitations(customerId: bigint): Promise<UserInvitationRecord[]>;
  /**
   * Accepts an invitation in one transaction: if it is not yet accepted and expires after `at`,
   * creates `user` with the `roles`, and records the acceptance. Returns the new user, or null
   * (nothing changed) when the invitation is unknown, accepted or expired. Throws
   * StoreConflict('user_name') when the user name is taken.
   */
  acceptUserInvitation(id: bigint, at: Date, user: NewUser, roles: readonly RoleGrant[]): Promise<UserRecord | null>;
}

/**
 * The links live at an instant, in a form a store tests in SQL: the stored status is one of
 * `statuses`, and a link stored as `expiring.status` was created after `expiring.createdAfter`
 * (the domain's life cycle says which: domain/client-links/life-cycle.ts `liveAt`).
 */
export interface LiveClientLinks {
  statuses: readonly ClientLinkRecord['status'][];
  expiring: { status: ClientLinkRecord['status']; createdAfter: Date };
}

/** What a new link must not meet among its client entity's links of its type (AddClientLinks' checks). */
export interface ClientLinkGuard {
  live: LiveClientLinks;
  /** A live link of another manager stored in one of these statuses refuses it too (an account's one agency). */
  otherManagerStatuses: readonly ClientLinkRecord['status'][];
  /**
   * Whether a live link of the same manager refuses (default true: a second request of the pair).
   * False when the guarded write is that manager's own link (accepting it).
   */
  sameManagerRefuses?: boolean;
}

/** The link a guarded update changes (its pair names the row to lock and the links to check), and the guard. */
export interface GuardedClientLinkUpdate {
  link: Pick<ClientLinkRecord, 'type' | 'clientEntityId' | 'managingCustomerId'>;
  guard: ClientLinkGuard;
}

export interface ClientLinkStore {
  /**
   * The `messages` (the link request's notices) go to the outbox in the same transaction. With
   * `guard`, that transaction first locks the client entity's row (the account or customer), so
   * concurrent guarded inserts for one client entity run one after the other, and refuses with
   * StoreConflict('client_link_live'), writing nothing, when the entity has a live link of the
   * same manager, or one of another manager in `guard.otherManagerStatuses`.
   */
  insertClientLink(link: NewClientLink, messages?: readonly NewOutboxMessage[], guard?: ClientLinkGuard): Promise<ClientLinkRecord>;
  /** Links where one of these customers is the manager, in the given statuses, ordered by id. */
  listClientLinksByManager(managingCustomerIds: readonly bigint[], statuses: readonly string[]): Promise<ClientLinkRecord[]>;
  /** Every link of the type to one of these client accounts (AccountLink) or customers (CustomerLink), ordered by id. */
  listClientLinksByClient(type: ClientLinkRecord['type'], clientEntityIds: readonly bigint[]): Promise<ClientLinkRecord[]>;
  getClientLink(id: bigint): Promise<ClientLinkRecord | null>;
  /** SearchClientLinks' candidates, newest per pair, ordered and paged in the store (ClientLinkSearch). */
  searchClientLinks(search: ClientLinkSearch): Promise<ClientLinkRecord[]>;
  /** The id of the account or customer a ClientLink names by number (case-insensitively), or null. */
  idByNumber(kind: 'account' | 'customer', number: string): Promise<bigint | null>;
  /**
   * Compare-and-set on the link's version; the new record, or null when the version moved on. With
   * `guard` (accepting an account link), the link's client entity row is locked first, as guarded
   * inserts lock it, and the change is refused with StoreConflict('client_link_live'), writing
   * nothing, when the guard finds a refusing link.
   */
  updateClientLink(id: bigint, expectedVersion: bigint, changes: ClientLinkChanges, guard?: GuardedClientLinkUpdate): Promise<ClientLinkRecord | null>;
}

/** SignupCustomer: a whole tenant at once. */
export interface CustomerSignupStore {
  /**
   * Writes the customer, its payment method, its account, the aggregatee link and the roles in one
   * transaction. Throws StoreConflict('customer_number' | 'account_number') (nothing written).
   */
  signupCustomer(signup: NewCustomerSignup): Promise<CustomerSignupRecord>;
}

/** A customer with its first user, payment method and account: the web sign-up, `customer create`, the demo tenant. */
export interface TenantStore {
  /**
   * Writes the customer, the user, their role, the payment method, the account (and the developer
   * token and meta claim when asked) in one transaction. Throws StoreConflict('user_name' |
   * 'customer_number' | 'account_number') with nothing written; returns null (nothing written)
   * only when `claimMetaKey` was claimed already.
   */
  createTenant(tenant: NewTenant): Promise<TenantRecord | null>;
}

/** Developer tokens and access tokens (both kept as hashes). */
export interface TokenStore {
  insertDeveloperToken(token: NewDeveloperToken): Promise<DeveloperTokenRecord>;
  findDeveloperToken(tokenHash: string): Promise<DeveloperTokenRecord | null>;
  listDeveloperTokens(userId: bigint): Promise<DeveloperTokenRecord[]>;
  revokeDeveloperToken(id: bigint, at: Date): Promise<boolean>;

  insertAccessToken(token: NewAccessToken): Promise<AccessTokenRecord>;
  findAccessToken(tokenHash: string): Promise<AccessTokenRecord | null>;
  revokeAccessToken(tokenHash: string, at: Date): Promise<boolean>;
}

export interface OutboxStore {
  /** The outbox of sent messages (there is no mail server; see OutboxMessageRecord). */
  insertOutboxMessage(message: NewOutboxMessage): Promise<OutboxMessageRecord>;
  /** Messages, newest first; `to` filters by recipient, case-insensitively. */
  listOutboxMessages(query: { to?: string; limit: number }): Promise<OutboxMessageRecord[]>;
}

/** The OAuth authorization server: clients, authorization codes, refresh tokens, grants. */
export interface OAuthStore {
  /** Throws StoreConflict('token') if the client id is taken. */
  insertOAuthClient(client: NewOAuthClient): Promise<OAuthClientRecord>;
  getOAuthClient(clientId: string): Promise<OAuthClientRecord | null>;
  /** The user's registered applications, oldest first. */
  listOAuthClients(ownerUserId: bigint): Promise<OAuthClientRecord[]>;

  insertAuthorizationCode(code: NewAuthorizationCode): Promise<AuthorizationCodeRecord>;
  findAuthorizationCode(codeHash: string): Promise<AuthorizationCodeRecord | null>;
  /**
   * Redeems a code: compare-and-set of its used time. Returns the code as redeemed, or null when
   * it is unknown, already used or expired at `at` — so of two concurrent redemptions one wins.
   */
  consumeAuthorizationCode(codeHash: string, at: Date): Promise<AuthorizationCodeRecord | null>;

  insertRefreshToken(token: NewRefreshToken): Promise<RefreshTokenRecord>;
  findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | null>;
  /**
   * Rotation, in one transaction: revokes `tokenHash` if it is still live (not revoked, not expired
   * at `at`) and inserts `next`. Returns the new token, or null (nothing changed) — so a refresh
   * token is exchanged at most once even when presented twice at the same moment.
   */
  rotateRefreshToken(tokenHash: string, at: Date, next: NewRefreshToken): Promise<RefreshTokenRecord | null>;
  /** Revokes every access and refresh token issued under the grant; returns how many were live. */
  revokeGrant(grantId: string, at: Date): Promise<number>;
  /**
   * Revokes every access and refresh token of the user and burns their unused authorization codes
   * (a deleted user, a changed password); returns how many tokens were live.
   */
  revokeUserTokens(userId: bigint, at: Date): Promise<number>;
}

/** Web sign-in sessions (server-side, so they can be ended) and the sign-in's password re-hash. */
export interface WebSessionStore {
  insertWebSession(session: NewWebSession): Promise<WebSessionRecord>;
  /** The session if it is live at `at` (not revoked, not expired), else null. */
  findLiveWebSession(sessionHash: string, at: Date): Promise<WebSessionRecord | null>;
  /** Ends one session (sign-out); true when it was live. */
  revokeWebSession(sessionHash: string, at: Date): Promise<boolean>;
  /** Ends every session of the user (password changed, user deleted); returns how many were live. */
  revokeUserWebSessions(userId: bigint, at: Date): Promise<number>;
  /**
   * Replaces the user's password hash if it is still `expectedHash` (a compare-and-set, so a
   * concurrent password change wins); the user's version does not move. True when replaced.
   */
  replacePasswordHash(userId: bigint, expectedHash: string, newHash: string): Promise<boolean>;
}

/** Passwords set by the operator (`adcenter user password`) and "forgot password" links. */
export interface PasswordStore {
  /**
   * In one transaction: sets the user's password hash, ends their web sessions and voids their
   * unused reset links. False (nothing changed) when there is no such user.
   */
  setPassword(userId: bigint, passwordHash: string, at: Date): Promise<boolean>;
  /** Throws StoreConflict('token') when the hash is already used. */
  insertPasswordReset(reset: NewPasswordReset): Promise<PasswordResetRecord>;
  /** The reset if it is live at `at` (unused, unexpired), else null. */
  findLivePasswordReset(tokenHash: string, at: Date): Promise<PasswordResetRecord | null>;
  /**
   * In one transaction, if the reset is live at `at`: marks it used, sets its user's password hash,
   * ends their web sessions and voids their other reset links. Returns the user's id, or null
   * (nothing changed) — so a link works once even when posted twice at the same moment.
   */
  resetPassword(tokenHash: string, at: Date, passwordHash: string): Promise<bigint | null>;
}

/** The operator's pilot-feature catalogue and the per-customer / per-account switches. */
export interface PilotFeatureStore {
  /** Adds or replaces the catalogue entry with that id. */
  putPilotFeature(feature: PilotFeatureRecord): Promise<void>;
  /** The stored catalogue entries, ordered by id. */
  listPilotFeatures(): Promise<PilotFeatureRecord[]>;
  /** Adds or replaces the switch of one feature for one customer or account. */
  putPilotGrant(grant: PilotGrantRecord): Promise<void>;
  /** Removes the switch (back to the default); false when there was none. */
  deletePilotGrant(scope: PilotLevel, entityId: bigint, featureId: number): Promise<boolean>;
  /** The switches of these customers (or accounts), ordered by entity and feature. */
  listPilotGrants(scope: PilotLevel, entityIds: readonly bigint[]): Promise<PilotGrantRecord[]>;
}

/** What GetNotifications needs beyond the other areas: operator messages and dismissals. */
export interface NotificationStore {
  insertOperatorNotification(notification: NewOperatorNotification): Promise<OperatorNotificationRecord>;
  /** Messages to everyone, to the user, or to one of the customers, not expired at `at`, by id. */
  listOperatorNotifications(query: { userId: bigint; customerIds: readonly bigint[]; at: Date }): Promise<OperatorNotificationRecord[]>;
  /** Records dismissals (a repeated one is kept as it was); returns how many were new. */
  dismissNotifications(userId: bigint, keys: readonly NotificationKey[], at: Date): Promise<number>;
  listNotificationDismissals(userId: bigint): Promise<NotificationKey[]>;
  /** Client links in LinkPending whose client is one of these accounts or customers, by id. */
  listPendingClientLinksFor(clientAccountIds: readonly bigint[], clientCustomerIds: readonly bigint[]): Promise<ClientLinkInvitation[]>;
}

/** Accounts created with AddPrepayAccount (prepaid: funds are added before ads run). */
export interface PrepayAccountStore {
  /** Marks the account as prepaid (again: no change). */
  markPrepayAccount(accountId: bigint, at: Date): Promise<void>;
  isPrepayAccount(accountId: bigint): Promise<boolean>;
}

/** The whole store at once (POST /_adcenter/reset). */
export interface StateStore {
  /**
   * Empties every table in one transaction — keeping only the store's environment and its seed file
  * (meta seed_file) — and restarts
   * every id sequence at its first id: the store is as new, migrated, in its environment.
   */
  wipe(): Promise<void>;
  /** Everything `adcenter export` writes, each list ordered by id (roles by user, customer, role). */
  dump(): Promise<StoreDump>;
}

/** The entities a seed file describes, as stored (StateStore.dump). */
export interface StoreDump {
  customers: CustomerRecord[];
  paymentMethods: PaymentMethodRecord[];
  accounts: AccountRecord[];
  users: UserRecord[];
  roles: UserRoleRecord[];
  clientLinks: ClientLinkRecord[];
  /** Not revoked. */
  developerTokens: DeveloperTokenRecord[];
  /** Not revoked (expired ones included: the clock may be moved back). */
  accessTokens: AccessTokenRecord[];
  pilotFeatures: PilotFeatureRecord[];
  pilotGrants: PilotGrantRecord[];
}

/** Rows written together by `bulkInsert` (seeding): each list in input order. */
export interface BulkRows {
  customers?: readonly NewCustomer[];
  /** One payment method per customer at most (the ids come back matched by customer). */
  paymentMethods?: ReadonlyArray<{ customerId: bigint; type: PaymentMethodRecord['type'] }>;
  users?: readonly NewUser[];
  roles?: readonly UserRoleRecord[];
  accounts?: readonly NewAccount[];
  clientLinks?: readonly NewClientLink[];
}

/** The ids `bulkInsert` generated, in input order (accounts: only how many). */
export interface BulkIds {
  customers: bigint[];
  paymentMethods: bigint[];
  users: bigint[];
  accounts: number;
}

/** Seeding many rows at once (`adcenter seed --accounts N`). */
export interface BulkStore {
  /**
   * Writes every row in one transaction with multi-row inserts (customers, payment methods, users,
   * roles, accounts, links in that order; no row may refer to another of the same call). Throws
   * StoreConflict on a duplicate number or name (nothing written).
   */
  bulkInsert(rows: BulkRows): Promise<BulkIds>;
  /**
   * Brings the planner's statistics up to date after a bulk load (PostgreSQL ANALYZE), so the
   * first searches after seeding are planned over what is really stored. A no-op on SQLite,
   * whose searches name their indexes (and whose plan tests run without statistics).
   */
  refreshStatistics(): Promise<void>;
}

/** The version of everything authentication and access depend on (tokens, users, roles, links). */
export interface AccessEpochStore {
  /**
   * A number that changes in the same transaction as any change to access tokens, developer tokens,
   * users, user roles or client links (database triggers), so that a cache of credentials and
   * access built at one value is known to be current while the value is unchanged.
   */
  accessEpoch(): Promise<bigint>;
}

export interface Store
  extends MetaStore, CustomerStore, AccountStore, UserStore, UserInvitationStore, ClientLinkStore, TokenStore,
  OutboxStore, OAuthStore, CustomerSignupStore, TenantStore, PilotFeatureStore, NotificationStore, PrepayAccountStore, WebSessionStore, PasswordStore,
  StateStore, BulkStore, AccessEpochStore {
  readonly backend: 'sqlite' | 'postgres';
  close(): Promise<void>;
}
