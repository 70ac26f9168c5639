// Contract: user listing, role removal, the transactional user writes (deleteUser, updateUserRoles,
// acceptUserInvitation: all or nothing, compare-and-set) and user invitations.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NewUserInvitation } from '../../../src/store/records.js';
import { account, BIG, customer, newUser, rejectsConflict, uniq, user, type Ctx } from './fixtures.js';

function newInvitation(customerId: bigint, over: Partial<NewUserInvitation> = {}): NewUserInvitation {
  return {
    customerId, firstName: 'Ada', lastName: "O'Neil", email: 'ada@example.com', roleId: 16, accountIds: [BIG, BIG + 1n],
    lcid: 'EnglishUK', expirationDate: new Date(Date.now() + 86_400_000), secretHash: uniq('secret-'),
    createdByUserId: BIG + 2n, ...over,
  };
}

async function token(ctx: Ctx, userId: bigint): Promise<string> {
  const tokenHash = uniq('bearer-');
  await ctx.store.insertAccessToken({ tokenHash, userId, clientId: 'c', scope: 's', expiresAt: new Date(Date.now() + 3_600_000) });
  return tokenHash;
}

export function userAndInvitationTests(ctx: Ctx): void {
  describe('listing users', () => {
    it('getUsers returns known ids in id order', async () => {
      const c = await customer(ctx);
      const u1 = await user(ctx, c.id);
      const u2 = await user(ctx, c.id);
      assert.deepEqual(await ctx.store.getUsers([u2.id, BIG, u1.id, u2.id]), [u1, u2]);
      assert.deepEqual(await ctx.store.getUsers([]), []);
    });

    it('listCustomerUsers: users with a role on the customer or created in it, by status', async () => {
      const c = await customer(ctx);
      const other = await customer(ctx);
      const home = await user(ctx, c.id); // created in c, no role
      const guest = await user(ctx, other.id); // role on c only
      const gone = await user(ctx, c.id, { lifeCycleStatus: 'Deleted' });
      const stranger = await user(ctx, other.id);
      await ctx.store.putUserRole({ userId: guest.id, customerId: c.id, roleId: 100, accountIds: [BIG] });
      await ctx.store.putUserRole({ userId: stranger.id, customerId: other.id, roleId: 41, accountIds: null });
      assert.deepEqual(await ctx.store.listCustomerUsers(c.id, ['Active']), [home, guest]);
      assert.deepEqual(await ctx.store.listCustomerUsers(c.id, ['Deleted']), [gone]);
      assert.deepEqual(await ctx.store.listCustomerUsers(c.id, ['Active', 'Deleted']), [home, guest, gone]);
      assert.deepEqual(await ctx.store.listCustomerUsers(c.id, []), []);
      assert.deepEqual(await ctx.store.listCustomerUsers(other.id, ['Active']), [guest, stranger]);
      assert.deepEqual(await ctx.store.listCustomerUsers(BIG, ['Active']), []);
    });

    it('countAccountsWithPrimaryUser', async () => {
      const c = await customer(ctx);
      const u = await user(ctx, c.id);
      assert.equal(await ctx.store.countAccountsWithPrimaryUser(u.id), 0);
      await account(ctx, c.id, { primaryUserId: u.id });
      await account(ctx, c.id, { primaryUserId: u.id });
      assert.equal(await ctx.store.countAccountsWithPrimaryUser(u.id), 2);
    });
  });

  describe('removing roles', () => {
    it('deleteUserRole removes one customer role, deleteUserRoles all of them', async () => {
      const c1 = await customer(ctx);
      const c2 = await customer(ctx);
      const u = await user(ctx, c1.id);
      await ctx.store.putUserRole({ userId: u.id, customerId: c1.id, roleId: 41, accountIds: null });
      await ctx.store.putUserRole({ userId: u.id, customerId: c2.id, roleId: 16, accountIds: [BIG] });
      assert.equal(await ctx.store.deleteUserRole(u.id, c1.id), true);
      assert.equal(await ctx.store.deleteUserRole(u.id, c1.id), false);
      assert.deepEqual(await ctx.store.listUserRoles(u.id), [{ userId: u.id, customerId: c2.id, roleId: 16, accountIds: [BIG] }]);
      await ctx.store.putUserRole({ userId: u.id, customerId: c1.id, roleId: 100, accountIds: null });
      assert.equal(await ctx.store.deleteUserRoles(u.id), 2);
      assert.deepEqual(await ctx.store.listUserRoles(u.id), []);
      assert.equal(await ctx.store.deleteUserRoles(u.id), 0);
    });
  });

  describe('updateUserRoles', () => {
    it('puts and removes roles and bumps the user, all under the version compare-and-set', async () => {
      const c1 = await customer(ctx);
      const c2 = await customer(ctx);
      const c3 = await customer(ctx);
      const u = await user(ctx, c1.id);
      await ctx.store.putUserRole({ userId: u.id, customerId: c1.id, roleId: 16, accountIds: [BIG] });
      await ctx.store.putUserRole({ userId: u.id, customerId: c2.id, roleId: 100, accountIds: null });
      const after = await ctx.store.updateUserRoles(u.id, 1n, {
        put: [{ customerId: c1.id, roleId: 16, accountIds: [BIG, BIG + 1n] }, { customerId: c3.id, roleId: 203, accountIds: null }],
        remove: [{ customerId: c2.id, roleId: 100 }],
        byUserId: BIG + 5n,
      });
      assert.ok(after);
      assert.equal(after.version, 2n);
      assert.equal(after.lastModifiedByUserId, BIG + 5n);
      assert.ok(after.lastModifiedTime.getTime() > u.lastModifiedTime.getTime());
      assert.deepEqual({ ...after, version: 1n, lastModifiedTime: null, lastModifiedByUserId: null },
        { ...u, lastModifiedTime: null, lastModifiedByUserId: null }, 'only the audit fields changed');
      assert.deepEqual(await ctx.store.listUserRoles(u.id), [
        { userId: u.id, customerId: c1.id, roleId: 16, accountIds: [BIG, BIG + 1n] },
        { userId: u.id, customerId: c3.id, roleId: 203, accountIds: null },
      ]);
    });

    it('a stale version changes nothing, roles included', async () => {
      const c = await customer(ctx);
      const u = await user(ctx, c.id);
      await ctx.store.putUserRole({ userId: u.id, customerId: c.id, roleId: 100, accountIds: null });
      const stale = await ctx.store.updateUserRoles(u.id, 7n, {
        put: [{ customerId: c.id, roleId: 41, accountIds: null }], remove: [{ customerId: c.id, roleId: 100 }], byUserId: BIG,
      });
      assert.equal(stale, null);
      assert.deepEqual(await ctx.store.getUser(u.id), u);
      assert.deepEqual(await ctx.store.listUserRoles(u.id), [{ userId: u.id, customerId: c.id, roleId: 100, accountIds: null }]);
      assert.equal(await ctx.store.updateUserRoles(BIG, 1n, { put: [], remove: [], byUserId: BIG }), null);
    });

    it('concurrent writers with the same version: exactly one wins', async () => {
      const c = await customer(ctx);
      const u = await user(ctx, c.id);
      const results = await Promise.all([41, 100, 203].map((roleId) =>
        ctx.store.updateUserRoles(u.id, 1n, { put: [{ customerId: c.id, roleId, accountIds: null }], remove: [], byUserId: BIG })));
      assert.equal(results.filter((r) => r !== null).length, 1);
      assert.equal((await ctx.store.listUserRoles(u.id)).length, 1);
      assert.equal((await ctx.store.getUser(u.id))?.version, 2n);
    });
  });

  describe('deleteUser', () => {
    it('marks the user Deleted, removes their roles and revokes their access tokens at once', async () => {
      const c = await customer(ctx);
      const u = await user(ctx, c.id);
      const other = await user(ctx, c.id);
      await ctx.store.putUserRole({ userId: u.id, customerId: c.id, roleId: 203, accountIds: null });
      await ctx.store.putUserRole({ userId: other.id, customerId: c.id, roleId: 41, accountIds: null });
      const t1 = await token(ctx, u.id);
      const t2 = await token(ctx, u.id);
      const kept = await token(ctx, other.id);
      const at = new Date(1800000000123);
      const deleted = await ctx.store.deleteUser(u.id, 1n, at, BIG + 9n);
      assert.ok(deleted);
      assert.equal(deleted.lifeCycleStatus, 'Deleted');
      assert.equal(deleted.version, 2n);
      assert.equal(deleted.lastModifiedByUserId, BIG + 9n);
      assert.deepEqual(await ctx.store.getUser(u.id), deleted);
      assert.deepEqual(await ctx.store.listUserRoles(u.id), []);
      assert.deepEqual((await ctx.store.findAccessToken(t1))?.revokedTime, at);
      assert.deepEqual((await ctx.store.findAccessToken(t2))?.revokedTime, at);
      assert.equal((await ctx.store.findAccessToken(kept))?.revokedTime, null);
      assert.equal((await ctx.store.listUserRoles(other.id)).length, 1);
    });

    it('changes nothing with a stale version or while the user is an account\'s primary user', async () => {
      const c = await customer(ctx);
      const u = await user(ctx, c.id);
      await ctx.store.putUserRole({ userId: u.id, customerId: c.id, roleId: 41, accountIds: null });
      const t = await token(ctx, u.id);
      assert.equal(await ctx.store.deleteUser(u.id, 2n, new Date(), BIG), null);
      await account(ctx, c.id, { primaryUserId: u.id });
      assert.equal(await ctx.store.deleteUser(u.id, 1n, new Date(), BIG), null);
      assert.deepEqual(await ctx.store.getUser(u.id), u);
      assert.equal((await ctx.store.listUserRoles(u.id)).length, 1);
      assert.equal((await ctx.store.findAccessToken(t))?.revokedTime, null);
      assert.equal(await ctx.store.deleteUser(BIG, 1n, new Date(), BIG), null);
    });
  });

  describe('user invitations', () => {
    it('round-trip every field with bigint account ids, nulls too, and find by secret hash', async () => {
      const c = await customer(ctx);
      const input = newInvitation(c.id);
      const rec = await ctx.store.insertUserInvitation(input);
      assert.equal(typeof rec.id, 'bigint');
      assert.ok(rec.id >= 700000001n, `id ${rec.id}`);
      assert.ok(Math.abs(rec.createdTime.getTime() - Date.now()) < 60_000);
      const { id: _i, createdTime: _t, acceptedTime, acceptedUserId, ...rest } = rec;
      assert.deepEqual(rest, input);
      assert.equal(acceptedTime, null);
      assert.equal(acceptedUserId, null);
      assert.deepEqual(await ctx.store.getUserInvitation(rec.id), rec);
      assert.deepEqual(await ctx.store.findUserInvitationBySecret(input.secretHash), rec);
      assert.equal(await ctx.store.findUserInvitationBySecret(input.secretHash.toUpperCase()), null);
      assert.equal(await ctx.store.getUserInvitation(BIG), null);
      const all = await ctx.store.insertUserInvitation(newInvitation(c.id, { accountIds: null, roleId: 41 }));
      assert.equal(all.accountIds, null);
      await rejectsConflict(ctx.store.insertUserInvitation(newInvitation(c.id, { secretHash: input.secretHash })), 'token');
    });

    it('listPendingUserInvitations: the customer\'s, expired included, accepted excluded, by id', async () => {
      const c = await customer(ctx);
      const other = await customer(ctx);
      const i1 = await ctx.store.insertUserInvitation(newInvitation(c.id));
      const expired = await ctx.store.insertUserInvitation(newInvitation(c.id, { expirationDate: new Date(Date.now() - 1000) }));
      const accepted = await ctx.store.insertUserInvitation(newInvitation(c.id));
      await ctx.store.insertUserInvitation(newInvitation(other.id));
      assert.ok(await ctx.store.acceptUserInvitation(accepted.id, new Date(), newUser(c.id), []));
      assert.deepEqual(await ctx.store.listPendingUserInvitations(c.id), [i1, expired]);
      assert.equal((await ctx.store.listPendingUserInvitations(other.id)).length, 1);
      assert.deepEqual(await ctx.store.listPendingUserInvitations(BIG), []);
    });

    it('acceptUserInvitation creates the user with the roles and records the acceptance, once', async () => {
      const c = await customer(ctx);
      const c2 = await customer(ctx);
      const inv = await ctx.store.insertUserInvitation(newInvitation(c.id));
      const input = newUser(c.id);
      const at = new Date(Date.now() - 5);
      const created = await ctx.store.acceptUserInvitation(inv.id, at, input, [
        { customerId: c.id, roleId: 16, accountIds: [BIG, BIG + 1n] }, { customerId: c2.id, roleId: 100, accountIds: null },
      ]);
      assert.ok(created);
      assert.equal(created.userName, input.userName);
      assert.equal(created.version, 1n);
      assert.deepEqual(await ctx.store.getUserByName(input.userName), created);
      assert.deepEqual(await ctx.store.listUserRoles(created.id), [
        { userId: created.id, customerId: c.id, roleId: 16, accountIds: [BIG, BIG + 1n] },
        { userId: created.id, customerId: c2.id, roleId: 100, accountIds: null },
      ]);
      const done = await ctx.store.getUserInvitation(inv.id);
      assert.deepEqual(done?.acceptedTime, at);
      assert.equal(done?.acceptedUserId, created.id);
      const again = newUser(c.id);
      assert.equal(await ctx.store.acceptUserInvitation(inv.id, new Date(), again, []), null);
      assert.equal(await ctx.store.getUserByName(again.userName), null, 'no user for a second acceptance');
      assert.equal(await ctx.store.acceptUserInvitation(BIG, new Date(), newUser(c.id), []), null);
    });

    it('an expired invitation is not accepted, and a taken user name rolls everything back', async () => {
      const c = await customer(ctx);
      const expiry = new Date(Date.now() + 60_000);
      const inv = await ctx.store.insertUserInvitation(newInvitation(c.id, { expirationDate: expiry }));
      const late = newUser(c.id);
      assert.equal(await ctx.store.acceptUserInvitation(inv.id, expiry, late, []), null, 'expiry itself is too late');
      assert.equal(await ctx.store.getUserByName(late.userName), null);
      const taken = await user(ctx, c.id);
      await rejectsConflict(ctx.store.acceptUserInvitation(inv.id, new Date(), newUser(c.id, { userName: taken.userName.toUpperCase() }),
        [{ customerId: c.id, roleId: 41, accountIds: null }]), 'user_name');
      const still = await ctx.store.getUserInvitation(inv.id);
      assert.equal(still?.acceptedTime, null, 'the claim was rolled back');
      assert.deepEqual(await ctx.store.listUserRoles(taken.id), []);
      assert.ok(await ctx.store.acceptUserInvitation(inv.id, new Date(), late, []), 'and it can still be accepted');
    });

    it('concurrent acceptances of one invitation: exactly one user is created', async () => {
      const c = await customer(ctx);
      const inv = await ctx.store.insertUserInvitation(newInvitation(c.id));
      const users = [newUser(c.id), newUser(c.id), newUser(c.id)];
      const results = await Promise.all(users.map((u) => ctx.store.acceptUserInvitation(inv.id, new Date(), u, [])));
      assert.equal(results.filter((r) => r !== null).length, 1);
      const found = await Promise.all(users.map((u) => ctx.store.getUserByName(u.userName)));
      assert.equal(found.filter((u) => u !== null).length, 1);
    });
  });
}
