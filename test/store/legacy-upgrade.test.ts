// Stores created by the hand-written migration SQL of before (frozen in test/store/legacy) keep
// working: created with that SQL (all of it, or only its first versions), filled with rows, then
// opened by the current code, they open, upgrade what is missing, match a fresh store's live schema
// exactly, and read the rows back as the same records.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { MIGRATIONS } from '../../src/store/schema/migrations.js';
import { openStore } from '../../src/store/open.js';

/** Every version the current code applies (the legacy SQL ends at 3; later versions are upgrades). */
import type { Store } from '../../src/store/store.js';
import { migratePostgres as legacyMigratePostgres, POSTGRES_MIGRATIONS } from './legacy/postgres-migrations.js';
import { writeLegacyRows, type LegacyData, type RawInsert } from './legacy/rows.js';
import { migrateSqlite as legacyMigrateSqlite, SQLITE_MIGRATIONS } from './legacy/sqlite-migrations.js';
import { dropSchemas, pgProblem, PG_URL, reportPgAway, schemaClient, throwAwaySchemaName } from './pg-test.js';
import { introspectPostgres, introspectSqlite, sqliteFirstIds } from './schema/introspect.js';

/** Every migration version, in order: a legacy store is upgraded through all of them. */
const MIGRATION_VERSIONS = MIGRATIONS.map((m) => m.version);

async function assertReadsBack(store: Store, d: LegacyData): Promise<void> {
  assert.equal(await store.getMeta(d.meta[0]), d.meta[1]);
  assert.deepEqual(await store.getCustomer(d.customer.id), d.customer);
  assert.deepEqual(await store.getPaymentMethod(d.paymentMethod.id), d.paymentMethod);
  assert.deepEqual(await store.getAccount(d.account.id), d.account);
  assert.deepEqual(await store.queryAccounts({ scope: { customerIds: [d.customer.id], accountIds: [] }, prefix: { value: 'MAIN', on: 'nameOrNumber' } }), [d.account]);
  assert.deepEqual(await store.getUserByName('ADA@example.com'), d.user);
  // Migration 15 filled the folded name of the customer written before it (É folds as é).
  assert.deepEqual(await store.searchReachableCustomers({ userId: d.user.id, at: new Date(), namePrefix: 'CONTOSO LÉG' }), [d.customer]);
  assert.deepEqual(await store.searchReachableCustomers({ userId: d.user.id, at: new Date(), nameEquals: 'contoso légacy' }), [d.customer]);
  // Migration 16 filled its folded market pair.
  assert.deepEqual(await store.searchReachableCustomers({ userId: d.user.id, at: new Date(), market: { country: 'us', language: 'ENGLISH' } }), [d.customer]);
  assert.deepEqual(await store.listUserRoles(d.user.id), [d.role]);
  // Migration 7: the upgraded user_roles holds several roles per user and customer.
  await store.putUserRole({ ...d.role, roleId: 33, accountIds: null });
  assert.deepEqual((await store.listUserRoles(d.user.id)).map((r) => r.roleId), [33, d.role.roleId]);
  assert.equal(await store.deleteUserRole(d.user.id, d.role.customerId, 33), true);
  assert.deepEqual(await store.getUserInvitation(d.invitation.id), d.invitation);
  assert.deepEqual(await store.listClientLinksByManager([d.customer.id], ['LinkPending']), [d.link]);
  assert.deepEqual(await store.findDeveloperToken('dev-hash'), d.developerToken);
  assert.deepEqual(await store.findAccessToken('access-hash'), d.accessToken);
  assert.deepEqual(await store.getOAuthClient('client-1'), d.client);
  assert.deepEqual(await store.findAuthorizationCode('code-hash'), d.code);
  assert.deepEqual(await store.findRefreshToken('refresh-hash'), d.refreshToken);
  assert.deepEqual(await store.listOutboxMessages({ to: 'grace@EXAMPLE.com', limit: 10 }), [d.message]);
  // New rows continue after the legacy ones, and the unique indexes still report conflicts.
  const next = await store.insertCustomer({ ...d.customer, number: 'C2LEGACY' });
  assert.ok(next.id > d.customer.id);
  await assert.rejects(store.insertCustomer({ ...d.customer }), { name: 'StoreConflict', what: 'customer_number' });
}

// ---- SQLite ----

function legacySqlite(file: string, upTo: number): Database.Database {
  const db = new Database(file);
  db.defaultSafeIntegers(true);
  db.pragma('foreign_keys = ON');
  if (upTo === SQLITE_MIGRATIONS.length) {
    legacyMigrateSqlite(db);
  } else {
    // The frozen runner, stopped after version `upTo`: a store last opened by an older release.
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    for (const m of SQLITE_MIGRATIONS.filter((x) => x.version <= upTo)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
    }
  }
  return db;
}

function sqliteInsert(db: Database.Database): RawInsert {
  return async (table, values) => {
    const columns = Object.keys(values);
    const params = Object.values(values).map((v) =>
      typeof v === 'boolean' ? (v ? 1n : 0n) : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : v);
    const row = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) RETURNING *`)
      .get(...params) as Record<string, unknown>;
    return typeof row.id === 'bigint' ? row.id : null;
  };
}

function sqliteVersions(file: string): number[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all().map(Number);
  } finally {
    db.close();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adcenter-legacy-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('SQLite stores created by the legacy migration SQL', () => {
  const fresh = path.join(dir, 'fresh.sqlite');

  for (const upTo of [1, 2, 3]) {
    it(`up to version ${upTo}: open, upgrade and match a fresh store exactly`, async () => {
      const file = path.join(dir, `legacy-${upTo}.sqlite`);
      legacySqlite(file, upTo).close();
      if (!fs.existsSync(fresh)) await (await openStore({ backend: 'sqlite', file: fresh })).close();
      await (await openStore({ backend: 'sqlite', file })).close();
      assert.deepEqual(sqliteVersions(file), MIGRATION_VERSIONS);
      assert.deepEqual(introspectSqlite(file), introspectSqlite(fresh));
      assert.deepEqual(sqliteFirstIds(file), sqliteFirstIds(fresh));
    });
  }

  it('with rows in: the current code reads them back as the same records', async () => {
    const file = path.join(dir, 'legacy-rows.sqlite');
    const db = legacySqlite(file, 3);
    let data: LegacyData;
    try {
      data = await writeLegacyRows(sqliteInsert(db));
    } finally {
      db.close();
    }
    const store = await openStore({ backend: 'sqlite', file });
    try {
      await assertReadsBack(store, data);
    } finally {
      await store.close();
    }
  });
});

// ---- PostgreSQL ----

async function legacyPostgres(schema: string, upTo: number): Promise<pg.Client> {
  const client = await schemaClient(schema);
  if (upTo === POSTGRES_MIGRATIONS.length) {
    await legacyMigratePostgres(client, schema);
  } else {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    for (const m of POSTGRES_MIGRATIONS.filter((x) => x.version <= upTo)) {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
  }
  return client;
}

function postgresInsert(client: pg.Client): RawInsert {
  return async (table, values) => {
    const columns = Object.keys(values);
    const params = Object.values(values).map((v) => (typeof v === 'bigint' ? v.toString() : v));
    const { rows } = await client.query<Record<string, unknown>>(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`, params);
    const id = rows[0]!.id;
    return typeof id === 'string' ? BigInt(id) : null;
  };
}

const problem = await pgProblem();
if (problem !== null) {
  reportPgAway('PostgreSQL stores created by the legacy migration SQL', problem);
} else {
  describe('PostgreSQL schemas created by the legacy migration SQL', () => {
    const schemas: string[] = [];
    const newSchema = (tag: string): string => {
      const s = throwAwaySchemaName(tag);
      schemas.push(s);
      return s;
    };
    after(() => dropSchemas(schemas));

    for (const upTo of [1, 2, 3]) {
      it(`up to version ${upTo}: open, upgrade and match a fresh schema exactly`, async () => {
        const fresh = newSchema('fresh');
        const legacy = newSchema(`legacy${upTo}`);
        await (await legacyPostgres(legacy, upTo)).end();
        await (await openStore({ backend: 'postgres', url: PG_URL, schema: fresh })).close();
        await (await openStore({ backend: 'postgres', url: PG_URL, schema: legacy })).close();
        const client = await schemaClient(legacy);
        try {
          const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
          assert.deepEqual(rows.map((r) => r.version), MIGRATION_VERSIONS);
          assert.deepEqual(await introspectPostgres(client, legacy), await introspectPostgres(client, fresh));
        } finally {
          await client.end();
        }
      });
    }

    it('with rows in: the current code reads them back as the same records', async () => {
      const schema = newSchema('legacyrows');
      const client = await legacyPostgres(schema, 3);
      let data: LegacyData;
      try {
        data = await writeLegacyRows(postgresInsert(client));
      } finally {
        await client.end();
      }
      const store = await openStore({ backend: 'postgres', url: PG_URL, schema });
      try {
        await assertReadsBack(store, data);
      } finally {
        await store.close();
      }
    });
  });
}
