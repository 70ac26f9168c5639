// `adcenter seed --accounts N [--customers M] [--agency]`: fills a store with N accounts spread
// over M customers (each with a payment method and a Super Admin), and with --agency an agency
// whose Super Admin reaches every client customer through an Active customer link. The rows are
// made by the domain's rules (domain/tenants/seed-records.ts) and written by the store's bulk
// insert: multi-row statements, thousands of rows per transaction. Progress goes to stderr; the
// summary (ids, user names to get tokens for) to stdout.
import { randomBytes } from 'node:crypto';
import { newAccountNumber, newCustomerNumber } from '../domain/numbers.js';
import { Role } from '../domain/roles.js';
import {
  seededAccount, seededBusinessAddress, seededCustomer, seededCustomerLink, seededUser,
} from '../domain/tenants/seed-records.js';
import type { Entity } from '../contract/values.js';
import type { NewAccount, NewCustomer } from '../store/records.js';
import { StoreConflict, type BulkIds, type BulkRows, type Store } from '../store/store.js';
import { Progress } from './progress.js';
import { withStore, type StoreOptions } from './store-options.js';

export interface SeedCounts {
  accounts: number;
  /** Customers the accounts are spread over (default 1: one large customer). */
  customers?: number;
  /** An agency managing every seeded customer through customer links. */
  agency?: boolean;
}

export interface SeededCustomer {
  id: bigint;
  number: string;
  /** Its Super Admin's user name (`adcenter token --user NAME`). */
  userName: string;
  userId: bigint;
  paymentMethodId: bigint;
  accounts: number;
}

export interface SeedSummary {
  tag: string;
  customers: SeededCustomer[];
  agency: { id: bigint; userName: string; userId: bigint } | null;
  accounts: number;
  links: number;
  seconds: number;
}

/**
 * Accounts per transaction: each commit rewrites the index pages the batch touched (random numbers
 * touch most of them), so fewer, larger transactions write far less; still 20 progress steps per million.
 */
const ACCOUNTS_PER_TRANSACTION = 50_000;
const CUSTOMERS_PER_TRANSACTION = 1_000;
/** SQLite page cache while seeding: the account indexes of a million accounts stay in memory. */
const SEED_CACHE_MIB = 512;

/** Inserts, generating fresh numbers when one clashes with a stored (or just generated) one. */
async function withFreshNumbers(store: Store, rows: BulkRows): Promise<{ ids: BulkIds; rows: BulkRows }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { ids: await store.bulkInsert(rows), rows };
    } catch (err) {
      if (!(err instanceof StoreConflict) || attempt >= 5) throw err;
      if (err.what === 'account_number' && rows.accounts) {
        rows = { ...rows, accounts: rows.accounts.map((a): NewAccount => ({ ...a, number: newAccountNumber() })) };
      } else if (err.what === 'customer_number' && rows.customers) {
        rows = { ...rows, customers: rows.customers.map((c): NewCustomer => ({ ...c, number: newCustomerNumber() })) };
      } else {
        throw err;
      }
    }
  }
}

export async function seedStore(store: Store, counts: SeedCounts, onAccounts: (done: number) => void = () => {}): Promise<SeedSummary> {
  const started = Date.now();
  const customerCount = Math.max(1, counts.customers ?? 1);
  if (!Number.isInteger(counts.accounts) || counts.accounts < 0) throw new Error('--accounts must be a whole number');
  // Marks this run's names (user names are unique store-wide, so a second run must not reuse them).
  const tag = randomBytes(4).toString('hex');
  const now = new Date();

  let agency: SeedSummary['agency'] = null;
  if (counts.agency) {
    const record = seededCustomer(0, tag, true);
    const [agencyId] = (await withFreshNumbers(store, { customers: [record] })).ids.customers;
    const user = seededUser(0, tag, agencyId!, 'agency');
    const [userId] = (await store.bulkInsert({ users: [user] })).users;
    await store.bulkInsert({ roles: [{ userId: userId!, customerId: agencyId!, roleId: Role.SuperAdmin, accountIds: null }] });
    agency = { id: agencyId!, userName: user.userName, userId: userId! };
  }

  const customers: Array<SeededCustomer & { address: Entity<'Address'> }> = [];
  let links = 0;
  for (let first = 0; first < customerCount; first += CUSTOMERS_PER_TRANSACTION) {
    const made = Array.from({ length: Math.min(CUSTOMERS_PER_TRANSACTION, customerCount - first) }, (_, k) => seededCustomer(first + k, tag, false));
    const written = await withFreshNumbers(store, { customers: made });
    const ids = written.ids.customers;
    const records = written.rows.customers ?? made;
    const users = ids.map((id, k) => seededUser(first + k, tag, id, `c${first + k + 1}`));
    const more = await store.bulkInsert({
      paymentMethods: ids.map((customerId) => ({ customerId, type: 'CreditCard' })),
      users,
    });
    await store.bulkInsert({
      roles: ids.map((customerId, k) => ({ userId: more.users[k]!, customerId, roleId: Role.SuperAdmin, accountIds: null })),
      clientLinks: agency === null ? [] : ids.map((clientId) => seededCustomerLink(agency!.id, clientId, agency!.userId, now)),
    });
    if (agency !== null) links += ids.length;
    ids.forEach((id, k) => customers.push({
      id, number: records[k]!.number, userName: users[k]!.userName, userId: more.users[k]!, accounts: 0,
      paymentMethodId: more.paymentMethods[k]!, address: seededBusinessAddress(records[k]!),
    }));
  }

  let done = 0;
  onAccounts(0);
  while (done < counts.accounts) {
    const size = Math.min(ACCOUNTS_PER_TRANSACTION, counts.accounts - done);
    const accounts = Array.from({ length: size }, (_, k) => {
      const i = done + k;
      const owner = customers[i % customers.length]!;
      owner.accounts++;
      // The running number per customer keeps names unique within it (the store's unique index).
      return seededAccount(Math.floor(i / customers.length), owner.id, owner.paymentMethodId, owner.userId, owner.address);
    });
    await withFreshNumbers(store, { accounts });
    done += size;
    onAccounts(done);
  }
  await store.refreshStatistics();

  return {
    tag, agency, accounts: done, links, seconds: (Date.now() - started) / 1000,
    customers: customers.map(({ id, number, userName, userId, paymentMethodId, accounts }) => ({ id, number, userName, userId, paymentMethodId, accounts })),
  };
}

export async function seedCounts(options: StoreOptions & SeedCounts): Promise<void> {
  await withStore(options, async (store) => {
    const progress = new Progress(options.accounts, 'accounts');
    const summary = await seedStore(store, options, (done) => progress.update(done));
    const out: string[] = [
      `Seeded ${summary.accounts.toLocaleString('en-US')} accounts in ${summary.customers.length.toLocaleString('en-US')} customer(s)`
        + `${summary.agency ? ` managed by one agency (${summary.links} customer links)` : ''} in ${summary.seconds.toFixed(1)} s `
        + `(${Math.round(summary.accounts / Math.max(summary.seconds, 0.001)).toLocaleString('en-US')} accounts/s).`,
    ];
    if (summary.agency) out.push(`  agency    id ${summary.agency.id}  Super Admin ${summary.agency.userName} (reaches every seeded account)`);
    for (const c of summary.customers.slice(0, 5)) {
      out.push(`  customer  id ${c.id}  number ${c.number}  ${c.accounts} accounts  Super Admin ${c.userName}`);
    }
    if (summary.customers.length > 5) out.push(`  … and ${summary.customers.length - 5} more customers (user names seed-${summary.tag}-cN@example.com)`);
    out.push(`Get a token for a seeded user with:  npx adcenter token --user ${summary.agency?.userName ?? summary.customers[0]?.userName ?? ''}`);
    process.stdout.write(`${out.join('\n')}\n`);
  }, SEED_CACHE_MIB);
}
