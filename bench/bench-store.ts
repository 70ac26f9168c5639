// The store the benchmark runs against: N accounts in one customer, seeded once by the same code
// as `adcenter seed --accounts N` and reused from the cache folder (SQLite: a data folder;
// PostgreSQL: a schema) by later runs with the same N. `facts.json` beside it says what was seeded.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../src/store/open.js';
import { seedStore } from '../src/cli/seed-counts.js';
import { Progress } from '../src/cli/progress.js';
import { bindEnvironment } from '../src/cli/store-options.js';
import { ensureDemoTenant } from '../src/cli/demo-tenant.js';
import type { StoreOptions } from '../src/store/open.js';

export type Backend = 'sqlite' | 'postgres';

export interface BenchStore {
  backend: Backend;
  /** Arguments that point `adcenter serve` / `adcenter token` at the store. */
  args: string[];
  open: StoreOptions;
  customerId: string;
  userId: string;
  userName: string;
  paymentMethodId: string;
  accountId: string;
  accounts: number;
  seedSeconds: number | null;
  reused: boolean;
}

type Facts = Omit<BenchStore, 'backend' | 'args' | 'open' | 'reused'>;

export async function benchStore(backend: Backend, accounts: number, cacheDir: string, pgUrl: string): Promise<BenchStore> {
  const dir = join(cacheDir, `${backend}-${accounts}`);
  const factsFile = join(dir, 'facts.json');
  const schema = `adcenter_bench_${accounts}`;
  const args = backend === 'sqlite' ? ['--data', dir] : ['--data', dir, '--database-url', pgUrl, '--database-schema', schema];
  const open: StoreOptions = backend === 'sqlite'
    ? { backend, file: join(dir, 'adcenter.sqlite'), cacheMiB: 512 }
    : { backend, url: pgUrl, schema };
  if (existsSync(factsFile)) {
    return { backend, args, open, reused: true, ...(JSON.parse(readFileSync(factsFile, 'utf8')) as Facts) };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (backend === 'postgres') {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try { await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`); } finally { await client.end(); }
  }
  const store = await openStore(open);
  try {
    const environment = await bindEnvironment(store, 'sandbox');
    await ensureDemoTenant(store, environment);
    process.stderr.write(`Seeding ${accounts.toLocaleString('en-US')} accounts (${backend}) into ${backend === 'sqlite' ? dir : `schema ${schema}`}…\n`);
    const progress = new Progress(accounts, 'accounts');
    const summary = await seedStore(store, { accounts, customers: 1 }, (done) => progress.update(done));
    const customer = summary.customers[0]!;
    const [first] = await store.queryAccounts({ scope: { customerIds: [customer.id], accountIds: [] }, customerId: customer.id, limit: 1 });
    const facts: Facts = {
      customerId: customer.id.toString(), userId: customer.userId.toString(), userName: customer.userName,
      paymentMethodId: customer.paymentMethodId.toString(), accountId: first!.id.toString(), accounts, seedSeconds: summary.seconds,
    };
    writeFileSync(factsFile, JSON.stringify(facts, null, 2));
    return { backend, args, open, reused: false, ...facts };
  } finally {
    await store.close();
  }
}
