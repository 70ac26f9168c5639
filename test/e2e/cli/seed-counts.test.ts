// `adcenter seed --accounts N --customers M --agency` on SQLite and PostgreSQL: the counts asked
// for are stored, every account number is unique, progress goes to stderr, and the seeded users
// reach their accounts through the API (FindAccounts for the agency's Super Admin, SearchAccounts
// by UserId for a customer's Super Admin).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI, startServer, type RunningServer } from '../../support/server.js';
import { faces, restCodes } from '../../support/faces.js';
import { dropSchemas, PG_URL, pgProblem, reportPgAway, schemaClient, throwAwaySchemaName } from '../../store/pg-test.js';
import { openStore, type StoreOptions } from '../../../src/store/open.js';

const run = promisify(execFile);
const ACCOUNTS = 2000;
const CUSTOMERS = 3;

interface Seeded { stdout: string; stderr: string; agencyUser: string; customers: Array<{ id: bigint; accounts: number; userName: string }> }

function parse(stdout: string, stderr: string): Seeded {
  const agencyUser = /agency\s+id \d+\s+Super Admin (\S+)/.exec(stdout)?.[1];
  const customers = [...stdout.matchAll(/customer\s+id (\d+)\s+number \S+\s+(\d+) accounts\s+Super Admin (\S+)/g)]
    .map((m) => ({ id: BigInt(m[1]!), accounts: Number(m[2]), userName: m[3]! }));
  assert.ok(agencyUser, stdout);
  return { stdout, stderr, agencyUser, customers };
}

function seedRules(name: string, setUp: () => Promise<{ storeArgs: string[]; open: StoreOptions; cleanUp: () => Promise<void> }>): void {
  describe(name, () => {
    let world: Awaited<ReturnType<typeof setUp>>;
    let seeded: Seeded;
    let server: RunningServer;

    before(async () => {
      world = await setUp();
      const { stdout, stderr } = await run(process.execPath, [CLI, 'seed', ...world.storeArgs,
        '--accounts', String(ACCOUNTS), '--customers', String(CUSTOMERS), '--agency']);
      seeded = parse(stdout, stderr);
      // A second --data wins over startServer's own folder (commander keeps the last).
      server = await startServer({ args: world.storeArgs });
    });
    after(async () => {
      await server?.stop();
      await world?.cleanUp();
    });

    it('stores the accounts asked for, spread over the customers, each number unique', async () => {
      assert.equal(seeded.customers.length, CUSTOMERS);
      assert.equal(seeded.customers.reduce((n, c) => n + c.accounts, 0), ACCOUNTS);
      const store = await openStore(world.open);
      try {
        const ids = seeded.customers.map((c) => c.id);
        const accounts = await store.queryAccounts({ scope: { customerIds: ids, accountIds: [] }, limit: 100_000 });
        assert.equal(accounts.length, ACCOUNTS);
        assert.equal(new Set(accounts.map((a) => a.number)).size, ACCOUNTS);
        assert.ok(accounts.every((a) => /^[A-Z][A-Z0-9]{7}$/.test(a.number)), 'numbers have the generated form');
        for (const c of seeded.customers) {
          assert.equal(accounts.filter((a) => a.customerId === c.id).length, c.accounts);
          const roles = await store.listCustomerRoles(c.id);
          assert.equal(roles.length, 1, 'one Super Admin per customer');
          assert.ok(accounts.filter((a) => a.customerId === c.id).every((a) => a.primaryUserId === roles[0]!.userId && a.paymentMethodId !== null));
        }
      } finally {
        await store.close();
      }
    });

    it('reports progress on stderr, the summary on stdout', () => {
      assert.match(seeded.stderr, /100%\s+2,000\/2,000 accounts\s+[\d,]+\/s/);
      assert.match(seeded.stdout, /Seeded 2,000 accounts in 3 customer\(s\) managed by one agency \(3 customer links\)/);
    });

    it('the agency\'s Super Admin finds every seeded account (FindAccounts, both faces)', async () => {
      const token = await tokenFor(world.storeArgs, seeded.agencyUser);
      const f = faces(server);
      const r = await f.rest('FindAccounts', { CustomerId: null, AccountFilter: '', TopN: 5000 }, token);
      assert.equal(r.status, 200, JSON.stringify(restCodes(r)));
      assert.equal((r.body.AccountsInfo as unknown[]).length, ACCOUNTS);
      const s = await f.soap('FindAccounts', '<CustomerId i:nil="true"/><AccountFilter>Acme</AccountFilter><TopN>5000</TopN>', token);
      assert.equal(s.status, 200, s.text.slice(0, 500));
      // Names rotate over 40 words: 1 in 40 starts with "Acme" (per customer, from its first account).
      const acme = seeded.customers.reduce((n, c) => n + Math.ceil(c.accounts / 40), 0);
      assert.equal((s.text.match(/<(\w+:)?AccountInfo>/g) ?? []).length, acme);
    });

    it('a customer\'s Super Admin finds their accounts with SearchAccounts by UserId', async () => {
      const c = seeded.customers[0]!;
      const token = await tokenFor(world.storeArgs, c.userName);
      const store = await openStore(world.open);
      const user = await store.getUserByName(c.userName);
      await store.close();
      const r = await faces(server).rest('SearchAccounts', {
        Predicates: [{ Field: 'UserId', Operator: 'Equals', Value: user!.id.toString() }], Ordering: null,
        PageInfo: { Index: 0, Size: 1000 },
      }, token);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal((r.body.Accounts as unknown[]).length, c.accounts);
    });
  });
}

async function tokenFor(storeArgs: string[], userName: string): Promise<string> {
  const { stdout } = await run(process.execPath, [CLI, 'token', ...storeArgs, '--user', userName]);
  return stdout.trim().split('\n').at(-1)!;
}

seedRules('adcenter seed --accounts (SQLite)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'adcenter-seed-'));
  return {
    storeArgs: ['--data', dir], open: { backend: 'sqlite', file: join(dir, 'adcenter.sqlite') },
    cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

const problem = await pgProblem();
if (problem !== null) {
  reportPgAway('adcenter seed --accounts (PostgreSQL)', problem);
} else {
  seedRules('adcenter seed --accounts (PostgreSQL)', async () => {
    const schema = throwAwaySchemaName('seed');
    return {
      storeArgs: ['--database-url', PG_URL, '--database-schema', schema], open: { backend: 'postgres', url: PG_URL, schema },
      cleanUp: () => dropSchemas([schema]),
    };
  });

  it('adcenter seed --accounts (PostgreSQL) leaves the planner statistics up to date (ANALYZE)', async () => {
    const schema = throwAwaySchemaName('seedstats');
    try {
      await run(process.execPath, [CLI, 'seed', '--database-url', PG_URL, '--database-schema', schema, '--accounts', '300']);
      const client = await schemaClient(schema);
      try {
        const { rows } = await client.query<{ relname: string; analysed: boolean; live: string }>(
          `SELECT relname, last_analyze IS NOT NULL AS analysed, n_live_tup::text AS live FROM pg_stat_user_tables
           WHERE schemaname = $1 AND relname IN ('accounts', 'customers', 'users') ORDER BY relname`, [schema]);
        assert.deepEqual(rows.map((r) => [r.relname, r.analysed]), [['accounts', true], ['customers', true], ['users', true]]);
        // ANALYZE counted what the seed stored (the demo tenant's account and the 300 seeded).
        assert.ok(Number(rows[0]!.live) >= 300, rows[0]!.live);
      } finally {
        await client.end();
      }
    } finally {
      await dropSchemas([schema]);
    }
  });
}
