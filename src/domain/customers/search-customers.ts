// SearchCustomers: the customers the caller reaches that meet every predicate (and DateRange),
// ordered by the first OrderBy (Id, Name or Number; Id ascending by default), paged up to 1,024.
// The store filters, orders and pages in one statement driven by the caller's reach, on the
// folded name, number and market columns, so case-insensitive comparisons agree on SQLite and
// PostgreSQL for any text. Account and user predicates become the ids of the customers they
// allow.
import { ApiError } from '../../contract/api-error.js';
import type { Entity } from '../../contract/values.js';
import type { CustomerQuery } from '../../store/records.js';
import type { Context, Handler } from '../context.js';
import { compactDay, dayAfter, supportedDay } from './customer-dates.js';
import { customerEntity } from './customer-entity.js';
import type { CustomerOrderField } from './customer-order.js';
import { customerFilter, type CustomerFilter } from './customer-predicates.js';
import { firstOrderBy, pageOf } from '../search/paging.js';

export const MAX_CUSTOMER_PAGE_SIZE = 1024;
const ORDER_FIELDS: readonly CustomerOrderField[] = ['Id', 'Name', 'Number'];

export const searchCustomers: Handler<'SearchCustomers'> = async (ctx, request) => {
  const filter = customerFilter(request.Predicates);
  const range = dateRange(request.DateRange);
  const { offset, size } = pageOf(request.PageInfo, MAX_CUSTOMER_PAGE_SIZE);
  const order = firstOrderBy(request.Ordering, ORDER_FIELDS, 'SearchCustomers');
  if (size === 0) return { Customers: [] };

  const query = await storeQuery(ctx, filter, range);
  if (query === null) return { Customers: [] };
  const orderBy = { field: order?.field ?? 'Id', descending: order?.descending ?? false };
  return { Customers: (await ctx.store.searchReachableCustomers({ ...query, orderBy, offset, limit: size })).map(customerEntity) };
};

interface CreatedRange { from?: Date; before?: Date }

/** DateRange: MinDate and MaxDate ("yyyyMMdd"), each optional, inclusive days; otherwise 532. */
function dateRange(range: Entity<'DateRange'> | null | undefined): CreatedRange {
  const bound = (value: string | null | undefined, name: string): Date | undefined => {
    const text = value?.trim() ?? '';
    if (text === '') return undefined;
    const day = compactDay(text);
    if (day === null || !supportedDay(day)) throw new ApiError('DateNotInRange', `DateRange.${name} must be a date written yyyyMMdd.`);
    return day;
  };
  const min = bound(range?.MinDate, 'MinDate');
  const max = bound(range?.MaxDate, 'MaxDate');
  if (min && max && max < min) throw new ApiError('DateNotInRange', 'DateRange.MaxDate is earlier than DateRange.MinDate.');
  return { ...(min ? { from: min } : {}), ...(max ? { before: dayAfter(max) } : {}) };
}

/** The store's query for the predicates; null when nothing can match. */
async function storeQuery(ctx: Context, f: CustomerFilter, range: CreatedRange): Promise<CustomerQuery | null> {
  // Each id-valued predicate narrows the ids the customer must be among (all of them: AND).
  let ids: bigint[] | undefined = f.customerIds;
  const among = (allowed: ReadonlySet<bigint>): void => {
    ids = ids === undefined ? [...allowed] : ids.filter((id) => allowed.has(id));
  };
  if (f.accountId !== undefined || f.accountName || f.accountNumber) among(await accountOwners(ctx, f));
  if (f.userName !== undefined) among(await userCustomers(ctx, f.userName));
  if (ids !== undefined && ids.length === 0) return null;
  const later = (a?: Date, b?: Date): Date | undefined => (a && b ? (a > b ? a : b) : a ?? b);
  const earlier = (a?: Date, b?: Date): Date | undefined => (a && b ? (a < b ? a : b) : a ?? b);
  const from = later(f.createdFrom, range.from);
  const before = earlier(f.createdBefore, range.before);
  const name = f.customerName;
  return {
    userId: ctx.user.id, at: ctx.now(),
    ...(ids !== undefined ? { ids } : {}),
    ...(name ? ('equals' in name ? { nameEquals: name.equals } : { nameContains: name.contains }) : {}),
    // customerFilter accepts the pair only whole.
    ...(f.marketCountry !== undefined && f.marketLanguage !== undefined ? { market: { country: f.marketCountry, language: f.marketLanguage } } : {}),
    ...(from ? { createdFrom: from } : {}),
    ...(before ? { createdBefore: before } : {}),
  };
}

/** Customers owning an account the caller can read that meets every account predicate. */
async function accountOwners(ctx: Context, f: CustomerFilter): Promise<Set<bigint>> {
  const access = await ctx.access();
  const name = f.accountName;
  const number = f.accountNumber;
  const accounts = await ctx.store.queryAccounts({
    scope: { userId: ctx.user.id, at: ctx.now() },
    ...(f.accountId !== undefined ? { ids: [f.accountId] } : {}),
    ...(name ? ('equals' in name ? { nameEquals: name.equals } : { nameContains: name.contains }) : {}),
    ...(number ? ('equals' in number ? { numberEquals: [number.equals] } : { numberContains: number.contains }) : {}),
  });
  return new Set(accounts.filter((a) => access.canReadAccount(a)).map((a) => a.customerId));
}

/** The customers a user (by user name) belongs to: created in, or holding a role on. */
async function userCustomers(ctx: Context, userName: string): Promise<Set<bigint>> {
  const user = await ctx.store.getUserByName(userName);
  if (!user) return new Set();
  const roles = await ctx.store.listUserRoles(user.id);
  return new Set([user.customerId, ...roles.map((r) => r.customerId)]);
}
