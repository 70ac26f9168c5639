// The store contract on PostgreSQL, in a throw-away schema of the test database. Without a
// reachable server the suite fails under CI and is skipped (with the reason) elsewhere.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openStore } from '../../src/store/open.js';
import { MIGRATIONS } from '../../src/store/schema/migrations.js';
import type { Store } from '../../src/store/store.js';
import { runStoreContract } from './store-contract.js';
import { PG_URL, pgProblem, reportPgAway, throwAwaySchemaName } from './pg-test.js';

const url = PG_URL;
const schema = throwAwaySchemaName('test');

const problem = await pgProblem();

if (problem !== null) {
  reportPgAway('Store contract: postgres', problem);
} else {
  after(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // The schema name is generated above from hex digits; identifiers cannot be parameters.
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  });

  runStoreContract('postgres', () => openStore({ backend: 'postgres', url, schema }));

  describe('postgres migrations', () => {
    const stores: Store[] = [];
    before(async () => {
      // Instances starting at the same moment: the advisory lock serialises their migrations.
      stores.push(...(await Promise.all([1, 2, 3].map(() => openStore({ backend: 'postgres', url, schema: `${schema}_m` })))));
    });
    after(async () => {
      await Promise.all(stores.map((s) => s.close()));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}_m" CASCADE`);
      } finally {
        await client.end();
      }
    });

    it('are applied once by concurrent instances, inside the schema, with ids starting at their bases', async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const tables = await client.query<{ n: string }>(
          'SELECT count(*)::text AS n FROM information_schema.tables WHERE table_schema = $1', [`${schema}_m`]);
        // Every table the migrations create, plus schema_migrations.
        const expectedTables = MIGRATIONS.flatMap((m) => m.steps).filter((s) => s.kind === 'createTable').length + 1;
        assert.equal(tables.rows[0].n, String(expectedTables), 'all tables live in the schema');
        const { rows } = await client.query<{ version: number }>(`SELECT version FROM "${schema}_m".schema_migrations`);
        assert.deepEqual(rows.map((r) => r.version).sort((a, b) => a - b), MIGRATIONS.map((m) => m.version));
      } finally {
        await client.end();
      }
      const [a, b] = stores;
      const c = await a.insertCustomer({
        number: 'N1', name: 'n', industry: null, marketCountry: null, marketLanguage: null, financialStatus: null,
        lifeCycleStatus: 'Active', serviceLevel: null, address: null, isAgency: false, lastModifiedByUserId: null,
      });
      assert.equal(c.id, 100000001n);
      assert.deepEqual(await b.getCustomer(c.id), c);
    });

    it('leave the global pg int8 parser alone', async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: unknown }>('SELECT 9007199254740993::bigint AS n');
        assert.equal(rows[0].n, '9007199254740993');
      } finally {
        await client.end();
      }
    });
  });
}
