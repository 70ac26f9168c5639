// The Store on top of a minimal SQL driver. Both backends share this class, so they share every
// statement's meaning; only placeholders, list parameters and a few functions differ (Dialect).
// Each method is one statement, hence atomic without an explicit transaction — except the few
// that change several rows together (deleteUser, updateUserRoles, acceptUserInvitation): those
// hand the driver a fixed list of statements to run as one transaction, with no await of the
// domain in between.
import type { Store } from '../store.js';
import type {
  AccessTokenRecord, AccountChanges, AccountQuery, AccountRecord, AuthorizationCodeRecord, ClientLinkRecord,
  CustomerRecord, DeveloperTokenRecord, NewAccessToken, NewAccount, NewAuthorizationCode, NewClientLink, NewCustomer,
  NewDeveloperToken, NewOAuthClient, NewOutboxMessage, NewRefreshToken, NewUser, NewUserInvitation, OAuthClientRecord,
  OutboxMessageRecord, PaymentMethodRecord, RefreshTokenRecord, RoleGrant, UserChanges, UserInvitationRecord,
  UserRecord, UserRoleRecord,
} from '../records.js';
import { buildAccountQuery } from './account-query.js';
import type { Dialect, Params } from './dialect.js';
import { OAuthSql } from './oauth-sql.js';
import { OutboxSql } from './outbox-sql.js';
import { SqlPart } from './sql-part.js';
import {
  accessTokenColumns, accessTokenFromRow, accountChangeColumns, accountFromRow, accountInsertColumns,
  clientLinkColumns, clientLinkFromRow, customerColumns, customerFromRow, developerTokenColumns,
  developerTokenFromRow, fold, paymentMethodFromRow, userChangeColumns, userFromRow, userInsertColumns,
  userInvitationColumns, userInvitationFromRow, userRoleColumns, userRoleFromRow, type Columns,
} from './rows.js';
import { big, int, ms, str, type Row, type SqlValue } from './values.js';

/** One statement of a transaction. */
export interface Statement {
  sql: string;
  params: readonly SqlValue[];
  /** When this statement changes (or returns) no row, the whole transaction is rolled back. */
  guard?: boolean;
}

/** A statement, or one built from the rows the earlier statements of the transaction returned. */
export type Step = Statement | ((previous: readonly Row[][]) => Statement);

/** Runs statements. Implementations map unique violations to StoreConflict. */
export interface SqlDriver {
  all(sql: string, params: readonly SqlValue[]): Promise<Row[]>;
  /** Returns the number of rows changed. */
  run(sql: string, params: readonly SqlValue[]): Promise<number>;
  /**
   * Runs the steps in order as one transaction and returns each statement's rows; null when a
   * guard statement changed no row (then nothing was changed). An error rolls everything back.
   */
  transaction(steps: readonly Step[]): Promise<Row[][] | null>;
  close(): Promise<void>;
}

// Table names below are constants of this module, never input.
type Table = 'customers' | 'payment_methods' | 'accounts' | 'users' | 'client_links' | 'developer_tokens'
  | 'access_tokens' | 'user_invitations';

export abstract class SqlStore extends SqlPart<Table> implements Store {
  abstract readonly backend: 'sqlite' | 'postgres';

  // Later tables live in their own modules; this class only delegates to them.
  private readonly outbox: OutboxSql;
  private readonly oauth: OAuthSql;

  protected constructor(driver: SqlDriver, dialect: Dialect) {
    super(driver, dialect);
    this.outbox = new OutboxSql(driver, dialect);
    this.oauth = new OAuthSql(driver, dialect);
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  /** Audit columns the store owns on insert of a versioned row. */
  private static created(now: number): Columns {
    return [['version', 1n], ['created_time', now], ['last_modified_time', now]];
  }

  private byId(table: Table, id: bigint): Promise<Row | null> {
    const p = this.params();
    return this.one(`SELECT * FROM ${table} WHERE id = ${p.add(id)}`, p.values);
  }

  private async byIds(table: Table, ids: readonly bigint[]): Promise<Row[]> {
    if (ids.length === 0) return [];
    const p = this.params();
    return this.driver.all(`SELECT * FROM ${table} WHERE ${p.inBigints('id', ids)} ORDER BY id`, p.values);
  }

  /**
   * Compare-and-set on `version`. last_modified_time moves to now, and at least 1 ms past its old
   * value, so it visibly changes even when two writes fall in the same millisecond.
   */
  private updateStatement(
    table: Table, id: bigint, expectedVersion: bigint, columns: Columns, extraCondition?: (p: Params) => string,
  ): Statement {
    const p = this.params();
    const sets = columns.map(([c, v]) => `${c} = ${p.add(v)}`);
    sets.push('version = version + 1');
    sets.push(`last_modified_time = ${this.dialect.greatest(p.add(Date.now()), 'last_modified_time + 1')}`);
    let where = `id = ${p.add(id)} AND version = ${p.add(expectedVersion)}`;
    if (extraCondition) where += ` AND ${extraCondition(p)}`;
    return { sql: `UPDATE ${table} SET ${sets.join(', ')} WHERE ${where} RETURNING *`, params: p.values, guard: true };
  }

  private async update(table: Table, id: bigint, expectedVersion: bigint, columns: Columns): Promise<Row | null> {
    const { sql, params } = this.updateStatement(table, id, expectedVersion, columns);
    return this.one(sql, params);
  }

  /** Upsert of the one role a user holds on a customer. */
  private putRoleStatement(role: UserRoleRecord): Statement {
    const p = this.params();
    const columns = userRoleColumns(role);
    return {
      sql: `INSERT INTO user_roles (${columns.map(([c]) => c).join(', ')}) VALUES (${columns.map(([, v]) => p.add(v)).join(', ')}) `
        + 'ON CONFLICT (user_id, customer_id) DO UPDATE SET role_id = excluded.role_id, account_ids = excluded.account_ids',
      params: p.values,
    };
  }

  async getMeta(key: string): Promise<string | null> {
    const p = this.params();
    const row = await this.one(`SELECT value FROM meta WHERE key = ${p.add(key)}`, p.values);
    return row === null ? null : str(row, 'value');
  }

  async setMeta(key: string, value: string): Promise<void> {
    const p = this.params();
    await this.driver.run(
      `INSERT INTO meta (key, value) VALUES (${p.add(key)}, ${p.add(value)}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      p.values,
    );
  }

  async insertCustomer(customer: NewCustomer): Promise<CustomerRecord> {
    return customerFromRow(await this.insert('customers', [...customerColumns(customer), ...SqlStore.created(Date.now())]));
  }

  async getCustomer(id: bigint): Promise<CustomerRecord | null> {
    const row = await this.byId('customers', id);
    return row === null ? null : customerFromRow(row);
  }

  async getCustomers(ids: readonly bigint[]): Promise<CustomerRecord[]> {
    return (await this.byIds('customers', ids)).map(customerFromRow);
  }

  async insertPaymentMethod(customerId: bigint, type: string): Promise<PaymentMethodRecord> {
    const row = await this.insert('payment_methods', [['customer_id', customerId], ['type', type], ['created_time', Date.now()]]);
    return paymentMethodFromRow(row);
  }

  async getPaymentMethod(id: bigint): Promise<PaymentMethodRecord | null> {
    const row = await this.byId('payment_methods', id);
    return row === null ? null : paymentMethodFromRow(row);
  }

  async insertAccount(account: NewAccount): Promise<AccountRecord> {
    return accountFromRow(await this.insert('accounts', [...accountInsertColumns(account), ...SqlStore.created(Date.now())]));
  }

  async getAccount(id: bigint): Promise<AccountRecord | null> {
    const row = await this.byId('accounts', id);
    return row === null ? null : accountFromRow(row);
  }

  async getAccounts(ids: readonly bigint[]): Promise<AccountRecord[]> {
    return (await this.byIds('accounts', ids)).map(accountFromRow);
  }

  async queryAccounts(query: AccountQuery): Promise<AccountRecord[]> {
    const built = buildAccountQuery(query, this.dialect);
    return built === null ? [] : (await this.driver.all(built.sql, built.params)).map(accountFromRow);
  }

  async countAccountsInStatus(customerId: bigint, status: string): Promise<number> {
    const p = this.params();
    const row = await this.one(
      `SELECT COUNT(*) AS n FROM accounts WHERE customer_id = ${p.add(customerId)} AND life_cycle_status = ${p.add(status)}`,
      p.values,
    );
    return row === null ? 0 : int(row, 'n');
  }

  async updateAccount(id: bigint, expectedVersion: bigint, changes: AccountChanges): Promise<AccountRecord | null> {
    const row = await this.update('accounts', id, expectedVersion, accountChangeColumns(changes));
    return row === null ? null : accountFromRow(row);
  }

  async insertUser(user: NewUser): Promise<UserRecord> {
    return userFromRow(await this.insert('users', [...userInsertColumns(user), ...SqlStore.created(Date.now())]));
  }

  async getUser(id: bigint): Promise<UserRecord | null> {
    const row = await this.byId('users', id);
    return row === null ? null : userFromRow(row);
  }

  async getUserByName(userName: string): Promise<UserRecord | null> {
    const p = this.params();
    const row = await this.one(`SELECT * FROM users WHERE user_name_folded = ${p.add(fold(userName))}`, p.values);
    return row === null ? null : userFromRow(row);
  }

  async updateUser(id: bigint, expectedVersion: bigint, changes: UserChanges): Promise<UserRecord | null> {
    const row = await this.update('users', id, expectedVersion, userChangeColumns(changes));
    return row === null ? null : userFromRow(row);
  }

  async getUsers(ids: readonly bigint[]): Promise<UserRecord[]> {
    return (await this.byIds('users', ids)).map(userFromRow);
  }

  async listCustomerUsers(customerId: bigint, statuses: readonly string[]): Promise<UserRecord[]> {
    if (statuses.length === 0) return [];
    const p = this.params();
    const sql = `SELECT * FROM users WHERE (customer_id = ${p.add(customerId)} `
      + `OR id IN (SELECT user_id FROM user_roles WHERE customer_id = ${p.add(customerId)})) `
      + `AND ${p.inTexts('life_cycle_status', statuses)} ORDER BY id`;
    return (await this.driver.all(sql, p.values)).map(userFromRow);
  }

  async countAccountsWithPrimaryUser(userId: bigint): Promise<number> {
    const p = this.params();
    const row = await this.one(`SELECT COUNT(*) AS n FROM accounts WHERE primary_user_id = ${p.add(userId)}`, p.values);
    return row === null ? 0 : int(row, 'n');
  }

  async deleteUser(id: bigint, expectedVersion: bigint, at: Date, byUserId: bigint): Promise<UserRecord | null> {
    const markDeleted = this.updateStatement('users', id, expectedVersion,
      [['life_cycle_status', 'Deleted'], ['last_modified_by_user_id', byUserId]],
      (p) => `NOT EXISTS (SELECT 1 FROM accounts WHERE primary_user_id = ${p.add(id)})`);
    const roles = this.params();
    const rows = await this.driver.transaction([
      markDeleted,
      { sql: `DELETE FROM user_roles WHERE user_id = ${roles.add(id)}`, params: roles.values },
      ...this.oauth.userRevocation(id, at),
    ]);
    return rows === null ? null : userFromRow(rows[0]![0]!);
  }

  async putUserRole(role: UserRoleRecord): Promise<void> {
    const { sql, params } = this.putRoleStatement(role);
    await this.driver.run(sql, params);
  }

  async deleteUserRole(userId: bigint, customerId: bigint): Promise<boolean> {
    const p = this.params();
    return (await this.driver.run(
      `DELETE FROM user_roles WHERE user_id = ${p.add(userId)} AND customer_id = ${p.add(customerId)}`, p.values)) > 0;
  }

  async deleteUserRoles(userId: bigint): Promise<number> {
    const p = this.params();
    return this.driver.run(`DELETE FROM user_roles WHERE user_id = ${p.add(userId)}`, p.values);
  }

  async updateUserRoles(
    userId: bigint, expectedVersion: bigint,
    change: { put: readonly RoleGrant[]; remove: readonly bigint[]; byUserId: bigint },
  ): Promise<UserRecord | null> {
    const removals = change.remove.map((customerId): Statement => {
      const p = this.params();
      return { sql: `DELETE FROM user_roles WHERE user_id = ${p.add(userId)} AND customer_id = ${p.add(customerId)}`, params: p.values };
    });
    const rows = await this.driver.transaction([
      this.updateStatement('users', userId, expectedVersion, [['last_modified_by_user_id', change.byUserId]]),
      ...removals,
      ...change.put.map((grant) => this.putRoleStatement({ ...grant, userId })),
    ]);
    return rows === null ? null : userFromRow(rows[0]![0]!);
  }

  async insertUserInvitation(invitation: NewUserInvitation): Promise<UserInvitationRecord> {
    const row = await this.insert('user_invitations', [...userInvitationColumns(invitation), ['created_time', Date.now()]]);
    return userInvitationFromRow(row);
  }

  async getUserInvitation(id: bigint): Promise<UserInvitationRecord | null> {
    const row = await this.byId('user_invitations', id);
    return row === null ? null : userInvitationFromRow(row);
  }

  async findUserInvitationBySecret(secretHash: string): Promise<UserInvitationRecord | null> {
    const p = this.params();
    const row = await this.one(`SELECT * FROM user_invitations WHERE secret_hash = ${p.add(secretHash)}`, p.values);
    return row === null ? null : userInvitationFromRow(row);
  }

  async listPendingUserInvitations(customerId: bigint): Promise<UserInvitationRecord[]> {
    const p = this.params();
    const sql = `SELECT * FROM user_invitations WHERE customer_id = ${p.add(customerId)} AND accepted_time IS NULL ORDER BY id`;
    return (await this.driver.all(sql, p.values)).map(userInvitationFromRow);
  }

  async acceptUserInvitation(id: bigint, at: Date, user: NewUser, roles: readonly RoleGrant[]): Promise<UserRecord | null> {
    const claim = this.params();
    const claimSql = `UPDATE user_invitations SET accepted_time = ${claim.add(ms(at))} WHERE id = ${claim.add(id)} `
      + `AND accepted_time IS NULL AND expiration_date > ${claim.add(ms(at))}`;
    // The new user's id is only known once inserted: later steps read it from that insert's row.
    const newUserId = (previous: readonly Row[][]): bigint => big(previous[1]![0]!, 'id');
    const rows = await this.driver.transaction([
      { sql: claimSql, params: claim.values, guard: true },
      this.insertStatement('users', [...userInsertColumns(user), ...SqlStore.created(Date.now())]),
      ...roles.map((grant) => (previous: readonly Row[][]) => this.putRoleStatement({ ...grant, userId: newUserId(previous) })),
      (previous: readonly Row[][]) => {
        const p = this.params();
        return {
          sql: `UPDATE user_invitations SET accepted_user_id = ${p.add(newUserId(previous))} WHERE id = ${p.add(id)}`,
          params: p.values,
        };
      },
    ]);
    return rows === null ? null : userFromRow(rows[1]![0]!);
  }

  async listUserRoles(userId: bigint): Promise<UserRoleRecord[]> {
    const p = this.params();
    return (await this.driver.all(`SELECT * FROM user_roles WHERE user_id = ${p.add(userId)} ORDER BY customer_id`, p.values)).map(userRoleFromRow);
  }

  async listCustomerRoles(customerId: bigint): Promise<UserRoleRecord[]> {
    const p = this.params();
    return (await this.driver.all(`SELECT * FROM user_roles WHERE customer_id = ${p.add(customerId)} ORDER BY user_id`, p.values)).map(userRoleFromRow);
  }

  async insertClientLink(link: NewClientLink): Promise<ClientLinkRecord> {
    const row = await this.insert('client_links', [...clientLinkColumns(link), ['version', 1n], ['last_modified_time', Date.now()]]);
    return clientLinkFromRow(row);
  }

  async listClientLinksByManager(managingCustomerIds: readonly bigint[], statuses: readonly string[]): Promise<ClientLinkRecord[]> {
    if (managingCustomerIds.length === 0 || statuses.length === 0) return [];
    const p = this.params();
    const sql = `SELECT * FROM client_links WHERE ${p.inBigints('managing_customer_id', managingCustomerIds)} AND ${p.inTexts('status', statuses)} ORDER BY id`;
    return (await this.driver.all(sql, p.values)).map(clientLinkFromRow);
  }

  async insertDeveloperToken(token: NewDeveloperToken): Promise<DeveloperTokenRecord> {
    return developerTokenFromRow(await this.insert('developer_tokens', [...developerTokenColumns(token), ['created_time', Date.now()]]));
  }

  async findDeveloperToken(tokenHash: string): Promise<DeveloperTokenRecord | null> {
    const p = this.params();
    const row = await this.one(`SELECT * FROM developer_tokens WHERE token_hash = ${p.add(tokenHash)}`, p.values);
    return row === null ? null : developerTokenFromRow(row);
  }

  async listDeveloperTokens(userId: bigint): Promise<DeveloperTokenRecord[]> {
    const p = this.params();
    return (await this.driver.all(`SELECT * FROM developer_tokens WHERE user_id = ${p.add(userId)} ORDER BY id`, p.values)).map(developerTokenFromRow);
  }

  async revokeDeveloperToken(id: bigint, at: Date): Promise<boolean> {
    const p = this.params();
    const sql = `UPDATE developer_tokens SET revoked_time = ${p.add(ms(at))} WHERE id = ${p.add(id)} AND revoked_time IS NULL`;
    return (await this.driver.run(sql, p.values)) > 0;
  }

  async insertAccessToken(token: NewAccessToken): Promise<AccessTokenRecord> {
    return accessTokenFromRow(await this.insert('access_tokens', [...accessTokenColumns(token), ['created_time', Date.now()]]));
  }

  async findAccessToken(tokenHash: string): Promise<AccessTokenRecord | null> {
    const p = this.params();
    const row = await this.one(`SELECT * FROM access_tokens WHERE token_hash = ${p.add(tokenHash)}`, p.values);
    return row === null ? null : accessTokenFromRow(row);
  }

  async revokeAccessToken(tokenHash: string, at: Date): Promise<boolean> {
    const p = this.params();
    const sql = `UPDATE access_tokens SET revoked_time = ${p.add(ms(at))} WHERE token_hash = ${p.add(tokenHash)} AND revoked_time IS NULL`;
    return (await this.driver.run(sql, p.values)) > 0;
  }

  insertOutboxMessage(message: NewOutboxMessage): Promise<OutboxMessageRecord> {
    return this.outbox.insertOutboxMessage(message);
  }

  listOutboxMessages(query: { to?: string; limit: number }): Promise<OutboxMessageRecord[]> {
    return this.outbox.listOutboxMessages(query);
  }

  insertOAuthClient(client: NewOAuthClient): Promise<OAuthClientRecord> {
    return this.oauth.insertOAuthClient(client);
  }

  getOAuthClient(clientId: string): Promise<OAuthClientRecord | null> {
    return this.oauth.getOAuthClient(clientId);
  }

  listOAuthClients(ownerUserId: bigint): Promise<OAuthClientRecord[]> {
    return this.oauth.listOAuthClients(ownerUserId);
  }

  insertAuthorizationCode(code: NewAuthorizationCode): Promise<AuthorizationCodeRecord> {
    return this.oauth.insertAuthorizationCode(code);
  }

  findAuthorizationCode(codeHash: string): Promise<AuthorizationCodeRecord | null> {
    return this.oauth.findAuthorizationCode(codeHash);
  }

  consumeAuthorizationCode(codeHash: string, at: Date): Promise<AuthorizationCodeRecord | null> {
    return this.oauth.consumeAuthorizationCode(codeHash, at);
  }

  insertRefreshToken(token: NewRefreshToken): Promise<RefreshTokenRecord> {
    return this.oauth.insertRefreshToken(token);
  }

  findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | null> {
    return this.oauth.findRefreshToken(tokenHash);
  }

  rotateRefreshToken(tokenHash: string, at: Date, next: NewRefreshToken): Promise<RefreshTokenRecord | null> {
    return this.oauth.rotateRefreshToken(tokenHash, at, next);
  }

  revokeGrant(grantId: string, at: Date): Promise<number> {
    return this.oauth.revokeGrant(grantId, at);
  }

  revokeUserTokens(userId: bigint, at: Date): Promise<number> {
    return this.oauth.revokeUserTokens(userId, at);
  }
}
