// Rows a half-written tenant would leave behind, counted with plain SQL on either backend: a
// customer without any account, a payment method no account bills through, a user whose customer
// has no account.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import { PG_URL } from '../store/pg-test.js';

export interface Orphans {
  customersWithoutAccount: number;
  unusedPaymentMethods: number;
  usersWithoutAccount: number;
}

const QUERIES: Record<keyof Orphans, string> = {
  customersWithoutAccount: 'SELECT count(*) AS n FROM customers c WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.customer_id = c.id)',
  unusedPaymentMethods: 'SELECT count(*) AS n FROM payment_methods p WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.payment_method_id = p.id)',
  usersWithoutAccount: 'SELECT count(*) AS n FROM users u WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.customer_id = u.customer_id)',
};

export const NO_ORPHANS: Orphans = { customersWithoutAccount: 0, unusedPaymentMethods: 0, usersWithoutAccount: 0 };

/** Runs one counting query per kind; `query` returns the single count. */
async function count(query: (sql: string) => Promise<number>): Promise<Orphans> {
  const out = { ...NO_ORPHANS };
  for (const key of Object.keys(QUERIES) as Array<keyof Orphans>) out[key] = await query(QUERIES[key]);
  return out;
}

export function sqliteOrphans(dataDir: string): Promise<Orphans> {
  const db = new Database(join(dataDir, 'adcenter.sqlite'), { readonly: true });
  return count(async (sql) => Number((db.prepare(sql).get() as { n: number | bigint }).n)).finally(() => db.close());
}

/** Counts in the schema; `sql` may be used for more (a plain SELECT's rows). */
export async function pgQuery<T>(schema: string, use: (q: (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await use(async (sql, params = []) => (await client.query(sql, params)).rows as Array<Record<string, unknown>>);
  } finally {
    await client.end();
  }
}

export function pgOrphans(schema: string): Promise<Orphans> {
  return pgQuery(schema, (q) => count(async (sql) => Number((await q(sql))[0]!.n)));
}
