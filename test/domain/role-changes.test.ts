// UpdateUserRoles arithmetic on one user's roles (docs/behaviour.md "User management"): deletions
// first, then additions, one role per customer. Plain rules: no server, just applyRoleRequest.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyRoleRequest, type RoleRequest } from '../../src/domain/users/role-changes.js';

const C = 100n;
const OTHER = 200n;
const none: RoleRequest = {
  customerId: C, newRoleId: null, newAccountIds: null, newCustomerIds: null,
  deleteRoleId: null, deleteAccountIds: null, deleteCustomerIds: null,
};
const req = (over: Partial<RoleRequest>): RoleRequest => ({ ...none, ...over });
const grant = (customerId: bigint, roleId: number, accountIds: bigint[] | null = null) => ({ customerId, roleId, accountIds });

describe('UpdateUserRoles role changes', () => {
  it('a request asking for nothing changes nothing', () => {
    assert.deepEqual(applyRoleRequest([grant(C, 203)], none), { put: [], remove: [] });
  });

  it('NewRoleId alone: that role over the whole of CustomerId, replacing the old one', () => {
    assert.deepEqual(applyRoleRequest([grant(C, 100, [1n])], req({ newRoleId: 203 })), { put: [grant(C, 203)], remove: [] });
  });

  it('NewRoleId with NewAccountIds: the role restricted to those accounts', () => {
    assert.deepEqual(applyRoleRequest([grant(C, 203)], req({ newRoleId: 100, newAccountIds: [1n, 2n] })), { put: [grant(C, 100, [1n, 2n])], remove: [] });
  });

  it('NewAccountIds join the list when the user already holds that role restricted to accounts', () => {
    const diff = applyRoleRequest([grant(C, 203, [1n, 2n])], req({ newRoleId: 203, newAccountIds: [2n, 3n] }));
    assert.deepEqual(diff, { put: [grant(C, 203, [1n, 2n, 3n])], remove: [] });
  });

  it('a customer-level role (Super Admin, Aggregator) ignores NewAccountIds and covers the customer', () => {
    for (const role of [41, 33]) {
      assert.deepEqual(applyRoleRequest([grant(C, 203, [1n])], req({ newRoleId: role, newAccountIds: [1n] })), { put: [grant(C, role)], remove: [] });
    }
  });

  it('NewRoleId with NewCustomerIds: that role over each of those whole customers, CustomerId untouched', () => {
    const diff = applyRoleRequest([grant(C, 203)], req({ newRoleId: 100, newCustomerIds: [OTHER, 300n] }));
    assert.deepEqual(diff, { put: [grant(OTHER, 100), grant(300n, 100)], remove: [] });
  });

  it('DeleteRoleId alone removes the role on CustomerId', () => {
    assert.deepEqual(applyRoleRequest([grant(C, 203), grant(OTHER, 100)], req({ deleteRoleId: 203 })), { put: [], remove: [C] });
  });

  it('deleting a role the user does not hold there changes nothing', () => {
    assert.deepEqual(applyRoleRequest([grant(C, 203)], req({ deleteRoleId: 100 })), { put: [], remove: [] });
    assert.deepEqual(applyRoleRequest([], req({ deleteRoleId: 100 })), { put: [], remove: [] });
  });

  it('DeleteAccountIds narrow the account list; an emptied list removes the role', () => {
    assert.deepEqual(applyRoleRequest([grant(C, 203, [1n, 2n])], req({ deleteRoleId: 203, deleteAccountIds: [1n] })), { put: [grant(C, 203, [2n])], remove: [] });
    assert.deepEqual(applyRoleRequest([grant(C, 203, [1n, 2n])], req({ deleteRoleId: 203, deleteAccountIds: [1n, 2n] })), { put: [], remove: [C] });
  });

  it('DeleteAccountIds do not narrow a role over the whole customer', () => {
    assert.deepEqual(applyRoleRequest([grant(C, 203)], req({ deleteRoleId: 203, deleteAccountIds: [1n] })), { put: [], remove: [] });
  });

  it('DeleteCustomerIds remove the role on those customers only where it is held', () => {
    const diff = applyRoleRequest([grant(C, 203), grant(OTHER, 100), grant(300n, 203)], req({ deleteRoleId: 100, deleteCustomerIds: [OTHER, 300n] }));
    assert.deepEqual(diff, { put: [], remove: [OTHER] });
  });

  it('deletions come before additions: narrow an account list, then widen it to the whole customer', () => {
    const narrowed = applyRoleRequest([grant(C, 203, [1n, 2n])], req({ deleteRoleId: 203, deleteAccountIds: [2n], newRoleId: 203, newAccountIds: [3n] }));
    assert.deepEqual(narrowed, { put: [grant(C, 203, [1n, 3n])], remove: [] });
    const widened = applyRoleRequest([grant(C, 203, [1n])], req({ deleteRoleId: 203, newRoleId: 203 }));
    assert.deepEqual(widened, { put: [grant(C, 203)], remove: [] });
  });

  it('an unchanged grant is not rewritten', () => {
    assert.deepEqual(applyRoleRequest([grant(C, 203, [1n])], req({ newRoleId: 203, newAccountIds: [1n] })), { put: [], remove: [] });
  });
});
