// Accounts: inserts (unique name per customer, unique number), reads, the FindAccounts/SearchAccounts
// query, and compare-and-set updates.
import type { AccountStore } from '../../store.js';
import { created, type Sql } from '../sql.js';
import { big, int, ms, strOrNull } from '../values.js';
import { buildAccountQuery } from './account-query.js';
import { accountChangeColumns, accountFromRow, accountInsertColumns, decodeStringList, encodeStringList } from './account-rows.js';
import { nowMs } from '../../../contract/ambient.js';

export function accountPart(sql: Sql): AccountStore {
  async function count(where: string, params: Parameters<Sql['one']>[1]): Promise<number> {
    const row = await sql.one(`SELECT COUNT(*) AS n FROM accounts WHERE ${where}`, params);
    return row === null ? 0 : int(row, 'n');
  }

  return {
    async insertAccount(account, options = {}) {
      const insert = sql.insertStatement('accounts', [...accountInsertColumns(account), ...created(nowMs())]);
      const prepaid = options.prepaidAt;
      // AddPrepayAccount: the account and its prepay mark in one transaction.
      if (prepaid === undefined) return accountFromRow(await sql.insert('accounts', [...accountInsertColumns(account), ...created(nowMs())]));
      const rows = await sql.transaction([insert, (previous) => {
        const p = sql.params();
        return {
          sql: `INSERT INTO prepay_accounts (account_id, created_time) VALUES (${p.add(big(previous[0]![0]!, 'id'))}, ${p.add(ms(prepaid))})`,
          params: p.values,
        };
      }]);
      const row = rows?.[0]?.[0];
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
