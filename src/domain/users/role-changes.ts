// The arithmetic of UpdateUserRoles on one user's roles, after the operation's documented examples:
// deletions first, then additions. A user holds at most one ordinary role per customer, plus the
// Aggregator role beside it ("An Aggregator has two role identifiers … 41 and 33").
//   - DeleteRoleId + DeleteAccountIds: those accounts leave the account list of that role on
//     CustomerId; an emptied list removes the role. A role over the whole customer is not narrowed.
//   - DeleteRoleId + DeleteCustomerIds: that role on those customers is removed.
//   - DeleteRoleId alone: that role on CustomerId is removed.
//   Deleting a role the user does not hold there changes nothing (so a retried request succeeds).
//   - NewRoleId + NewAccountIds: the accounts join the role's list when the user already holds that
//     role restricted to accounts; otherwise the role on CustomerId becomes that role on those accounts.
//     A customer-level role (Super Admin, Aggregator) ignores the list and covers the customer.
//   - NewRoleId + NewCustomerIds: that role over each of those whole customers.
//   - NewRoleId alone: that role over the whole of CustomerId.
//   A new ordinary role replaces the user's other ordinary role on that customer; Aggregator is
//   added beside it, and removing it leaves the other role alone.
import type { RoleGrant, RoleKey } from '../../store/records.js';
import { isCustomerLevelRole, Role } from '../roles.js';

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
  /** Roles removed. */
  remove: RoleKey[];
  /** Every role the user holds after the change. */
  roles: RoleGrant[];
}

type Grants = Map<string, RoleGrant>;
const key = (customerId: bigint, roleId: number): string => `${customerId}:${roleId}`;

export function applyRoleRequest(current: readonly RoleGrant[], req: RoleRequest): RoleDiff {
  const next: Grants = new Map(current.map((g) => [key(g.customerId, g.roleId), { customerId: g.customerId, roleId: g.roleId, accountIds: g.accountIds }] as const));
  if (req.deleteRoleId !== null) deleteRoles(next, req, req.deleteRoleId);
  if (req.newRoleId !== null) addRoles(next, req, req.newRoleId);
  return diff(current, next);
}

function deleteRoles(next: Grants, req: RoleRequest, roleId: number): void {
  if (req.deleteAccountIds) {
    const grant = next.get(key(req.customerId, roleId));
    if (grant?.accountIds) {
      const drop = new Set(req.deleteAccountIds);
      const kept = grant.accountIds.filter((id) => !drop.has(id));
      if (kept.length === 0) next.delete(key(req.customerId, roleId));
      else next.set(key(req.customerId, roleId), { ...grant, accountIds: kept });
    }
  }
  for (const customerId of req.deleteCustomerIds ?? []) next.delete(key(customerId, roleId));
  if (!req.deleteAccountIds && !req.deleteCustomerIds) next.delete(key(req.customerId, roleId));
}

/** Sets a role, dropping the user's other ordinary role on that customer (Aggregator stays beside). */
function put(next: Grants, grant: RoleGrant): void {
  if (grant.roleId !== Role.Aggregator) {
    for (const [k, g] of next) {
      if (g.customerId === grant.customerId && g.roleId !== grant.roleId && g.roleId !== Role.Aggregator) next.delete(k);
    }
  }
  next.set(key(grant.customerId, grant.roleId), grant);
}

function addRoles(next: Grants, req: RoleRequest, roleId: number): void {
  for (const customerId of req.newCustomerIds ?? []) put(next, { customerId, roleId, accountIds: null });
  if (req.newAccountIds && !isCustomerLevelRole(roleId)) {
    const grant = next.get(key(req.customerId, roleId));
    const accountIds = grant?.accountIds
      ? [...new Set([...grant.accountIds, ...req.newAccountIds])]
      : [...req.newAccountIds];
    put(next, { customerId: req.customerId, roleId, accountIds });
  } else if (req.newAccountIds || !req.newCustomerIds) {
    put(next, { customerId: req.customerId, roleId, accountIds: null });
  }
}

function diff(current: readonly RoleGrant[], next: Grants): RoleDiff {
  const before = new Map(current.map((g) => [key(g.customerId, g.roleId), g] as const));
  const same = (a: RoleGrant | undefined, b: RoleGrant): boolean => a !== undefined
    && JSON.stringify(a.accountIds?.map(String) ?? null) === JSON.stringify(b.accountIds?.map(String) ?? null);
  return {
    put: [...next.entries()].filter(([k, g]) => !same(before.get(k), g)).map(([, g]) => g),
    remove: current.filter((g) => !next.has(key(g.customerId, g.roleId))).map((g) => ({ customerId: g.customerId, roleId: g.roleId })),
    roles: [...next.values()],
  };
}
