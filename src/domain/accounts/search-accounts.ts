// SearchAccounts: one predicate (two with AccountLifeCycleStatus), optional ordering, paging up to 1,000.
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import type { AccountQuery } from '../../store/records.js';
import { Access } from '../access.js';
import { advertiserAccount } from './account-entity.js';
import { predicateFilter } from './search-predicates.js';

export const MAX_PAGE_SIZE = 1000;
const ORDER_FIELDS = ['Id', 'Name', 'Number', 'LifeCycleStatus'] as const;

export const searchAccounts: Handler<'SearchAccounts'> = async (ctx, request) => {
  const filter = predicateFilter(request.Predicates);
  const page = request.PageInfo;
  if (!page) throw new ApiError('PageInfoInvalid', 'PageInfo is required.');
  const index = page.Index ?? 0;
  const size = page.Size ?? 0; // "If you include page info but do not set this element the default size is 0."
  if (index < 0 || size < 0 || size > MAX_PAGE_SIZE) {
    throw new ApiError('PageInfoInvalid', `PageInfo.Index must be 0 or more and PageInfo.Size from 0 through ${MAX_PAGE_SIZE}.`);
  }
  // "Additional elements … will be ignored": only the first OrderBy counts.
  const order = request.Ordering?.find((o) => o !== null);
  let orderBy: AccountQuery['orderBy'];
  if (order) {
    const field = order.Field ?? 'Id';
    if (!(ORDER_FIELDS as readonly string[]).includes(field)) {
      throw new ApiError('InvalidParameter', `Ordering by ${field} is not supported by the customer management service.`);
    }
    orderBy = { field: field as (typeof ORDER_FIELDS)[number], descending: order.Order === 'Descending' };
  }
  if (size === 0) return { Accounts: [] };

  const access = await ctx.access();
  const query: AccountQuery = {
    scope: access.scope(), ...filter.conditions, ...(orderBy ? { orderBy } : {}), offset: index * size, limit: size,
  };
  if (filter.userId !== undefined && filter.userId !== ctx.user.id) {
    // Another user's accounts, but never beyond what the caller can reach: both reaches at once,
    // so ordering and paging stay inside the query.
    const other = await ctx.store.getUser(filter.userId);
    if (!other) return { Accounts: [] };
    query.within = (await Access.load(ctx.store, other)).scope();
  }
  const accounts = await ctx.store.queryAccounts(query);
  const additional = request.ReturnAdditionalFields ?? [];
  return { Accounts: accounts.map((a) => advertiserAccount(a, additional)) };
};
