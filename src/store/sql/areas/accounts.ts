// Accounts: inserts (unique name per customer, unique number), reads, the FindAccounts/SearchAccounts
// query, and compare-and-set updates.
import type { AccountRecord } from '../../records.js';
import type { Row, Statement, Step } from '../driver.js';
import { created, isRowFailure, type Columns, type Sql } from '../sql.js';
import { StoreConflict, type AccountStore } from '../../store.js';
import { big, int, ms, strOrNull } from '../values.js';
import { buildAccountQuery } from './account-query.js';
import {
  ACCOUNT_INFO_COLUMNS, accountChangeColumns, accountFromRow, accountInfoFromRow, accountInsertColumns, decodeStringList, encodeStringList,
} from './account-rows.js';
import { nowMs } from '../../../contract/ambient.js';

/** An account insert waiting for the next group commit. */
interface Pending {
  columns: Columns;
  resolve: (account: AccountRecord) => void;
  reject: (err: unknown) => void;
}

/** At most this many accounts in one transaction. */
const BATCH_MAX = 200;

export function accountPart(sql: Sql): AccountStore {
  async function count(where: string, params: Parameters<Sql['one']>[1]): Promise<number> {
    const row = await sql.one(`SELECT COUNT(*) AS n FROM accounts WHERE ${where}`, params);
    return row === null ? 0 : int(row, 'n');
  }

  // Concurrent plain adds share one transaction (group commit): on SQLite a commit's cost is the
  // pages it writes to the WAL, most of which (the table's last page, the indexes' last pages) are
  // the same for every new account, so N adds in one commit write far fewer pages than N commits.
  // Each add is still acknowledged only once its transaction has committed.
  let names: readonly string[] | undefined;
  let plainText = '';
  let ifNewText = '';
  let pending: Pending[] = [];

  function statement(columns: Columns, ifNew: boolean): Statement {
    // accountInsertColumns names the same columns in the same order for every account.
    if (names === undefined) {
      names = columns.map(([c]) => c);
      plainText = sql.insertText('accounts', names);
      ifNewText = sql.insertText('accounts', names, { ifNew: true });
    }
    return { sql: ifNew ? ifNewText : plainText, params: columns.map(([, v]) => v) };
  }

  async function insertOne(columns: Columns): Promise<AccountRecord> {
    const { sql: text, params } = statement(columns, false);
    const row = await sql.one(text, params);
    if (row === null) throw new Error('store: insert into accounts returned no row');
    return accountFromRow(row);
  }

  function settle(p: Pending, result: Promise<AccountRecord>): void {
    result.then(p.resolve, p.reject);
  }

  async function flush(): Promise<void> {
    const batch = pending;
    pending = [];
    for (let start = 0; start < batch.length; start += BATCH_MAX) {
      const part = batch.slice(start, start + BATCH_MAX);
      if (part.length === 1) {
        settle(part[0]!, insertOne(part[0]!.columns));
        continue;
      }
      let rows: Row[][] | null;
      try {
        rows = await sql.transaction(part.map((p) => statement(p.columns, true)));
      } catch (err) {
        // A row the data refuses (a foreign key), or a deadlock with another instance's batch, must
        // not fail the others: each is tried alone and gets its own answer. Anything else fails
        // them all alike.
        // One after another, in the order of the calls: on PostgreSQL concurrent retries could
        // otherwise let a later add take a name or number before an earlier one.
        if (isRowFailure(err)) for (const p of part) await insertOne(p.columns).then(p.resolve, p.reject);
        else for (const p of part) p.reject(err);
        continue;
      }
      for (let i = 0; i < part.length; i++) {
        const p = part[i]!;
        const row = rows?.[i]?.[0];
        // No row: a unique index refused it (a name or number taken, possibly by an earlier add of
        // this batch). Inserted alone, it fails with the StoreConflict that says which one.
        if (row === undefined) await insertOne(p.columns).then(p.resolve, p.reject);
        else settle(p, Promise.resolve(row).then(accountFromRow));
      }
    }
  }

  return {
    async insertAccount(account, options = {}) {
      const columns = [...accountInsertColumns(account), ...created(nowMs())];
      const { prepaidAt, soleDraft } = options;
      if (prepaidAt === undefined && !soleDraft) {
        return new Promise<AccountRecord>((resolve, reject) => {
          pending.push({ columns, resolve, reject });
          // After the current I/O phase: every request read in it has reached its insert by then.
          if (pending.length === 1) setImmediate(() => void flush());
        });
      }
      const steps: Step[] = [];
      if (soleDraft) {
        const p = sql.params();
        // Takes the customer's row lock (PostgreSQL; SQLite's write transaction is already
        // exclusive), so a concurrent Draft add waits here and then sees this one's account.
        steps.push({ sql: `UPDATE customers SET version = version WHERE id = ${p.add(account.customerId)}`, params: p.values });
        const q = sql.params();
        steps.push({
          sql: `SELECT 1 AS ok WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE customer_id = ${q.add(account.customerId)} AND life_cycle_status = ${q.add('Draft')})`,
          params: q.values, guard: true,
        });
      }
      steps.push(statement(columns, false));
      // AddPrepayAccount: the account and its prepay mark in one transaction.
      if (prepaidAt !== undefined) {
        steps.push((previous) => {
          const p = sql.params();
          return {
            sql: `INSERT INTO prepay_accounts (account_id, created_time) VALUES (${p.add(big(previous.at(-1)![0]!, 'id'))}, ${p.add(ms(prepaidAt))})`,
            params: p.values,
          };
        });
      }
      const rows = await sql.transaction(steps);
      if (rows === null) throw new StoreConflict('account_draft');
      const row = rows[soleDraft ? 2 : 0]?.[0];
      if (row === undefined) throw new Error('store: insert into accounts returned no row');
      return accountFromRow(row);
    },

    async getAccount(id) {
      const row = await sql.byId('accounts', id);
      return row === null ? null : accountFromRow(row);
    },

    async getAccounts(ids) {
      return (await sql.byIds('accounts', ids)).map(accountFromRow);
    },

    async queryAccounts(query) {
      // One statement whatever the search (a name-or-number prefix included): one round trip.
      const built = buildAccountQuery(query, sql.dialect);
      return built === null ? [] : (await sql.all(built.sql, built.params)).map(accountFromRow);
    },

    async queryAccountInfos(query) {
      // The same statement, selecting fewer columns: less read per row, and no dates or JSON to
      // decode for fields an AccountInfo list never shows.
      const built = buildAccountQuery(query, sql.dialect, ACCOUNT_INFO_COLUMNS);
      return built === null ? [] : (await sql.all(built.sql, built.params)).map(accountInfoFromRow);
    },

    async countAccountsInStatus(customerId, status) {
      const p = sql.params();
      return count(`customer_id = ${p.add(customerId)} AND life_cycle_status = ${p.add(status)}`, p.values);
    },

    async countAccountsWithPrimaryUser(userId) {
      const p = sql.params();
      return count(`primary_user_id = ${p.add(userId)}`, p.values);
    },

    async updateAccount(id, expectedVersion, changes) {
      const row = await sql.update('accounts', id, expectedVersion, accountChangeColumns(changes));
      return row === null ? null : accountFromRow(row);
    },

    async setAccountExternalIds(id, externalIds) {
      const p = sql.params();
      const list = externalIds === null || externalIds.length === 0 ? null : encodeStringList(externalIds);
      return (await sql.run(`UPDATE accounts SET external_account_ids = ${p.add(list)} WHERE id = ${p.add(id)}`, p.values)) > 0;
    },

    async getAccountExternalIds(id) {
      const p = sql.params();
      const row = await sql.one(`SELECT external_account_ids FROM accounts WHERE id = ${p.add(id)}`, p.values);
      return row === null ? null : decodeStringList(strOrNull(row, 'external_account_ids'));
    },
  };
}
