// DeleteAccount: "Only a user with Super Admin credentials can delete accounts", and an aggregator
// may delete the accounts it signed up for its clients ("you can delete aggregatee accounts via
// DeleteAccount"). The account is not removed: "After deleting the account it will be searchable
// and show as inactive", so it becomes Inactive, guarded by its TimeStamp.
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import type { AccountChanges, AccountRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import type { Access } from '../access.js';
import { Role } from '../roles.js';
import { checkTimeStamp } from '../timestamps.js';
import { managingAggregator } from './aggregators.js';
import { assertNotBeingLinked } from '../client-links/account-lock.js';

export const deleteAccount: Handler<'DeleteAccount'> = async (ctx, request) => {
  const id = request.AccountId;
  if (id === undefined || id <= 0n) throw new ApiError('AccountIdInvalid', 'AccountId is required.');
  const account = await ctx.store.getAccount(id);
  if (!account) throw new ApiError('AccountIdInvalid', `AccountId ${id} is not a valid account identifier.`);
  // Authorise before validating, so a stranger learns nothing but that the id exists.
  if (!(await mayDelete(ctx.store, await ctx.access(), account))) {
    throw new ApiError('UserIsNotAuthorized', 'Only a Super Admin of the customer that owns the account, or of its aggregator, may delete it.');
  }
  // "You cannot get, delete, or update an account that is being linked or unlinked" (1472).
  await assertNotBeingLinked(ctx.store, account, ctx.now());
  const expected = checkTimeStamp(request.TimeStamp, account.version, 'TimeStamp', 'account');
  if (account.lifeCycleStatus === 'Inactive') throw new ApiError('EntityNotExistent', `Account ${id} is already deleted.`);
  const deleted = await ctx.store.updateAccount(account.id, expected, {
    ...settings(account), lifeCycleStatus: 'Inactive', pauseReason: null, lastModifiedTime: ctx.now(), lastModifiedByUserId: ctx.user.id,
  });
  if (!deleted) throw new ApiError('TimestampNotMatch', 'The account was changed by another request; get the account again.');
  return {};
};

/** Super Admin (or Aggregator, which holds Super Admin's rights) of the owner, or of its aggregator. */
async function mayDelete(store: Store, access: Access, account: AccountRecord): Promise<boolean> {
  const admin = (role: number | undefined): boolean => role === Role.SuperAdmin || role === Role.Aggregator;
  if (admin(access.directCustomerRole(account.customerId))) return true;
  const aggregator = await managingAggregator(store, account);
  return aggregator !== null && admin(access.directCustomerRole(aggregator));
}

/** The account's changeable fields as they are (the store's update is a full overwrite). */
function settings(account: AccountRecord): AccountChanges {
  const { id, customerId, number, currencyCode, version, createdTime, ...changeable } = account;
  void [id, customerId, number, currencyCode, version, createdTime];
  return changeable;
}
