// The store contract on SQLite: a temporary database file (WAL) and ':memory:'.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/open.js';
import { MIGRATIONS } from '../../src/store/schema/migrations.js';
import { runStoreContract } from './store-contract.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adcenter-store-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

runStoreContract('sqlite file', () => openStore({ backend: 'sqlite', file: path.join(dir, 'adcenter.sqlite') }));
runStoreContract('sqlite :memory:', () => openStore({ backend: 'sqlite', file: ':memory:' }));

describe('sqlite migrations', () => {
  it('are recorded once, survive reopening, and use WAL', async () => {
    const file = path.join(dir, 'reopen.sqlite');
    const first = await openStore({ backend: 'sqlite', file });
    const c = await first.insertCustomer({
      number: 'N1', name: 'n', industry: null, marketCountry: null, marketLanguage: null, financialStatus: null,
      lifeCycleStatus: 'Active', serviceLevel: null, address: null, isAgency: false, lastModifiedByUserId: null,
    });
    assert.equal(c.id, 100000001n);
    const second = await openStore({ backend: 'sqlite', file }); // a second instance on the same file
    assert.deepEqual(await second.getCustomer(c.id), c);
    await first.close();
    await second.close();
    const db = new Database(file, { readonly: true });
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      assert.deepEqual(versions, MIGRATIONS.map((m) => m.version));
    } finally {
      db.close();
    }
  });
});
