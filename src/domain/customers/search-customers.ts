// SearchCustomers: the customers the caller reaches that meet every predicate (and DateRange),
// ordered by the first OrderBy (Id, Name or Number; Id ascending by default), paged up to 1,024.
// Customers are filtered here rather than in SQL: the set a caller reaches is small, and the
// case-insensitive comparisons then agree on SQLite and PostgreSQL for any text.
import { ApiError } from '../../contract/api-error.js';
import type { Entity } from '../../contract/values.js';
import type { CustomerRecord } from '../../store/records.js';
import type { Context, Handler } from '../context.js';
import { compactDay, dayAfter, supportedDay } from './customer-dates.js';
import { customerEntity } from './customer-entity.js';
import { customerOrder, fold, type CustomerOrderField } from './customer-order.js';
import { customerFilter, type CustomerFilter } from './customer-predicates.js';
import { reachableCustomers } from './reach.js';
import { firstOrderBy, pageOf } from '../search/paging.js';

export const MAX_CUSTOMER_PAGE_SIZE = 1024;
const ORDER_FIELDS: readonly CustomerOrderField[] = ['Id', 'Name', 'Number'];

export const searchCustomers: Handler<'SearchCustomers'> = async (ctx, request) => {
  const filter = customerFilter(request.Predicates);
  const range = dateRange(request.DateRange);
  const { offset, size } = pageOf(request.PageInfo, MAX_CUSTOMER_PAGE_SIZE);
  const order = firstOrderBy(request.Ordering, ORDER_FIELDS, 'SearchCustomers');
  if (size === 0) return { Customers: [] };

  const matches = await matching(ctx, filter, range);
  matches.sort(customerOrder(order?.field ?? 'Id', order?.descending ?? false));
  return { Customers: matches.slice(offset, offset + size).map(customerEntity) };
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

async function matching(ctx: Context, f: CustomerFilter, range: CreatedRange): Promise<CustomerRecord[]> {
  let customers = await reachableCustomers(ctx);
  const keep = (test: (c: CustomerRecord) => boolean): void => { customers = customers.filter(test); };
  if (f.customerIds) { const ids = f.customerIds; keep((c) => ids.includes(c.id)); }
  if (f.customerName) { const m = f.customerName; keep((c) => textMatches(c.name, m)); }
  if (f.marketCountry !== undefined && f.marketLanguage !== undefined) {
    const country = fold(f.marketCountry);
    const language = fold(f.marketLanguage);
    keep((c) => fold(c.marketCountry ?? '') === country && fold(c.marketLanguage ?? '') === language);
  }
  for (const [from, before] of [[f.createdFrom, f.createdBefore], [range.from, range.before]] as const) {
    if (from) keep((c) => c.createdTime >= from);
    if (before) keep((c) => c.createdTime < before);
  }
  if (f.accountId !== undefined || f.accountName || f.accountNumber) {
    const owners = await accountOwners(ctx, f);
    keep((c) => owners.has(c.id));
  }
  if (f.userName !== undefined) {
    const of = await userCustomers(ctx, f.userName);
    keep((c) => of.has(c.id));
  }
  return customers;
}

function textMatches(value: string, m: { equals: string } | { contains: string }): boolean {
  return 'equals' in m ? fold(value) === fold(m.equals) : fold(value).includes(fold(m.contains));
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
