// GetAccountPilotFeatures: the account-level pilots on for an account the caller can reach.
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { accountFlags } from './effective-flags.js';

export const getAccountPilotFeatures: Handler<'GetAccountPilotFeatures'> = async (ctx, { AccountId: accountId }) => {
  if (accountId === undefined || accountId <= 0n) throw new ApiError('AccountIdInvalid', 'AccountId is required.');
  const account = await ctx.store.getAccount(accountId);
  if (!account) throw new ApiError('AccountIdInvalid', `AccountId ${accountId} is not a valid account identifier.`);
  if (!(await ctx.access()).canReadAccount(account)) {
    throw new ApiError('UserIsNotAuthorized', 'The user cannot access this account.');
  }
  return { FeaturePilotFlags: await accountFlags(ctx.store, account.id, account.businessAddress?.countryCode ?? null) };
};
