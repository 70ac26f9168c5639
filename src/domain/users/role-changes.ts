// The arithmetic of UpdateUserRoles on one user's roles (one role per customer), after the
// operation's documented examples: deletions first, then additions.
//   - DeleteRoleId + DeleteAccountIds: those accounts leave the user's account list on CustomerId;
//     an emptied list removes the role. A role over the whole customer is not narrowed by it.
//   - DeleteRoleId + DeleteCustomerIds: the role on those customers is removed.
//   - DeleteRoleId alone: the role on CustomerId is removed.
//   Deleting a role the user does not hold there changes nothing (so a retried request succeeds).
//   - NewRoleId + NewAccountIds: the accounts join the user's list when they already hold that role
//     restricted to accounts; otherwise the role on CustomerId becomes that role on those accounts.
//     A customer-level role (Super Admin, Aggregator) ignores the list and covers the customer.
//   - NewRoleId + NewCustomerIds: that role over each of those whole customers.
//   - NewRoleId alone: that role over the whole of CustomerId.
import type { RoleGrant } from '../../store/records.js';
import { isCustomerLevelRole } from '../roles.js';

export interface RoleRequest {
  customerId: bigint;
  newRoleId: number | null;
  newAccountIds: readonly bigint[] | null;
  newCustomerIds: readonly bigint[] | null;
  deleteRoleId: number | null;
  deleteAccountIds: readonly bigint[] | null;
  deleteCustomerIds: readonly bigint[] | null;
}

export interface RoleDiff {
  put: RoleGrant[];
  /** Customers whose role is removed. */
  remove: bigint[];
}

export function applyRoleRequest(current: readonly RoleGrant[], req: RoleRequest): RoleDiff {
  const next = new Map(current.map((g) => [g.customerId, g] as const));
  if (req.deleteRoleId !== null) deleteRoles(next, req, req.deleteRoleId);
  if (req.newRoleId !== null) addRoles(next, req, req.newRoleId);
  return diff(current, next);
}

function deleteRoles(next: Map<bigint, RoleGrant>, req: RoleRequest, roleId: number): void {
  const holds = (customerId: bigint): RoleGrant | undefined => {
    const grant = next.get(customerId);
    return grant?.roleId === roleId ? grant : undefined;
  };
  if (req.deleteAccountIds) {
    const grant = holds(req.customerId);
    if (grant?.accountIds) {
      const drop = new Set(req.deleteAccountIds);
      const kept = grant.accountIds.filter((id) => !drop.has(id));
      if (kept.length === 0) next.delete(req.customerId);
      else next.set(req.customerId, { ...grant, accountIds: kept });
    }
  }
  for (const customerId of req.deleteCustomerIds ?? []) {
    if (holds(customerId)) next.delete(customerId);
  }
  if (!req.deleteAccountIds && !req.deleteCustomerIds && holds(req.customerId)) next.delete(req.customerId);
}

function addRoles(next: Map<bigint, RoleGrant>, req: RoleRequest, roleId: number): void {
  for (const customerId of req.newCustomerIds ?? []) next.set(customerId, { customerId, roleId, accountIds: null });
  if (req.newAccountIds && !isCustomerLevelRole(roleId)) {
    const grant = next.get(req.customerId);
    const accountIds = grant?.roleId === roleId && grant.accountIds
      ? [...new Set([...grant.accountIds, ...req.newAccountIds])]
      : [...req.newAccountIds];
    next.set(req.customerId, { customerId: req.customerId, roleId, accountIds });
  } else if (req.newAccountIds || !req.newCustomerIds) {
    next.set(req.customerId, { customerId: req.customerId, roleId, accountIds: null });
  }
}

function diff(current: readonly RoleGrant[], next: Map<bigint, RoleGrant>): RoleDiff {
  const before = new Map(current.map((g) => [g.customerId, g] as const));
  const same = (a: RoleGrant | undefined, b: RoleGrant): boolean => a !== undefined && a.roleId === b.roleId
    && JSON.stringify(a.accountIds?.map(String) ?? null) === JSON.stringify(b.accountIds?.map(String) ?? null);
  return {
    put: [...next.values()].filter((g) => !same(before.get(g.customerId), g)),
    remove: current.filter((g) => !next.has(g.customerId)).map((g) => g.customerId),
  };
}
