// Contract: a tenant (customer, user, role, payment method, account, developer token, meta claim)
// is written by one transaction — wholly or not at all — the same on SQLite and PostgreSQL.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NewTenant } from '../../../src/store/records.js';
import { StoreConflict } from '../../../src/store/store.js';
import { account, BIG, customer, newAccount, newCustomer, newUser, uniq, user, type Ctx } from './fixtures.js';

function tenant(over: Partial<NewTenant> = {}): NewTenant {
  const { customerId: _c, ...u } = newUser(0n, { userName: uniq('tenant.Ünïcode.') });
  const { customerId: _a, paymentMethodId: _p, billToCustomerId: _b, primaryUserId: _u, lastModifiedByUserId: _m, ...a } = newAccount(0n);
  return { customer: newCustomer({ number: uniq('T').toUpperCase() }), user: u, roleId: 41, paymentMethodType: 'CreditCard', account: a, ...over };
}

export function tenantTests(ctx: Ctx): void {
  describe('tenants', () => {
    it('createTenant writes the customer, user, role, payment method and account, linked by their new ids', async () => {
      const t = tenant({ developerToken: { tokenHash: uniq('hash'), hint: 'AB12' } });
      const created = await ctx.store.createTenant(t);
      assert.ok(created);
      const { customer: c, user: u, paymentMethod: pm, account: a } = created;
      assert.deepEqual(await ctx.store.getCustomer(c.id), c);
      assert.equal(c.number, t.customer.number);
      assert.deepEqual(await ctx.store.getUserByName(t.user.userName), u);
      assert.equal(u.customerId, c.id);
      assert.deepEqual(await ctx.store.listUserRoles(u.id), [{ userId: u.id, customerId: c.id, roleId: 41, accountIds: null }]);
      assert.deepEqual(await ctx.store.getPaymentMethod(pm.id), pm);
      assert.equal(pm.customerId, c.id);
      assert.deepEqual(await ctx.store.getAccount(a.id), a);
      assert.equal(a.customerId, c.id);
      assert.equal(a.paymentMethodId, pm.id);
      assert.equal(a.billToCustomerId, c.id);
      assert.equal(a.primaryUserId, u.id);
      assert.equal(a.lastModifiedByUserId, u.id);
      assert.equal((await ctx.store.findDeveloperToken(t.developerToken!.tokenHash))?.userId, u.id);
    });

    for (const [what, failing] of [
      ['user_name', async (t: NewTenant) => {
        await user(ctx, (await customer(ctx)).id, { userName: t.user.userName.toUpperCase() });
      }],
      ['account_number', async (t: NewTenant) => {
        await account(ctx, (await customer(ctx)).id, { number: t.account.number });
      }],
      ['customer_number', async (t: NewTenant) => {
        await customer(ctx, { number: t.customer.number });
      }],
    ] as const) {
      it(`a failing tenant insert (${what} taken) leaves nothing behind`, async () => {
        const key = uniq('claim_');
        const t = tenant({ claimMetaKey: key, developerToken: { tokenHash: uniq('hash'), hint: 'CD34' } });
        await failing(t);
        const before = await ctx.store.getUserByName(t.user.userName);
        await assert.rejects(ctx.store.createTenant(t), (err: unknown) => err instanceof StoreConflict && err.what === what);
        if (what !== 'customer_number') assert.equal(await ctx.store.idByNumber('customer', t.customer.number), null, 'no customer');
        assert.deepEqual(await ctx.store.getUserByName(t.user.userName), before, 'no user');
        if (what !== 'account_number') assert.equal(await ctx.store.idByNumber('account', t.account.number), null, 'no account');
        assert.equal(await ctx.store.findDeveloperToken(t.developerToken!.tokenHash), null, 'no developer token');
        assert.equal(await ctx.store.getMeta(key), null, 'no claim');
        // …and the same tenant then goes in whole once the clash is gone (fresh names and numbers).
        const retried = await ctx.store.createTenant(tenant({ claimMetaKey: key }));
        assert.ok(retried);
        assert.equal(await ctx.store.getMeta(key), retried.user.id.toString());
      });
    }

    it('a claimed meta key: nothing is written, null; racing claimants leave exactly one tenant', async () => {
      const key = uniq('claim_');
      const racers = Array.from({ length: 6 }, () => tenant({ claimMetaKey: key }));
      const results = await Promise.all(racers.map((t) => ctx.store.createTenant(t)));
      const winners = results.filter((r) => r !== null);
      assert.equal(winners.length, 1);
      assert.equal(await ctx.store.getMeta(key), winners[0]!.user.id.toString());
      for (const [i, t] of racers.entries()) {
        if (results[i] !== null) continue;
        assert.equal(await ctx.store.idByNumber('customer', t.customer.number), null);
        assert.equal(await ctx.store.getUserByName(t.user.userName), null);
        assert.equal(await ctx.store.idByNumber('account', t.account.number), null);
      }
    });

    it('claimMeta: the first value stays; later claims return it', async () => {
      const key = uniq('meta_');
      const values = await Promise.all(['a', 'b', 'c', 'd'].map((v) => ctx.store.claimMeta(key, v)));
      assert.equal(new Set(values).size, 1);
      assert.equal(await ctx.store.getMeta(key), values[0]);
      assert.equal(await ctx.store.claimMeta(key, 'later'), values[0]);
    });

    it('insertUserInvitation with its e-mail: both written, or (a taken secret) neither', async () => {
      const c = await customer(ctx);
      const to = uniq('invitee.Ü.') + '@example.test';
      const invitation = {
        customerId: c.id, firstName: 'Zoë', lastName: 'Ünïcode', email: to, roleId: 41, accountIds: null, lcid: 'EnglishUS' as const,
        expirationDate: new Date(Date.now() + 86_400_000), secretHash: uniq('secret-'), createdByUserId: BIG,
      };
      const message = { to, subject: 'Invitation', body: 'the link', createdTime: new Date() };
      await ctx.store.insertUserInvitation(invitation, [message]);
      assert.equal((await ctx.store.listOutboxMessages({ to, limit: 10 })).length, 1);
      await assert.rejects(ctx.store.insertUserInvitation(invitation, [{ ...message, body: 'second' }]),
        (err: unknown) => err instanceof StoreConflict && err.what === 'token');
      assert.deepEqual((await ctx.store.listOutboxMessages({ to, limit: 10 })).map((m) => m.body), ['the link'], 'no e-mail of the refused invitation');
    });

    it('insertClientLink with its notices: the link and every notice in one write', async () => {
      const manager = await customer(ctx);
      const client = await account(ctx, (await customer(ctx)).id);
      const to = uniq('client.') + '@example.test';
      const link = await ctx.store.insertClientLink({
        type: 'AccountLink', clientEntityId: client.id, managingCustomerId: manager.id, status: 'LinkPending', name: 'Link Ü', note: null,
        isBillToClient: false, startDate: new Date(), inviterEmail: null, inviterName: null, inviterPhone: null, customerLinkPermission: null,
        suppressNotification: false, lastModifiedByUserId: BIG, createdTime: new Date(),
      }, [{ to, subject: 'a', body: 'one', createdTime: new Date() }, { to, subject: 'b', body: 'two', createdTime: new Date() }]);
      assert.deepEqual(await ctx.store.getClientLink(link.id), link);
      assert.deepEqual((await ctx.store.listOutboxMessages({ to, limit: 10 })).map((m) => m.body).sort(), ['one', 'two']);
    });

    it('insertAccount with prepaidAt: the account and its prepay mark together; a refused account marks nothing', async () => {
      const c = await customer(ctx);
      const prepaid = await ctx.store.insertAccount(newAccount(c.id), { prepaidAt: new Date() });
      assert.equal(await ctx.store.isPrepayAccount(prepaid.id), true);
      const plain = await ctx.store.insertAccount(newAccount(c.id));
      assert.equal(await ctx.store.isPrepayAccount(plain.id), false);
      await assert.rejects(ctx.store.insertAccount(newAccount(c.id, { name: prepaid.name }), { prepaidAt: new Date() }),
        (err: unknown) => err instanceof StoreConflict && err.what === 'account_name');
    });
  });
}
