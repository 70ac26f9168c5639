// Whose users a caller may see (GetUser of another user, GetUsersInfo), one rule for both so that
// GetUsersInfo lists exactly the users GetUser then shows (Microsoft's invite example calls GetUser
// on every user GetUsersInfo lists). Super Admins, Aggregators and Standard Users — "view information
// about all users in the context of the current customer" — see the users of a customer where they
// hold that role directly, over the whole customer or some of its accounts. Viewers and Advertiser
// Campaign Managers see only themselves.
import type { Access } from '../access.js';
import { canReadUsers } from '../roles.js';

export function canSeeUsersOf(access: Access, customerId: bigint): boolean {
  return access.roles.some((r) => r.customerId === customerId && canReadUsers(r.roleId));
}
