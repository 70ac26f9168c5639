// FindAccountsOrCustomersInfo: "The operation filters first for accounts that match the filter
// criteria. If the number of accounts that match the filter criteria is less than the specified
// TopN value, the operation searches for customers whose name matches the filter criteria."
// Matching is a case-insensitive begins-with, on the account name or number, then the customer
// name; only what the caller can reach is searched.
import type { Entity } from '../../contract/values.js';
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import type { AccountInfoRecord, AccountQuery, AccountRecord, CustomerRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import type { AdditionalField } from './account-entity.js';
import { managingAggregator } from './aggregators.js';
import { MAX_TOP_N } from './find-accounts.js';

type Row = Entity<'AccountInfoWithCustomerData'>;
/** An account a row is made of: its AccountInfo fields, and AccountMode when that was read. */
type Match = AccountInfoRecord & Partial<Pick<AccountRecord, 'accountMode'>>;

export const findAccountsOrCustomersInfo: Handler<'FindAccountsOrCustomersInfo'> = async (ctx, request) => {
  const topN = request.TopN ?? 0;
  if (topN < 1 || topN > MAX_TOP_N) throw new ApiError('InvalidParameter', `TopN must be from 1 through ${MAX_TOP_N}.`);
  const filter = request.Filter ?? '';
  const additional = request.ReturnAdditionalFields ?? [];
  const scope = { userId: ctx.user.id, at: ctx.now() };
  const names = new CustomerNames(ctx.store);

  const query: AccountQuery = { scope, limit: topN, ...(filter === '' ? {} : { prefix: { value: filter, on: 'nameOrNumber' as const } }) };
  // AccountMode is the one field beyond AccountInfo a row may show: the whole record is read only then.
  const byAccount: Match[] = additional.includes('AccountMode')
    ? await ctx.store.queryAccounts(query) : await ctx.store.queryAccountInfos(query);
  const rows: Row[] = [];
  for (const account of byAccount) {
    // An account match names the customer that owns the account.
    rows.push(row(account, await names.get(account.customerId), additional));
  }
  if (rows.length >= topN) return { AccountInfoWithCustomerData: rows };

  // Customers the caller reaches as customers: whole ones, and those they hold a role on — by
  // folded name (code point order), then id, read a page at a time until TopN rows are found.
  const seen = new Set(byAccount.map((a) => a.id));
  const aggregators = new Map<bigint, boolean>();
  for (let offset = 0; ; offset += topN) {
    const matching = await ctx.store.searchReachableCustomers({
      userId: ctx.user.id, at: scope.at, namePrefix: filter, orderBy: { field: 'Name', descending: false }, offset, limit: topN,
    });
    for (const customer of matching) {
      names.remember(customer);
      const accounts = await ctx.store.queryAccounts({ scope, customerId: customer.id, limit: topN });
      for (const account of accounts) {
        if (seen.has(account.id)) continue;
        seen.add(account.id);
        // A customer match names the aggregator that manages the account, if one does.
        const manager = await managingAggregator(ctx.store, account, aggregators) ?? account.customerId;
        rows.push(row(account, await names.get(manager), additional));
        if (rows.length >= topN) return { AccountInfoWithCustomerData: rows };
      }
    }
    if (matching.length < topN) break;
  }
  return { AccountInfoWithCustomerData: rows };
};

function row(account: Match, customer: { id: bigint; name: string | null }, additional: readonly AdditionalField[]): Row {
  const out: Row = {
    CustomerId: customer.id,
    CustomerName: customer.name,
    AccountId: account.id,
    AccountName: account.name,
    AccountNumber: account.number,
    AccountLifeCycleStatus: account.lifeCycleStatus,
    PauseReason: account.pauseReason,
  };
  if (additional.includes('AccountMode')) out.AccountMode = account.accountMode ?? null;
  return out;
}

/** Customer names, each read once per request. */
class CustomerNames {
  readonly #known = new Map<bigint, string | null>();
  constructor(private readonly store: Store) {}

  remember(customer: CustomerRecord): void {
    this.#known.set(customer.id, customer.name);
  }

  async get(id: bigint): Promise<{ id: bigint; name: string | null }> {
    if (!this.#known.has(id)) this.#known.set(id, (await this.store.getCustomer(id))?.name ?? null);
    return { id, name: this.#known.get(id) ?? null };
  }
}
