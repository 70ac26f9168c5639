// User roles (CustomerRole.RoleId) and what each may do, after Microsoft's role summary
// (guides/account-hierarchy-permissions.md#user-roles). docs/roles.md lists the choices made.

export const Role = {
  AdvertiserCampaignManager: 16,
  Aggregator: 33,
  SuperAdmin: 41,
  Viewer: 100,
  StandardUser: 203,
} as const;
export type RoleId = (typeof Role)[keyof typeof Role];

export const KNOWN_ROLES: readonly number[] = Object.values(Role);

/** Adding accounts to a customer: Super Admin only (and Aggregator, which may do all but delete customers). */
export function canAddAccounts(role: number | undefined): boolean {
  return role === Role.SuperAdmin || role === Role.Aggregator;
}

/** Changing account settings: Super Admin, Standard User, Aggregator. */
export function canUpdateAccounts(role: number | undefined): boolean {
  return role === Role.SuperAdmin || role === Role.StandardUser || role === Role.Aggregator;
}

/** Advertiser Campaign Managers may change only the account's AutoTagType. */
export function canUpdateAutoTagOnly(role: number | undefined): boolean {
  return role === Role.AdvertiserCampaignManager;
}

/** Seeing the other users of a customer (GetUser of someone else). */
export function canReadUsers(role: number | undefined): boolean {
  return role === Role.SuperAdmin || role === Role.StandardUser || role === Role.Aggregator;
}

/**
 * Managing the users of a customer (UpdateUser, UpdateUserRoles, SendUserInvitation,
 * SearchUserInvitations): Super Admin and Standard User ("Only a user with Super Admin or Standard
 * credentials can …"), and the Aggregator, for whom "Read and write operations for all services are
 * available, except DeleteCustomer" (an Aggregator also holds 41, so the pages' rule is met anyway).
 */
export function canManageUsers(role: number | undefined): boolean {
  return role === Role.SuperAdmin || role === Role.StandardUser || role === Role.Aggregator;
}

/**
 * DeleteUser of a user holding `targetRole`: Super Admins and Aggregators delete anyone; "A Standard
 * user can invite or delete other Standard users, Advertiser Campaign Managers, and Viewers"
 * (the role summary, followed over deleteuser.md's "Only a user with Super Admin credentials").
 */
export function canDeleteUsers(role: number | undefined, targetRole?: number): boolean {
  if (role === Role.SuperAdmin || role === Role.Aggregator) return true;
  return role === Role.StandardUser && !isAboveStandard(targetRole);
}

/**
 * How much a role allows, for taking the union of a user's roles on one customer: every rule in this
 * file allows a role whenever it allows a lower one here, so the highest role decides.
 */
const RANK: Readonly<Record<number, number>> = {
  [Role.Viewer]: 1, [Role.AdvertiserCampaignManager]: 2, [Role.StandardUser]: 3, [Role.Aggregator]: 4, [Role.SuperAdmin]: 5,
};

/** The role that allows the most among several held together (undefined for none). */
export function strongestRole(roles: readonly number[]): number | undefined {
  let best: number | undefined;
  for (const role of roles) if (best === undefined || (RANK[role] ?? 0) > (RANK[best] ?? 0)) best = role;
  return best;
}

/**
 * Roles a Standard User may neither grant nor change: Super Admin ("Standard users cannot invite or
 * delete a Super Admin, nor can they edit a Super Admin's role") and Aggregator, which has more
 * rights than Standard (granting it would let a Standard User raise their own permissions).
 */
export function isAboveStandard(role: number | undefined): boolean {
  return role === Role.SuperAdmin || role === Role.Aggregator;
}

/**
 * Roles that always cover the whole customer: "Users with customer level roles such as Super Admin
 * … cannot be restricted to specific accounts"; an attempt to restrict them is not an error, the
 * user gets every account.
 */
export function isCustomerLevelRole(role: number): boolean {
  return role === Role.SuperAdmin || role === Role.Aggregator;
}

/** Display names, as Microsoft's role summary calls them. */
export function roleName(role: number | undefined): string {
  switch (role) {
    case Role.SuperAdmin: return 'Super Admin';
    case Role.StandardUser: return 'Standard User';
    case Role.Viewer: return 'Viewer';
    case Role.AdvertiserCampaignManager: return 'Advertiser Campaign Manager';
    case Role.Aggregator: return 'Aggregator';
    default: return role === undefined ? 'none' : `role ${role}`;
  }
}
