// SearchAccounts: one predicate (two with AccountLifeCycleStatus), optional ordering, paging up to 1,000.
import type { Handler } from '../context.js';
import type { AccountQuery } from '../../store/records.js';
import { advertiserAccount } from './account-entity.js';
import { predicateFilter } from './search-predicates.js';
import { firstOrderBy, pageOf } from '../search/paging.js';

export const MAX_PAGE_SIZE = 1000;
const ORDER_FIELDS = ['Id', 'Name', 'Number', 'LifeCycleStatus'] as const;

export const searchAccounts: Handler<'SearchAccounts'> = async (ctx, request) => {
  const filter = predicateFilter(request.Predicates);
  const { offset, size } = pageOf(request.PageInfo, MAX_PAGE_SIZE);
  const orderBy = firstOrderBy(request.Ordering, ORDER_FIELDS, 'SearchAccounts');
  if (size === 0) return { Accounts: [] };

  const query: AccountQuery = {
    scope: { userId: ctx.user.id, at: ctx.now() }, ...filter.conditions, ...(orderBy ? { orderBy } : {}), offset, limit: size,
  };
  if (filter.userId !== undefined && filter.userId !== ctx.user.id) {
    // Another user's accounts, but never beyond what the caller can reach: both reaches at once,
    // so ordering and paging stay inside the query.
    const other = await ctx.store.getUser(filter.userId);
    if (!other) return { Accounts: [] };
    query.within = { userId: other.id, at: ctx.now() };
  }
  const accounts = await ctx.store.queryAccounts(query);
  const additional = request.ReturnAdditionalFields ?? [];
  return { Accounts: accounts.map((a) => advertiserAccount(a, additional)) };
};
