// Accepting an invitation (acceptInvitation through the server's store, as the sign-in pages do),
// then the new user over REST and SOAP together. Choices: docs/behaviour.md "User management".
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Context } from '../../../src/domain/context.js';
import { acceptInvitation, InvitationNotAcceptable } from '../../../src/domain/invitations/accept-invitation.js';
import { createInvitation } from '../../../src/domain/invitations/create-invitation.js';
import { StoreConflict } from '../../../src/store/store.js';
import { find, findAll, text, XSI } from '../../support/clients.js';
import { addTestAccount, tokenFor } from '../../support/fixtures.js';
import { byCustomer } from '../../support/invitation-requests.js';
import { DAY } from '../../support/links-world.js';
import { uniqueName } from '../../support/names.js';
import { predicates } from '../../support/faces.js';
import { useUsersWorld } from '../../support/users-world.js';

const world = useUsersWorld();

describe('accepting an invitation', () => {
  it('creates the user with the invited role and scope; the new user and the Super Admin see it over REST and SOAP', async () => {
    const { a, store, call, admin } = world;
    const a2 = await addTestAccount(store, a.customer.id);
    const { invitation: inv, secret } = await createInvitation(new Context(a.user, store, 'sandbox'), {
      FirstName: 'Invited', LastName: 'Person', Email: 'invited@example.com', CustomerId: a.customer.id, RoleId: 16,
      AccountIds: [a.account.id, a2.id], Lcid: 'GermanGermany',
    });
    const userName = `${uniqueName('signed.up')}@example.com`;
    const user = await acceptInvitation(store, secret, { userName, passwordHash: null });
    assert.deepEqual([user.customerId, user.firstName, user.lastName, user.lcid, user.lifeCycleStatus, user.contactInfo?.email],
      [a.customer.id, 'Invited', 'Person', 'GermanGermany', 'Active', 'invited@example.com']);
    const accepted = await store.getUserInvitation(inv.id);
    assert.ok(accepted?.acceptedTime);
    assert.equal(accepted.acceptedUserId, user.id);

    const token = await tokenFor(store, user.id);
    const own = await call.rest('GetUser', { UserId: null }, token);
    assert.equal(own.status, 200, own.text);
    assert.equal((own.body.User as { UserName: string }).UserName, userName);
    assert.deepEqual(own.body.CustomerRoles, [
      { RoleId: 16, CustomerId: a.customer.id.toString(), AccountIds: [a.account.id.toString(), a2.id.toString()] },
    ]);
    const ownSoap = await call.soap('GetUser', '<UserId i:nil="true"/>', token);
    assert.equal(ownSoap.status, 200, ownSoap.text);
    assert.equal(text(ownSoap.root, 'UserName'), userName);
    const ownRole = find(ownSoap.root, 'CustomerRole')!;
    assert.deepEqual([text(ownRole, 'RoleId'), text(ownRole, 'CustomerId'), findAll(find(ownRole, 'AccountIds')!, 'long').map((l) => l.text)],
      ['16', a.customer.id.toString(), [a.account.id.toString(), a2.id.toString()]]);
    const seen = await call.soap('GetUser', `<UserId>${user.id}</UserId>`, admin);
    assert.equal(seen.status, 200, seen.text);
    assert.equal(text(seen.root, 'UserName'), userName);
    assert.equal(text(find(seen.root, 'CustomerRole')!, 'RoleId'), '16');
    const seenRest = await call.rest('GetUser', { UserId: user.id.toString() }, admin);
    assert.equal((seenRest.body.User as { UserName: string }).UserName, userName);
    assert.equal((seenRest.body.CustomerRoles as Array<{ RoleId: number }>)[0]!.RoleId, 16);
    const listed = await call.rest('GetUsersInfo', { CustomerId: a.customer.id.toString() }, admin);
    assert.ok((listed.body.UsersInfo as Array<{ Id: string }>).some((u) => u.Id === user.id.toString()));
    const listedSoap = await call.soap('GetUsersInfo', `<CustomerId>${a.customer.id}</CustomerId>`, admin);
    assert.ok(findAll(listedSoap.root, 'UserInfo').some((u) => text(u, 'Id') === user.id.toString()));
    const search = await call.rest('SearchUserInvitations', { Predicates: byCustomer(a.customer.id) }, admin);
    assert.ok(!(search.body.UserInvitations as Array<{ Id: string }>).some((i) => i.Id === inv.id.toString()));
    const searchSoap = await call.soap('SearchUserInvitations', predicates(byCustomer(a.customer.id)), admin);
    assert.equal(searchSoap.status, 200, searchSoap.text);
    assert.ok(!findAll(searchSoap.root, 'UserInvitation').some((i) => text(i, 'Id') === inv.id.toString()));
  });

  it('a customer-level role covers the whole customer, whatever the invitation listed', async () => {
    const { a, store, call, admin } = world;
    const { secret } = await createInvitation(new Context(a.user, store, 'sandbox'), {
      FirstName: 'New', LastName: 'Admin', Email: 'admin2@example.com', CustomerId: a.customer.id, RoleId: 41, AccountIds: [a.account.id],
    });
    const user = await acceptInvitation(store, secret, { userName: `${uniqueName('admin2')}@example.com`, passwordHash: null, firstName: 'Chosen' });
    assert.equal(user.firstName, 'Chosen');
    assert.deepEqual(await store.listUserRoles(user.id), [{ userId: user.id, customerId: a.customer.id, roleId: 41, accountIds: null }]);
    // Both faces show the whole customer: no AccountIds in REST, nil in SOAP.
    const got = await call.rest('GetUser', { UserId: user.id.toString() }, admin);
    assert.deepEqual(got.body.CustomerRoles, [{ RoleId: 41, CustomerId: a.customer.id.toString() }]);
    const seen = await call.soap('GetUser', `<UserId>${user.id}</UserId>`, admin);
    const role = find(seen.root, 'CustomerRole')!;
    assert.deepEqual([text(role, 'RoleId'), find(role, 'AccountIds')?.attributes.get(`{${XSI}}nil`)], ['41', 'true']);
  });

  it('refuses an unknown secret, an accepted invitation, an expired one, and a taken user name (keeping it pending)', async () => {
    const { a, store } = world;
    const reason = (r: string) => (err: unknown) => err instanceof InvitationNotAcceptable && err.reason === r;
    const name = (): string => `${uniqueName('x')}@example.com`;
    await assert.rejects(acceptInvitation(store, 'no-such-secret', { userName: name(), passwordHash: null }), reason('unknown'));

    const ctx = new Context(a.user, store, 'sandbox');
    const once = await createInvitation(ctx, { FirstName: 'O', LastName: 'N', Email: 'o@example.com', CustomerId: a.customer.id, RoleId: 100 });
    await acceptInvitation(store, once.secret, { userName: name(), passwordHash: null });
    const second = name();
    await assert.rejects(acceptInvitation(store, once.secret, { userName: second, passwordHash: null }), reason('accepted'));
    assert.equal(await store.getUserByName(second), null);

    const late = await createInvitation(ctx, { FirstName: 'L', LastName: 'T', Email: 'l@example.com', CustomerId: a.customer.id, RoleId: 100 });
    const after31Days = new Date(Date.now() + 31 * DAY);
    await assert.rejects(acceptInvitation(store, late.secret, { userName: name(), passwordHash: null }, after31Days), reason('expired'));

    await assert.rejects(acceptInvitation(store, late.secret, { userName: a.user.userName.toUpperCase(), passwordHash: null }),
      (err: unknown) => err instanceof StoreConflict && err.what === 'user_name');
    assert.equal((await store.getUserInvitation(late.invitation.id))?.acceptedTime, null);
    assert.ok(await acceptInvitation(store, late.secret, { userName: name(), passwordHash: null }));
  });
});
