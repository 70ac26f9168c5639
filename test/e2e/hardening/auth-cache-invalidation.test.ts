// Credentials and access are cached across requests (auth/credential-cache, the access epoch of
// migration 14); a change must still take effect on the very next call: a revoked token, a
// removed (or granted) role, a user made inactive, a deleted user. On PostgreSQL two server
// processes share one schema and the change is made through a third connection, so neither
// server can have heard of it except through the database.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { faces, restCodes } from '../../support/faces.js';
import { faultCodes } from '../../support/clients.js';
import type { RunningServer } from '../../support/server.js';
import { onSharedStores, oneSqliteServer } from '../../support/servers-on-one-store.js';
import type { Store } from '../../../src/store/store.js';
import type { UserRecord } from '../../../src/store/records.js';
import { issueAccessToken } from '../../../src/auth/issue-tokens.js';
import { hashSecret } from '../../../src/domain/credentials.js';
import { Role } from '../../../src/domain/roles.js';
import { DEMO_USER_KEY } from '../../../src/cli/demo-tenant.js';

const INVALID_CREDENTIALS = 105;
const NOT_AUTHORIZED = 106;

interface World {
  servers: RunningServer[];
  store: Store;
}

/** GetAccount of `accountId` on every server over both faces: the fault codes seen, [] for success. */
async function getAccountEverywhere(world: World, token: string, accountId: bigint): Promise<number[][]> {
  const out: number[][] = [];
  for (const server of world.servers) {
    const f = faces(server);
    const s = await f.soap('GetAccount', `<AccountId>${accountId}</AccountId>`, token);
    out.push(s.status === 200 ? [] : faultCodes(s));
    const r = await f.rest('GetAccount', { AccountId: accountId.toString() }, token);
    out.push(r.status === 200 ? [] : restCodes(r));
  }
  return out;
}

function expectEverywhere(world: World, seen: number[][], codes: number[]): void {
  assert.deepEqual(seen, Array.from({ length: world.servers.length * 2 }, () => codes));
}

async function newUser(store: Store, customerId: bigint, label: string): Promise<{ user: UserRecord; token: string }> {
  const userName = `cache-${label}-${Date.now()}@example.com`;
  const user = await store.insertUser({
    customerId, userName, firstName: 'Cache', lastName: 'Test', middleInitial: null, jobTitle: null, lcid: 'EnglishUS',
    lifeCycleStatus: 'Active', passwordHash: null, contactInfo: null, lastModifiedByUserId: null,
  });
  await store.putUserRole({ userId: user.id, customerId, roleId: Role.SuperAdmin, accountIds: null });
  const { accessToken } = await issueAccessToken(store, 'sandbox', user.id);
  return { user, token: accessToken };
}

function invalidationRules(name: string, setUp: () => Promise<World & { cleanUp: () => Promise<void> }>): void {
  describe(name, () => {
    let world: World & { cleanUp: () => Promise<void> };
    let customerId: bigint;
    let accountId: bigint;
    before(async () => {
      world = await setUp();
      const demo = await world.store.getUser(BigInt((await world.store.getMeta(DEMO_USER_KEY))!));
      customerId = demo!.customerId;
      const [account] = await world.store.queryAccounts({ scope: { customerIds: [customerId], accountIds: [] }, customerId, limit: 1 });
      accountId = account!.id;
    });
    after(async () => world?.cleanUp());

    it('a revoked access token is refused (105) on the next call, on every server', async () => {
      const { token } = await newUser(world.store, customerId, 'revoked');
      // Twice: the second round is served from the cache.
      expectEverywhere(world, await getAccountEverywhere(world, token, accountId), []);
      expectEverywhere(world, await getAccountEverywhere(world, token, accountId), []);
      assert.equal(await world.store.revokeAccessToken(hashSecret(token), new Date()), true);
      expectEverywhere(world, await getAccountEverywhere(world, token, accountId), [INVALID_CREDENTIALS]);
    });

    it('a removed role takes the account away at once, and a granted one gives it back at once', async () => {
      const { user, token } = await newUser(world.store, customerId, 'role');
      expectEverywhere(world, await getAccountEverywhere(world, token, accountId), []);
      expectEverywhere(world, await getAccountEverywhere(world, token, accountId), []);
      assert.equal(await world.store.deleteUserRole(user.id, customerId), true);
      expectEverywhere(world, await getAccountEverywhere(world, token, accountId), [NOT_AUTHORIZED]);
      await world.store.putUserRole({ userId: user.id, customerId, roleId: Role.Viewer, accountIds: null });
      expectEverywhere(world, await getAccountEverywhere(world, token, accountId), []);
    });

    it('a user made inactive is refused (105) on the next call', async () => {
      const { user, token } = await newUser(world.store, customerId, 'inactive');
      expectEverywhere(world, await getAccountEverywhere(world, token, accountId), []);
      expectEverywhere(world, await getAccountEverywhere(world, token, accountId), []);
      assert.ok(await world.store.updateUser(user.id, user.version, { ...user, lifeCycleStatus: 'Inactive' }));
      expectEverywhere(world, await getAccountEverywhere(world, token, accountId), [INVALID_CREDENTIALS]);
    });

    it('a deleted user is refused (105) on the next call', async () => {
      const { user, token } = await newUser(world.store, customerId, 'deleted');
      expectEverywhere(world, await getAccountEverywhere(world, token, accountId), []);
      expectEverywhere(world, await getAccountEverywhere(world, token, accountId), []);
      assert.ok(await world.store.deleteUser(user.id, user.version, new Date(), user.id));
      expectEverywhere(world, await getAccountEverywhere(world, token, accountId), [INVALID_CREDENTIALS]);
    });
  });
}

await onSharedStores('credential cache invalidation', invalidationRules, { how: 'change from another process', open: oneSqliteServer }, 'cache');
