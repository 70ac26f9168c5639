// GetAccount: one account the caller can reach, with optional additional fields.
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { assertNotBeingLinked } from '../client-links/account-lock.js';
import { advertiserAccount } from './account-entity.js';

export const getAccount: Handler<'GetAccount'> = async (ctx, request) => {
  const id = request.AccountId;
  if (id === undefined || id <= 0n) throw new ApiError('AccountIdInvalid', 'AccountId is required.');
  const account = await ctx.store.getAccount(id);
  if (!account) throw new ApiError('AccountIdInvalid', `AccountId ${id} is not a valid account identifier.`);
  if (!(await ctx.access()).canReadAccount(account)) {
    throw new ApiError('UserIsNotAuthorized', 'The user cannot access this account.');
  }
  await assertNotBeingLinked(ctx.store, account, ctx.now());
  return { Account: advertiserAccount(account, request.ReturnAdditionalFields ?? []) };
};
