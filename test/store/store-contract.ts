// The one behavioural contract every Store backend must pass. Backend test files call
// runStoreContract with a function opening a fresh, migrated store.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/store.js';
import { accountInfoTests } from './contract/account-infos.js';
import { accountQueryTests } from './contract/account-query.js';
import { accountReachTests } from './contract/account-reach.js';
import { clientLinkTests } from './contract/client-links.js';
import { clientLinkGuardTests } from './contract/client-link-guard.js';
import { customerAndAccountTests } from './contract/customers-accounts.js';
import { customerWriteTests } from './contract/customers-writes.js';
import { customerSearchTests } from './contract/customer-search.js';
import { managerLinkTests } from './contract/manager-links.js';
import { account, customer, uniq, user, type Ctx } from './contract/fixtures.js';
import { userAndInvitationTests } from './contract/users-invitations.js';
import { oauthTests } from './contract/oauth.js';
import { outboxTests } from './contract/outbox.js';
import { pilotAndNotificationTests } from './contract/pilots-notifications.js';
import { userAndTokenTests } from './contract/users-tokens.js';
import { tenantTests } from './contract/tenants.js';
import { stateTests } from './contract/state.js';

export function runStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    // Filled in before any test runs; sections read ctx.store lazily.
    const ctx = {} as Ctx;
    before(async () => {
      ctx.store = await open();
    });
    after(async () => {
      await ctx.store?.close();
    });

    customerAndAccountTests(ctx);
    customerWriteTests(ctx);
    accountQueryTests(ctx);
    accountReachTests(ctx);
    accountInfoTests(ctx);
    customerSearchTests(ctx);
    managerLinkTests(ctx);
    userAndTokenTests(ctx);
    userAndInvitationTests(ctx);
    outboxTests(ctx);
    oauthTests(ctx);
    clientLinkTests(ctx);
    clientLinkGuardTests(ctx);
    pilotAndNotificationTests(ctx);
    tenantTests(ctx);

    describe('hostile input', () => {
      it('round-trips SQL-looking strings as plain data', async () => {
        const evil = "x'); DROP TABLE accounts;--";
        const c = await customer(ctx, { name: evil, number: `${uniq('N')}'--` });
        const a = await account(ctx, c.id, { name: evil, number: `${uniq('F')}"; DELETE FROM users; --` });
        const u = await user(ctx, c.id, { userName: `${uniq('u')}${evil}`, firstName: '\\%_\'"?$1' });
        await ctx.store.setMeta(evil, evil);
        assert.equal(await ctx.store.getMeta(evil), evil);
        assert.deepEqual(await ctx.store.getCustomer(c.id), c);
        assert.deepEqual(await ctx.store.getAccount(a.id), a);
        assert.deepEqual(await ctx.store.getUserByName(u.userName), u);
        const scope = { customerIds: [c.id], accountIds: [] };
        assert.deepEqual(await ctx.store.queryAccounts({ scope, nameEquals: evil }), [a]);
        assert.deepEqual(await ctx.store.queryAccounts({ scope, nameContains: "'); drop" }), [a]);
        assert.deepEqual(await ctx.store.queryAccounts({ scope, prefix: { value: evil, on: 'nameOrNumber' } }), [a]);
        assert.equal(await ctx.store.countAccountsInStatus(c.id, evil), 0);
      });
    });

    // Last: it empties the store.
    stateTests(ctx);
  });
}
