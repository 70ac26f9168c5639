// Accounts: inserts (unique name per customer, unique number), reads, the FindAccounts/SearchAccounts
// query, and compare-and-set updates.
import type { AccountStore } from '../../store.js';
import { created, type Sql } from '../sql.js';
import { int, strOrNull } from '../values.js';
import { buildAccountQuery } from './account-query.js';
import { accountChangeColumns, accountFromRow, accountInsertColumns, decodeStringList, encodeStringList } from './account-rows.js';
import { nowMs } from '../../../contract/ambient.js';

export function accountPart(sql: Sql): AccountStore {
  async function count(where: string, params: Parameters<Sql['one']>[1]): Promise<number> {
    const row = await sql.one(`SELECT COUNT(*) AS n FROM accounts WHERE ${where}`, params);
    return row === null ? 0 : int(row, 'n');
  }

  return {
    async insertAccount(account) {
      return accountFromRow(await sql.insert('accounts', [...accountInsertColumns(account), ...created(nowMs())]));
    },

    async getAccount(id) {
      const row = await sql.byId('accounts', id);
      return row === null ? null : accountFromRow(row);
    },

    async getAccounts(ids) {
      return (await sql.byIds('accounts', ids)).map(accountFromRow);
    },

    async queryAccounts(query) {
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
