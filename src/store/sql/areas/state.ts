// The store's whole state at once: emptying it for POST /_adcenter/reset. Every table the
// migrations create is emptied (tables added by later migrations included, without editing
// this file) and every id sequence starts again at its table's first id, so a store reset and
// seeded again hands out the same ids as a fresh one. Only the store's environment and the seed
// file it is served with (meta seed_file, what a reset returns to) are kept.
import { MIGRATIONS } from '../../schema/migrations.js';
import type { Table } from '../../schema/model.js';
import type { StateStore, Store } from '../../store.js';
import type { Statement } from '../driver.js';
import type { Sql } from '../sql.js';
import { accountFromRow } from './account-rows.js';
import { clientLinkFromRow } from './client-links.js';
import { customerFromRow, paymentMethodFromRow } from './customers.js';
import { featureFromRow, grantFromRow } from './pilot-features.js';
import { accessTokenFromRow, developerTokenFromRow } from './tokens.js';
import { userFromRow, userRoleFromRow } from './user-rows.js';

/** Every table of the schema, in the order the migrations created them (rebuilt tables once). */
function schemaTables(): Table[] {
  const tables = new Map<string, Table>();
  for (const m of MIGRATIONS) {
    for (const step of m.steps) if (step.kind === 'createTable' && !tables.has(step.table.name)) tables.set(step.table.name, step.table);
  }
  return [...tables.values()];
}

export function statePart(sql: Sql, backend: Store['backend']): StateStore {
  return {
    async wipe() {
      // The access epoch is kept and moved on: cached credentials of the wiped store must not survive
      // (TRUNCATE fires no row triggers), and the counter's one row must stay for the triggers.
      const tables = schemaTables().filter((t) => t.name !== 'meta' && t.name !== 'access_epoch');
      const steps: Statement[] = backend === 'postgres'
        // One TRUNCATE of all of them: foreign keys between them are no obstacle, identities restart at START WITH.
        ? [{ sql: `TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY`, params: [] }]
        : [
          // Foreign keys are checked at COMMIT, when every table is empty.
          { sql: 'PRAGMA defer_foreign_keys = ON', params: [] },
          ...tables.reverse().map((t) => ({ sql: `DELETE FROM ${t.name}`, params: [] })),
          ...tables.filter((t) => t.firstId !== undefined)
            .map((t) => ({ sql: 'UPDATE sqlite_sequence SET seq = ? WHERE name = ?', params: [t.firstId! - 1, t.name] })),
        ];
      steps.push({ sql: "DELETE FROM meta WHERE key NOT IN ('environment', 'seed_file')", params: [] });
      steps.push({ sql: 'UPDATE access_epoch SET epoch = epoch + 1 WHERE id = 1', params: [] });
      await sql.transaction(steps);
    },

    async dump() {
      const all = (text: string) => sql.all(text, []);
      return {
        customers: (await all('SELECT * FROM customers ORDER BY id')).map(customerFromRow),
        paymentMethods: (await all('SELECT * FROM payment_methods ORDER BY id')).map(paymentMethodFromRow),
        accounts: (await all('SELECT * FROM accounts ORDER BY id')).map(accountFromRow),
        users: (await all('SELECT * FROM users ORDER BY id')).map(userFromRow),
        roles: (await all('SELECT * FROM user_roles ORDER BY user_id, customer_id, role_id')).map(userRoleFromRow),
        clientLinks: (await all('SELECT * FROM client_links ORDER BY id')).map(clientLinkFromRow),
        developerTokens: (await all('SELECT * FROM developer_tokens WHERE revoked_time IS NULL ORDER BY id')).map(developerTokenFromRow),
        accessTokens: (await all('SELECT * FROM access_tokens WHERE revoked_time IS NULL ORDER BY created_time, token_hash')).map(accessTokenFromRow),
        pilotFeatures: (await all('SELECT * FROM pilot_features ORDER BY feature_id')).map(featureFromRow),
        pilotGrants: (await all('SELECT * FROM pilot_feature_grants ORDER BY scope, entity_id, feature_id')).map(grantFromRow),
      };
    },
  };
}
