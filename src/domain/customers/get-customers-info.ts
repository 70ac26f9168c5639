// GetCustomersInfo: Id and Name of the customers the caller reaches whose name begins with the
// filter, compared case-insensitively (folded in TypeScript, so "émile" finds "Émile"), ordered by
// the folded name, then id; at most TopN.
import { ApiError } from '../../contract/api-error.js';
import type { Handler } from '../context.js';
import { customerInfo } from './customer-entity.js';
import { byFoldedName, fold } from './customer-order.js';
import { reachableCustomers } from './reach.js';

export const getCustomersInfo: Handler<'GetCustomersInfo'> = async (ctx, request) => {
  const topN = request.TopN;
  if (topN === undefined || topN < 1) throw new ApiError('InvalidParameter', 'TopN must be a positive integer.');
  const prefix = fold(request.CustomerNameFilter?.trim() ?? '');
  const customers = (await reachableCustomers(ctx)).filter((c) => fold(c.name).startsWith(prefix));
  return { CustomersInfo: customers.sort(byFoldedName).slice(0, topN).map(customerInfo) };
};
