// GetCustomersInfo: Id and Name of the customers the caller reaches whose name begins with the
// filter, compared case-insensitively (the store's fold, so "émile" finds "Émile"), ordered by
// the folded name in code point order, then id; at most TopN — filtered, ordered and cut in the
// store's one statement.
import { ApiError } from '../../contract/api-error.js';
import type { Handler } from '../context.js';
import { customerInfo } from './customer-entity.js';

export const getCustomersInfo: Handler<'GetCustomersInfo'> = async (ctx, request) => {
  const topN = request.TopN;
  if (topN === undefined || topN < 1) throw new ApiError('InvalidParameter', 'TopN must be a positive integer.');
  const customers = await ctx.store.searchReachableCustomers({
    userId: ctx.user.id, at: ctx.now(), namePrefix: request.CustomerNameFilter?.trim() ?? '',
    orderBy: { field: 'Name', descending: false }, limit: topN,
  });
  return { CustomersInfo: customers.map(customerInfo) };
};
