// The world the user and invitation end-to-end tests start from: one real server; customer A with a
// second account and, besides its Super Admin, a Standard User, a Viewer, an Advertiser Campaign
// Manager and a Standard User limited to A's first account, each with a token. They are created one
// after another so their ids ascend in that order (GetUsersInfo lists by id).
// `useUsersWorld()` starts it before a file's tests and stops it after.
import { after, before } from 'node:test';
import type { AccountRecord, UserRecord } from '../../src/store/records.js';
import type { Store } from '../../src/store/store.js';
import { faces, type Faces } from './faces.js';
import { addTestAccount, addUser, createTestTenant, tokenFor, type TestTenant, type TestUser } from './fixtures.js';
import { startServer, type RunningServer } from './server.js';

/** A user's roles as the store holds them: [customer, role, accounts or null for the whole customer]. */
export type StoredRole = [bigint, number, bigint[] | null];

export class UsersWorld {
  server!: RunningServer;
  store!: Store;
  call!: Faces;
  /** Customer A; A.token is its Super Admin's. */
  a!: TestTenant;
  /** A second account of A. */
  a2!: AccountRecord;
  /** Standard User (203) over the whole of A. */
  standard!: TestUser;
  /** Viewer (100) over the whole of A. */
  viewer!: TestUser;
  /** Advertiser Campaign Manager (16) limited to A's first account. */
  acm!: TestUser;
  /** Standard User (203) limited to A's first account. */
  restricted!: TestUser;

  async start(): Promise<void> {
    this.server = await startServer();
    this.store = await this.server.store();
    this.call = faces(this.server);
    this.a = await createTestTenant(this.store, 'sandbox', 'A');
    this.a2 = await addTestAccount(this.store, this.a.customer.id);
    this.standard = await this.user(203, null, 'standard');
    this.viewer = await this.user(100, null, 'viewer');
    this.acm = await this.user(16, [this.a.account.id], 'acm');
    this.restricted = await this.user(203, [this.a.account.id], 'restricted');
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }

  /** The Super Admin's token. */
  get admin(): string { return this.a.token; }

  /** The tokens of the callers who may not manage other users: Viewer, ACM, account-restricted Standard User. */
  get lesserTokens(): string[] { return [this.viewer.token, this.acm.token, this.restricted.token]; }

  private async user(roleId: number, accountIds: bigint[] | null, label: string): Promise<TestUser> {
    const user = await addUser(this.store, this.a.customer.id, roleId, accountIds, label);
    return { user, token: await tokenFor(this.store, user.id) };
  }

  /** A new user of A with this role (or none), with no token. */
  fresh = (roleId: number | null, accountIds: bigint[] | null = null): Promise<UserRecord> =>
    addUser(this.store, this.a.customer.id, roleId, accountIds);

  /** The user as stored now. */
  stored = async (id: bigint): Promise<UserRecord> => (await this.store.getUser(id))!;

  roles = async (id: bigint): Promise<StoredRole[]> =>
    (await this.store.listUserRoles(id)).map((r) => [r.customerId, r.roleId, r.accountIds]);
}

export function useUsersWorld(): UsersWorld {
  const world = new UsersWorld();
  before(() => world.start());
  after(() => world.stop());
  return world;
}
