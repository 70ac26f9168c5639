// Who may manage which users. A caller manages the users of a customer where they hold Super Admin,
// Aggregator or Standard User over the whole customer, directly (an agency's client link does not
// count: an agency does not administer its clients' users). A Standard User limited to some
// accounts manages the users within those accounts ("Standard users can manage some users in the
// accounts they have access to"): users whose every role on the customer covers only those accounts.
// A user belongs to a customer when they hold a role on it or were created in it (User.CustomerId),
// so a deleted user, whose roles are gone, still belongs to their own customer.
import type { UserRecord, UserRoleRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import type { Access } from '../access.js';
import { canManageUsers, isAboveStandard, Role, strongestRole } from '../roles.js';

export interface TargetUser {
  readonly user: UserRecord;
  readonly roles: readonly UserRoleRecord[];
}

export async function loadTarget(store: Store, userId: bigint): Promise<TargetUser | null> {
  const user = await store.getUser(userId);
  return user === null ? null : { user, roles: await store.listUserRoles(user.id) };
}

/** The caller's role on the customer when it lets them manage all its users (Super Admin, Aggregator, Standard User). */
export function managerRole(access: Access, customerId: bigint): number | undefined {
  const role = access.directCustomerRole(customerId);
  return canManageUsers(role) ? role : undefined;
}

/** Authority over a customer's users: a manager role, over the whole customer or (Standard) some accounts. */
export interface UserAuthority {
  readonly role: number;
  /** null: the whole customer. */
  readonly accounts: ReadonlySet<bigint> | null;
}

export function userAuthority(access: Access, customerId: bigint): UserAuthority | undefined {
  const role = managerRole(access, customerId);
  if (role !== undefined) return { role, accounts: null };
  const standard = access.accountRoles(customerId).filter((r) => r.roleId === Role.StandardUser);
  if (standard.length === 0) return undefined;
  return { role: Role.StandardUser, accounts: new Set(standard.flatMap((r) => r.accountIds ?? [])) };
}

/** Whether an account list (null: every account) lies within the authority. */
export function coversAccounts(authority: UserAuthority, ids: readonly bigint[] | null | undefined): boolean {
  if (authority.accounts === null) return true;
  const accounts = authority.accounts;
  return !!ids && ids.length > 0 && ids.every((id) => accounts.has(id));
}

/** Whether the target is within the authority: every role they hold on the customer covers only its accounts. */
export function coversUser(authority: UserAuthority, target: TargetUser, customerId: bigint): boolean {
  if (authority.accounts === null) return true;
  const roles = target.roles.filter((r) => r.customerId === customerId);
  return roles.length > 0 && roles.every((r) => coversAccounts(authority, r.accountIds));
}

export function belongsTo(target: TargetUser, customerId: bigint): boolean {
  return target.user.customerId === customerId || target.roles.some((r) => r.customerId === customerId);
}

/** The target's role on the customer (the strongest, when they hold several). */
export function roleOn(target: TargetUser, customerId: bigint): number | undefined {
  return strongestRole(target.roles.filter((r) => r.customerId === customerId).map((r) => r.roleId));
}

/**
 * Whether the caller may change another user's details (UpdateUser). A user's details belong to
 * the customer they were created in: a customer that was merely given a role to the user cannot
 * rewrite them (their other customers see the same record). There the caller needs authority over
 * the user, and a Standard User cannot edit a Super Admin (nor an Aggregator, which outranks Standard).
 */
export function canEditUser(access: Access, target: TargetUser): boolean {
  const home = target.user.customerId;
  const authority = userAuthority(access, home);
  if (!authority || !coversUser(authority, target, home)) return false;
  return authority.role !== Role.StandardUser || !isAboveStandard(roleOn(target, home));
}

/** "Only a user with Super Admin or Standard credentials can update users" — themselves included. */
export function mayUpdateUsers(access: Access): boolean {
  return access.roles.some((r) => canManageUsers(r.roleId));
}
