// FindAccounts (seed 003): case-insensitive begins-with on the account name or number, TopN 1–5,000.
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import type { AccountQuery } from '../../store/records.js';
import { accountInfo } from './account-entity.js';

export const MAX_TOP_N = 5000;
/** "If your filter value is of the form Xnnnnn … the operation filters by account number." */
const LEGACY_NUMBER = /^X\d+$/i;

export const findAccounts: Handler<'FindAccounts'> = async (ctx, request) => {
  const topN = request.TopN ?? 0;
  if (topN < 1 || topN > MAX_TOP_N) {
    throw new ApiError('InvalidParameter', `TopN must be from 1 through ${MAX_TOP_N}.`);
  }
  const access = await ctx.access();
  // The caller's reach is joined by the store (roles and active links), not listed id by id.
  const query: AccountQuery = { scope: { userId: ctx.user.id, at: ctx.now() }, limit: topN };
  const customerId = request.CustomerId;
  if (customerId !== undefined && customerId !== null) {
    if (!access.touchesCustomer(customerId)) throw new ApiError('UserIsNotAuthorized', 'The user cannot access this customer.');
    query.customerId = customerId;
  }
  // An empty filter (or none) is the same as GetAccountsInfo: every account in reach.
  const filter = request.AccountFilter ?? '';
  if (filter !== '') query.prefix = { value: filter, on: LEGACY_NUMBER.test(filter) ? 'number' : 'nameOrNumber' };
  const accounts = await ctx.store.queryAccountInfos(query);
  return { AccountsInfo: accounts.map(accountInfo) };
};
