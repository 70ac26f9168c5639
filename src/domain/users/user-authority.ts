// Who may manage which users. A caller manages the users of a customer where they hold Super Admin
// or Standard User over the whole customer, directly: not through an agency's client link (an
// agency does not administer its clients' users) and not with a role restricted to some accounts
// (that would let a restricted user grant access beyond their own). A user belongs to a customer
// when they hold a role on it or were created in it (User.CustomerId), so a deleted user, whose
// roles are gone, still belongs to their own customer.
import type { UserRecord, UserRoleRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import type { Access } from '../access.js';
import { canManageUsers, isAboveStandard, Role } from '../roles.js';

export interface TargetUser {
  readonly user: UserRecord;
  readonly roles: readonly UserRoleRecord[];
}

export async function loadTarget(store: Store, userId: bigint): Promise<TargetUser | null> {
  const user = await store.getUser(userId);
  return user === null ? null : { user, roles: await store.listUserRoles(user.id) };
}

/** The caller's role on the customer when it lets them manage its users (Super Admin, Standard User). */
export function managerRole(access: Access, customerId: bigint): number | undefined {
  const role = access.directCustomerRole(customerId);
  return canManageUsers(role) ? role : undefined;
}

export function belongsTo(target: TargetUser, customerId: bigint): boolean {
  return target.user.customerId === customerId || target.roles.some((r) => r.customerId === customerId);
}

export function roleOn(target: TargetUser, customerId: bigint): number | undefined {
  return target.roles.find((r) => r.customerId === customerId)?.roleId;
}

/**
 * Whether the caller may change another user's details (UpdateUser). A user's details belong to
 * the customer they were created in: a customer that was merely given a role to the user cannot
 * rewrite them (their other customers see the same record). There the caller must be Super Admin,
 * or Standard User when the user is not a Super Admin (nor an Aggregator, which outranks Standard).
 */
export function canEditUser(access: Access, target: TargetUser): boolean {
  const home = target.user.customerId;
  const role = managerRole(access, home);
  return role === Role.SuperAdmin || (role === Role.StandardUser && !isAboveStandard(roleOn(target, home)));
}
