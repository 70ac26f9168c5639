// GetAccountsInfo: the accounts of a customer (by default the caller's own), and unless
// OnlyParentAccounts, the client accounts that customer manages as an agency — limited to what the
// caller reaches. Both reaches are joined by the store; the accounts are read in id order.
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { accountInfo } from './account-entity.js';

export const getAccountsInfo: Handler<'GetAccountsInfo'> = async (ctx, request) => {
  const customerId = request.CustomerId ?? ctx.user.customerId;
  const access = await ctx.access();
  if (!access.touchesCustomer(customerId)) throw new ApiError('UserIsNotAuthorized', 'The user cannot access this customer.');
  const at = ctx.now();
  const accounts = await ctx.store.queryAccountInfos({
    scope: { userId: ctx.user.id, at },
    within: { customerId, withClients: !request.OnlyParentAccounts, at },
  });
  return { AccountsInfo: accounts.map(accountInfo) };
};
