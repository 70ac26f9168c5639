// The two dialects' DDL come from one description; this proves their live schemas agree: a fresh
// SQLite store and a fresh PostgreSQL schema, introspected (tables, columns in order, nullability,
// types by storage class, primary and foreign keys, indexes by name with columns and uniqueness,
// first ids), are equal.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/open.js';
import { dropSchemas, pgProblem, PG_URL, reportPgAway, schemaClient, throwAwaySchemaName } from './pg-test.js';
import { introspectPostgres, introspectSqlite, normalise, postgresFirstIds, sqliteFirstIds } from './schema/introspect.js';

const problem = await pgProblem();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adcenter-dialects-'));
const schema = throwAwaySchemaName('dialects');
after(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (problem === null) await dropSchemas([schema]);
});

if (problem !== null) {
  reportPgAway('SQLite and PostgreSQL schemas agree', problem);
} else {
  describe('schema across dialects', () => {
    it('a fresh SQLite store and a fresh PostgreSQL schema have the same live schema', async () => {
      const file = path.join(dir, 'fresh.sqlite');
      await (await openStore({ backend: 'sqlite', file })).close();
      await (await openStore({ backend: 'postgres', url: PG_URL, schema })).close();
      const client = await schemaClient(schema);
      try {
        const sqlite = introspectSqlite(file);
        const postgres = await introspectPostgres(client, schema);
        assert.ok(Object.keys(sqlite.tables).length >= 14, 'the tables are there');
        assert.deepEqual(normalise(postgres), normalise(sqlite));
        assert.deepEqual(postgresFirstIds(postgres), sqliteFirstIds(file));
      } finally {
        await client.end();
      }
    });

    it('the comparison can tell a difference', async () => {
      const sqlite = normalise(introspectSqlite(path.join(dir, 'fresh.sqlite')));
      const drifted = structuredClone(sqlite);
      drifted.tables.accounts!.columns[3]!.notNull = false;
      assert.notDeepEqual(drifted, sqlite);
      const renamed = structuredClone(sqlite);
      renamed.indexes.accounts_name_uq!.unique = false;
      assert.notDeepEqual(renamed, sqlite);
    });
  });
}
