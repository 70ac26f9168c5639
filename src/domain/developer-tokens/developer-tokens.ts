// Developer tokens as the developer portal hands them out: "The Super Admin may request API access
// for any user within their customer scope". Everyone sees and revokes only their own tokens.
// Not an API operation; the web page calls these with the signed-in user's Context.
import { issueDeveloperToken } from './issue-developer-token.js';
import type { CustomerRecord, DeveloperTokenRecord, UserRecord } from '../../store/records.js';
import { ApiError } from '../../contract/api-error.js';
import type { Context } from '../context.js';
import { Role } from '../roles.js';
import { belongsTo, loadTarget } from '../users/user-authority.js';

export interface TokenRecipients {
  customer: CustomerRecord;
  /** The customer's active users, any of whom may be given a token. */
  users: UserRecord[];
}

/** Customers where the caller is Super Admin over the whole customer, directly (not through an agency). */
async function superAdminCustomers(ctx: Context): Promise<bigint[]> {
  const access = await ctx.access();
  return access.roles.filter((r) => r.roleId === Role.SuperAdmin && r.accountIds === null).map((r) => r.customerId);
}

/** For whom the caller may request tokens; empty for anyone who is not a Super Admin. */
export async function tokenRecipients(ctx: Context): Promise<TokenRecipients[]> {
  const ids = await superAdminCustomers(ctx);
  const customers = await ctx.store.getCustomers(ids);
  return Promise.all(customers.map(async (customer) => ({
    customer, users: await ctx.store.listCustomerUsers(customer.id, ['Active']),
  })));
}

/** Issues a developer token to a user of a customer the caller is Super Admin of; the token is returned once. */
export async function requestDeveloperToken(ctx: Context, userId: bigint): Promise<{ token: string; user: UserRecord }> {
  const target = await loadTarget(ctx.store, userId);
  const customers = await superAdminCustomers(ctx);
  // One answer for "no such user" and "not your user", so ids of other tenants cannot be probed.
  if (!target || target.user.lifeCycleStatus !== 'Active' || !customers.some((c) => belongsTo(target, c))) {
    throw new ApiError('UserIsNotAuthorized', 'Only a Super Admin of the user\'s customer may request a developer token for them.');
  }
  return { token: await issueDeveloperToken(ctx.store, target.user.id), user: target.user };
}

export async function ownDeveloperTokens(ctx: Context): Promise<DeveloperTokenRecord[]> {
  return ctx.store.listDeveloperTokens(ctx.user.id);
}

/** Revokes one of the caller's own tokens; false when it is not theirs or already revoked. */
export async function revokeOwnDeveloperToken(ctx: Context, tokenId: bigint): Promise<boolean> {
  const own = (await ctx.store.listDeveloperTokens(ctx.user.id)).find((t) => t.id === tokenId && !t.revokedTime);
  return own ? ctx.store.revokeDeveloperToken(own.id, ctx.now()) : false;
}
