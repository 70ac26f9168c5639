// The schema description's derived facts: the unique-violation mapping the drivers use, and the
// checked narrowing of database text to the contract's enumerations.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkedEnum, isEnumValue } from '../../src/store/enums.js';
import { openStore } from '../../src/store/open.js';
import { conflictByColumns, conflictByName } from '../../src/store/schema/conflicts.js';
import { customer, account } from './contract/fixtures.js';

describe('unique violations -> StoreConflict, derived from the schema', () => {
  it('by PostgreSQL constraint name (unique indexes and declared primary keys)', () => {
    assert.equal(conflictByName('accounts_name_uq'), 'account_name');
    assert.equal(conflictByName('accounts_number_uq'), 'account_number');
    assert.equal(conflictByName('customers_number_uq'), 'customer_number');
    assert.equal(conflictByName('users_name_uq'), 'user_name');
    for (const name of ['developer_tokens_hash_uq', 'access_tokens_pkey', 'user_invitations_secret_uq', 'oauth_clients_pkey', 'oauth_codes_pkey', 'refresh_tokens_pkey']) {
      assert.equal(conflictByName(name), 'token', name);
    }
    assert.equal(conflictByName('meta_pkey'), undefined, 'a key without a declared conflict passes the raw error');
  });

  it('by the column list SQLite reports', () => {
    assert.equal(conflictByColumns('accounts.customer_id, accounts.name_folded'), 'account_name');
    assert.equal(conflictByColumns('users.user_name_folded'), 'user_name');
    assert.equal(conflictByColumns('refresh_tokens.token_hash'), 'token');
    assert.equal(conflictByColumns('accounts.name_folded'), undefined);
  });
});

describe('enumeration values read from the database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adcenter-enums-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are checked against the contract', () => {
    assert.equal(isEnumValue('AccountLifeCycleStatus', 'Pause'), true);
    assert.equal(isEnumValue('AccountLifeCycleStatus', 'Paused'), false);
    assert.equal(checkedEnum('LCID', 'EnglishUK', 'test'), 'EnglishUK');
    assert.throws(() => checkedEnum('LCID', 'Klingon', 'test'), /not a LCID/);
  });

  it('a corrupt value makes the read throw instead of reaching a record', async () => {
    const file = path.join(dir, 'corrupt.sqlite');
    const store = await openStore({ backend: 'sqlite', file });
    try {
      const ctx = { store };
      const c = await customer(ctx);
      const a = await account(ctx, c.id);
      const db = new Database(file);
      try {
        db.prepare("UPDATE accounts SET life_cycle_status = 'Bogus' WHERE id = ?").run(a.id);
        db.prepare("UPDATE customers SET address = NULL, service_level = 'Gold' WHERE id = ?").run(c.id);
      } finally {
        db.close();
      }
      await assert.rejects(store.getAccount(a.id), /life_cycle_status holds "Bogus", not a AccountLifeCycleStatus/);
      await assert.rejects(store.getCustomer(c.id), /service_level holds "Gold", not a ServiceLevel/);
    } finally {
      await store.close();
    }
  });
});
