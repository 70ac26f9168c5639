// GetAccountsInfo: the accounts of a customer (by default the caller's own), and unless
// OnlyParentAccounts, the client accounts that customer manages as an agency.
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { activeLinksByManager } from '../client-links/life-cycle.js';
import { accountInfo } from './account-entity.js';

export const getAccountsInfo: Handler<'GetAccountsInfo'> = async (ctx, request) => {
  const customerId = request.CustomerId ?? ctx.user.customerId;
  const access = await ctx.access();
  if (!access.touchesCustomer(customerId)) throw new ApiError('UserIsNotAuthorized', 'The user cannot access this customer.');
  const customerIds = [customerId];
  const accountIds: bigint[] = [];
  if (!request.OnlyParentAccounts) {
    for (const link of await activeLinksByManager(ctx.store, [customerId], ctx.now())) {
      (link.type === 'CustomerLink' ? customerIds : accountIds).push(link.clientEntityId);
    }
  }
  const accounts = await ctx.store.queryAccounts({ scope: { customerIds, accountIds } });
  return { AccountsInfo: accounts.filter((a) => access.canReadAccount(a)).map(accountInfo) };
};
