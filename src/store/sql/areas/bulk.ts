// Seeding many rows at once: multi-row INSERTs (as many rows per statement as the parameter limit
// allows), all of one call in one transaction, built from the same column mappers as the
// single-row inserts, so a seeded row is exactly what the API would have written. Generated ids
// come back through RETURNING and are matched to the input by their unique key (number, user
// name, customer), never by the order the database happens to return them in.
import type { BulkStore } from '../../store.js';
import type { Statement } from '../driver.js';
import { created, fold, type Columns, type Sql } from '../sql.js';
import { big, str } from '../values.js';
import { accountInsertColumns } from './account-rows.js';
import { clientLinkInsertColumns } from './client-links.js';
import { customerColumns } from './customers.js';
import { userInsertColumns } from './user-rows.js';
import { encodeIdList } from '../json.js';

/** Bound parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;
/** Rows per statement at most: larger statements stop paying off. */
const MAX_ROWS = 500;

type Kind = 'customers' | 'paymentMethods' | 'users' | 'other';

export function bulkPart(sql: Sql): BulkStore {
  /** Multi-row INSERT statements for `rows` (all with the same columns, in the same order). */
  function inserts(table: string, rows: readonly Columns[], returning: string | null): Statement[] {
    if (rows.length === 0) return [];
    const names = rows[0]!.map(([c]) => c);
    const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / names.length)));
    const statements: Statement[] = [];
    for (let start = 0; start < rows.length; start += perStatement) {
      const p = sql.params();
      const tuples = rows.slice(start, start + perStatement).map((row) => `(${row.map(([, v]) => p.add(v)).join(', ')})`);
      statements.push({
        sql: `INSERT INTO ${table} (${names.join(', ')}) VALUES ${tuples.join(', ')}${returning === null ? '' : ` RETURNING ${returning}`}`,
        params: p.values,
      });
    }
    return statements;
  }

  return {
    async refreshStatistics() {
      if (sql.dialect.analyze !== null) await sql.run(sql.dialect.analyze, []);
    },

    async bulkInsert(rows) {
      const now = Date.now();
      const steps: Statement[] = [];
      const kinds: Kind[] = [];
      const add = (kind: Kind, statements: Statement[]): void => {
        steps.push(...statements);
        kinds.push(...statements.map(() => kind));
      };
      add('customers', inserts('customers', (rows.customers ?? []).map((c) => [...customerColumns(c), ...created(now)]), 'id, number'));
      add('paymentMethods', inserts('payment_methods', (rows.paymentMethods ?? []).map((m): Columns => [
        ['customer_id', m.customerId], ['type', m.type], ['created_time', now],
      ]), 'id, customer_id'));
      add('users', inserts('users', (rows.users ?? []).map((u) => userInsertColumns(u, now)), 'id, user_name_folded'));
      add('other', inserts('user_roles', (rows.roles ?? []).map((r): Columns => [
        ['user_id', r.userId], ['customer_id', r.customerId], ['role_id', r.roleId], ['account_ids', encodeIdList(r.accountIds)],
      ]), null));
      // In number order: consecutive rows then land on the same pages of the number indexes.
      const accounts = [...(rows.accounts ?? [])].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
      add('other', inserts('accounts', accounts.map((a) => [...accountInsertColumns(a), ...created(now)]), null));
      add('other', inserts('client_links', (rows.clientLinks ?? []).map((l) => clientLinkInsertColumns(l, now)), null));
      if (steps.length === 0) return { customers: [], paymentMethods: [], users: [], accounts: 0 };

      const results = await sql.transaction(steps);
      if (results === null) throw new Error('store: the bulk insert changed nothing');
      const byKey = { customers: new Map<string, bigint>(), paymentMethods: new Map<string, bigint>(), users: new Map<string, bigint>() };
      results.forEach((found, i) => {
        const kind = kinds[i]!;
        if (kind === 'other') return;
        const key = kind === 'customers' ? 'number' : kind === 'paymentMethods' ? 'customer_id' : 'user_name_folded';
        for (const row of found) byKey[kind].set(kind === 'paymentMethods' ? big(row, key).toString() : str(row, key), big(row, 'id'));
      });
      const pick = (map: Map<string, bigint>, key: string): bigint => {
        const id = map.get(key);
        if (id === undefined) throw new Error('store: a bulk-inserted row came back without its id');
        return id;
      };
      return {
        customers: (rows.customers ?? []).map((c) => pick(byKey.customers, c.number)),
        paymentMethods: (rows.paymentMethods ?? []).map((m) => pick(byKey.paymentMethods, m.customerId.toString())),
        users: (rows.users ?? []).map((u) => pick(byKey.users, fold(u.userName))),
        accounts: rows.accounts?.length ?? 0,
      };
    },
  };
}
