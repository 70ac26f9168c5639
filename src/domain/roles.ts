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
