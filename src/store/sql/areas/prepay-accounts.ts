// The prepay mark of accounts created with AddPrepayAccount.
import type { PrepayAccountStore } from '../../store.js';
import type { Sql } from '../sql.js';
import { ms } from '../values.js';

export function prepayAccountPart(sql: Sql): PrepayAccountStore {
  return {
    async markPrepayAccount(accountId, at) {
      const p = sql.params();
      await sql.run(
        `INSERT INTO prepay_accounts (account_id, created_time) VALUES (${p.add(accountId)}, ${p.add(ms(at))}) ON CONFLICT (account_id) DO NOTHING`,
        p.values,
      );
    },

    async isPrepayAccount(accountId) {
      const p = sql.params();
      return (await sql.one(`SELECT account_id FROM prepay_accounts WHERE account_id = ${p.add(accountId)}`, p.values)) !== null;
    },
  };
}
