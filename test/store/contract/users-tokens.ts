// Contract: users (incl. compare-and-set), roles, client links, developer and access tokens.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NewClientLink, UserChanges, UserRecord } from '../../../src/store/records.js';
import {
  account, assertFresh, BIG, contactInfo, customer, inputOf, newUser, rejectsConflict, uniq, user, type Ctx,
} from './fixtures.js';

function changesOf(rec: UserRecord, over: Partial<UserChanges> = {}): UserChanges {
  const { id: _i, customerId: _c, userName: _u, passwordHash: _p, version: _v, createdTime: _t, ...rest } = rec;
  return { ...rest, ...over };
}

function newLink(managingCustomerId: bigint, over: Partial<NewClientLink> = {}): NewClientLink {
  return {
    type: 'AccountLink', clientEntityId: BIG, managingCustomerId, status: 'LinkPending', name: 'link',
    note: 'note', isBillToClient: true, startDate: new Date(1700000000123), inviterEmail: 'a@b.c',
    inviterName: 'Inviter', inviterPhone: '555', customerLinkPermission: 'Standard', suppressNotification: false,
    lastModifiedByUserId: BIG + 1n, ...over,
  };
}

export function userAndTokenTests(ctx: Ctx): void {
  describe('users', () => {
    it('round-trips every field, incl. contact info with nested bigint ids', async () => {
      const c = await customer(ctx);
      const input = newUser(c.id);
      const rec = await ctx.store.insertUser(input);
      assertFresh(rec, 200000001n);
      assert.ok(rec.id < 300000000n);
      assert.deepEqual(inputOf(rec), input);
      assert.equal(rec.contactInfo?.address?.id, BIG + 21n);
      assert.deepEqual(await ctx.store.getUser(rec.id), rec);
      assert.equal(await ctx.store.getUser(BIG), null);
    });

    it('round-trips nulls, also inside contact info', async () => {
      const c = await customer(ctx);
      const input = newUser(c.id, {
        firstName: null, lastName: null, middleInitial: null, jobTitle: null, lcid: null, passwordHash: null,
        lastModifiedByUserId: null,
        contactInfo: contactInfo(1n, { email: null, emailFormat: null, phone1: null, mobile: null, contactByPhone: null, contactByPostalMail: null, address: null }),
      });
      const rec = await ctx.store.insertUser(input);
      assert.deepEqual(inputOf(rec), input);
      const bare = await user(ctx, c.id, { contactInfo: null });
      assert.deepEqual(await ctx.store.getUser(bare.id), bare);
    });

    it('finds users by name case-insensitively and refuses duplicate names', async () => {
      const c = await customer(ctx);
      const name = `${uniq('Ünï.')}@Example.com`;
      const rec = await user(ctx, c.id, { userName: name });
      assert.deepEqual(await ctx.store.getUserByName(name.toUpperCase()), rec);
      assert.deepEqual(await ctx.store.getUserByName(name.toLowerCase()), rec);
      assert.equal(await ctx.store.getUserByName(`${name}x`), null);
      await rejectsConflict(user(ctx, c.id, { userName: name.toLowerCase() }), 'user_name');
    });

    it('updateUser is a compare-and-set that bumps version and lastModifiedTime', async () => {
      const c = await customer(ctx);
      const v1 = await user(ctx, c.id);
      const changes = changesOf(v1, {
        firstName: 'Grace', lastName: null, contactInfo: contactInfo(BIG + 40n, { address: null }),
        lifeCycleStatus: 'Inactive', lastModifiedByUserId: BIG + 41n,
      });
      const v2 = await ctx.store.updateUser(v1.id, 1n, changes);
      assert.ok(v2 !== null);
      assert.equal(v2.version, 2n);
      assert.ok(v2.lastModifiedTime.getTime() > v1.lastModifiedTime.getTime());
      assert.equal(v2.createdTime.getTime(), v1.createdTime.getTime());
      const { lastModifiedTime: _a, ...expected } = changes;
      const { lastModifiedTime: _b, ...actual } = changesOf(v2);
      assert.deepEqual(actual, expected);
      assert.equal(v2.userName, v1.userName);
      assert.equal(v2.passwordHash, v1.passwordHash);
      assert.equal(v2.customerId, v1.customerId);
      assert.equal(await ctx.store.updateUser(v1.id, 1n, changesOf(v1)), null);
      assert.deepEqual(await ctx.store.getUser(v1.id), v2);
      const v3 = await ctx.store.updateUser(v1.id, 2n, changesOf(v2));
      assert.equal(v3?.version, 3n);
      assert.equal(await ctx.store.updateUser(BIG, 1n, changesOf(v1)), null);
    });
  });

  describe('user roles', () => {
    it('puts, lists by user and by customer; a second role on the same customer is added beside the first', async () => {
      const c1 = await customer(ctx);
      const c2 = await customer(ctx);
      const u1 = await user(ctx, c1.id);
      const u2 = await user(ctx, c1.id);
      const acc = await account(ctx, c1.id);
      assert.deepEqual(await ctx.store.listUserRoles(u1.id), []);
      await ctx.store.putUserRole({ userId: u1.id, customerId: c2.id, roleId: 41, accountIds: null });
      await ctx.store.putUserRole({ userId: u1.id, customerId: c1.id, roleId: 16, accountIds: [acc.id, BIG] });
      await ctx.store.putUserRole({ userId: u2.id, customerId: c1.id, roleId: 41, accountIds: [] });
      assert.deepEqual(await ctx.store.listUserRoles(u1.id), [
        { userId: u1.id, customerId: c1.id, roleId: 16, accountIds: [acc.id, BIG] },
        { userId: u1.id, customerId: c2.id, roleId: 41, accountIds: null },
      ]);
      await ctx.store.putUserRole({ userId: u1.id, customerId: c1.id, roleId: 33, accountIds: null });
      assert.deepEqual(await ctx.store.listCustomerRoles(c1.id), [
        { userId: u1.id, customerId: c1.id, roleId: 16, accountIds: [acc.id, BIG] },
        { userId: u1.id, customerId: c1.id, roleId: 33, accountIds: null },
        { userId: u2.id, customerId: c1.id, roleId: 41, accountIds: [] },
      ]);
      assert.equal((await ctx.store.listUserRoles(u1.id)).length, 3);
    });

    it('the same role on the same customer again replaces its account list (an upsert per user, customer and role)', async () => {
      const c = await customer(ctx);
      const u = await user(ctx, c.id);
      const acc = await account(ctx, c.id);
      await ctx.store.putUserRole({ userId: u.id, customerId: c.id, roleId: 16, accountIds: [acc.id] });
      await ctx.store.putUserRole({ userId: u.id, customerId: c.id, roleId: 16, accountIds: [acc.id, BIG] });
      assert.deepEqual(await ctx.store.listUserRoles(u.id), [{ userId: u.id, customerId: c.id, roleId: 16, accountIds: [acc.id, BIG] }]);
    });

    it('an Aggregator holds 33 and 41 on one customer; removing one role keeps the other', async () => {
      const c = await customer(ctx);
      const u = await user(ctx, c.id);
      await ctx.store.putUserRole({ userId: u.id, customerId: c.id, roleId: 41, accountIds: null });
      await ctx.store.putUserRole({ userId: u.id, customerId: c.id, roleId: 33, accountIds: null });
      assert.deepEqual((await ctx.store.listUserRoles(u.id)).map((r) => r.roleId), [33, 41], 'ordered by role id');
      assert.equal(await ctx.store.deleteUserRole(u.id, c.id, 41), true);
      assert.equal(await ctx.store.deleteUserRole(u.id, c.id, 41), false);
      assert.deepEqual(await ctx.store.listUserRoles(u.id), [{ userId: u.id, customerId: c.id, roleId: 33, accountIds: null }]);
      const after = await ctx.store.updateUserRoles(u.id, 1n, {
        put: [{ customerId: c.id, roleId: 41, accountIds: null }], remove: [{ customerId: c.id, roleId: 33 }], byUserId: BIG,
      });
      assert.ok(after);
      assert.deepEqual(await ctx.store.listUserRoles(u.id), [{ userId: u.id, customerId: c.id, roleId: 41, accountIds: null }]);
    });
  });

  describe('client links', () => {
    it('round-trips every field, with nulls too', async () => {
      const m = await customer(ctx, { isAgency: true });
      const input = newLink(m.id);
      const rec = await ctx.store.insertClientLink(input);
      assert.ok(rec.id >= 400000001n && rec.id < 500000000n);
      assert.equal(rec.version, 1n);
      assert.ok(Math.abs(rec.lastModifiedTime.getTime() - Date.now()) < 60_000);
      // Version 5: not an aggregatee link unless said so; created now unless a time is given.
      const { id: _i, version: _v, lastModifiedTime: _t, createdTime: _c, aggregatee, ...rest } = rec;
      assert.deepEqual(rest, input);
      assert.equal(aggregatee, false);
      assert.ok(Math.abs(rec.createdTime.getTime() - Date.now()) < 60_000);
      const nulls = newLink(m.id, {
        type: 'CustomerLink', name: null, note: null, isBillToClient: null, startDate: null, inviterEmail: null,
        inviterName: null, inviterPhone: null, customerLinkPermission: null, suppressNotification: true,
        lastModifiedByUserId: null,
      });
      const rec2 = await ctx.store.insertClientLink(nulls);
      const { id: _i2, version: _v2, lastModifiedTime: _t2, createdTime: _c2, aggregatee: _a2, ...rest2 } = rec2;
      assert.deepEqual(rest2, nulls);
      const falsy = await ctx.store.insertClientLink(newLink(m.id, { isBillToClient: false }));
      assert.equal(falsy.isBillToClient, false);
      assert.deepEqual(await ctx.store.listClientLinksByManager([m.id], ['LinkPending']), [rec, rec2, falsy]);
    });

    it('lists by managers and statuses, ordered by id', async () => {
      const m1 = await customer(ctx, { isAgency: true });
      const m2 = await customer(ctx, { isAgency: true });
      const m3 = await customer(ctx, { isAgency: true });
      const l1 = await ctx.store.insertClientLink(newLink(m1.id, { status: 'Active' }));
      const l2 = await ctx.store.insertClientLink(newLink(m2.id, { status: 'LinkPending' }));
      const l3 = await ctx.store.insertClientLink(newLink(m1.id, { status: 'Inactive' }));
      await ctx.store.insertClientLink(newLink(m3.id, { status: 'Active' }));
      assert.deepEqual(await ctx.store.listClientLinksByManager([m2.id, m1.id], ['Active', 'LinkPending']), [l1, l2]);
      assert.deepEqual(await ctx.store.listClientLinksByManager([m1.id], ['Inactive']), [l3]);
      assert.deepEqual(await ctx.store.listClientLinksByManager([], ['Active']), []);
      assert.deepEqual(await ctx.store.listClientLinksByManager([m1.id], []), []);
    });
  });

  describe('developer tokens', () => {
    it('inserts, finds, lists, refuses duplicates and revokes once', async () => {
      const c = await customer(ctx);
      const u = await user(ctx, c.id);
      const hash = uniq('sha256-');
      const t1 = await ctx.store.insertDeveloperToken({ userId: u.id, tokenHash: hash, hint: 'ab12' });
      assert.ok(t1.id >= 500000001n);
      assert.equal(t1.revokedTime, null);
      assert.deepEqual({ userId: t1.userId, tokenHash: t1.tokenHash, hint: t1.hint }, { userId: u.id, tokenHash: hash, hint: 'ab12' });
      const t2 = await ctx.store.insertDeveloperToken({ userId: u.id, tokenHash: uniq('sha256-'), hint: 'cd34' });
      assert.deepEqual(await ctx.store.findDeveloperToken(hash), t1);
      assert.equal(await ctx.store.findDeveloperToken(hash.toUpperCase()), null);
      assert.deepEqual(await ctx.store.listDeveloperTokens(u.id), [t1, t2]);
      await rejectsConflict(ctx.store.insertDeveloperToken({ userId: u.id, tokenHash: hash, hint: 'x' }), 'token');
      const at = new Date(1700000000999);
      assert.equal(await ctx.store.revokeDeveloperToken(t1.id, at), true);
      assert.equal(await ctx.store.revokeDeveloperToken(t1.id, new Date()), false);
      assert.equal(await ctx.store.revokeDeveloperToken(BIG, new Date()), false);
      assert.deepEqual((await ctx.store.findDeveloperToken(hash))?.revokedTime, at);
    });
  });

  describe('access tokens', () => {
    it('inserts, finds, refuses duplicates and revokes once', async () => {
      const c = await customer(ctx);
      const u = await user(ctx, c.id);
      const input = { tokenHash: uniq('bearer-'), userId: u.id, clientId: 'client-1', scope: 'msads.manage offline_access', expiresAt: new Date(1900000000001) };
      const rec = await ctx.store.insertAccessToken(input);
      assert.deepEqual({ ...rec, createdTime: null }, { ...input, createdTime: null, revokedTime: null, grantId: null });
      assert.ok(Math.abs(rec.createdTime.getTime() - Date.now()) < 60_000);
      assert.deepEqual(await ctx.store.findAccessToken(input.tokenHash), rec);
      assert.equal(await ctx.store.findAccessToken(uniq('none')), null);
      await rejectsConflict(ctx.store.insertAccessToken(input), 'token');
      const at = new Date(1800000000007);
      assert.equal(await ctx.store.revokeAccessToken(input.tokenHash, at), true);
      assert.equal(await ctx.store.revokeAccessToken(input.tokenHash, new Date()), false);
      assert.equal(await ctx.store.revokeAccessToken(uniq('none'), new Date()), false);
      assert.deepEqual(await ctx.store.findAccessToken(input.tokenHash), { ...rec, revokedTime: at });
    });
  });
}
