// A new tenant in one transaction: (the claim of a meta key,) the customer, its first user and
// their role, the payment method, the account and (optionally) the user's developer token. Later
// statements take the new ids from the rows earlier ones returned, so a customer without its user
// or account can never be seen or left behind — eight sign-ups racing for one user name leave one
// tenant and nothing else (the losers' inserts roll back with their transactions).
import type { TenantStore } from '../../store.js';
import type { Row, Statement, Step } from '../driver.js';
import { created, type Sql } from '../sql.js';
import { big } from '../values.js';
import { nowMs } from '../../../contract/ambient.js';
import { accountFromRow, accountInsertColumns } from './account-rows.js';
import { customerColumns, customerFromRow, paymentMethodFromRow } from './customers.js';
import { insertUserStatement, putRoleStatement, userFromRow } from './user-rows.js';

export function tenantPart(sql: Sql): TenantStore {
  return {
    async createTenant(tenant) {
      const now = nowMs();
      const steps: Step[] = [];
      // The claim goes first: on PostgreSQL a racing claimant waits on the key's unique index until
      // this transaction ends, then inserts nothing — the guard — and writes nothing else.
      const claim = tenant.claimMetaKey;
      if (claim !== undefined) steps.push(claimStatement(sql, claim));
      const at = steps.length;
      const id = (previous: readonly Row[][], step: number): bigint => big(previous[at + step]![0]!, 'id');
      steps.push(
        sql.insertStatement('customers', [...customerColumns(tenant.customer), ...created(now)]),
        (previous) => insertUserStatement(sql, { ...tenant.user, customerId: id(previous, 0) }),
        (previous) => putRoleStatement(sql, { userId: id(previous, 1), customerId: id(previous, 0), roleId: tenant.roleId, accountIds: null }),
        (previous) => sql.insertStatement('payment_methods', [
          ['customer_id', id(previous, 0)], ['type', tenant.paymentMethodType], ['created_time', now],
        ]),
        (previous) => sql.insertStatement('accounts', [
          ...accountInsertColumns({
            ...tenant.account, customerId: id(previous, 0), paymentMethodId: id(previous, 3), billToCustomerId: id(previous, 0),
            primaryUserId: id(previous, 1), lastModifiedByUserId: id(previous, 1),
          }),
          ...created(now),
        ]),
      );
      const token = tenant.developerToken;
      if (token !== undefined) {
        steps.push((previous) => sql.insertStatement('developer_tokens', [
          ['user_id', id(previous, 1)], ['token_hash', token.tokenHash], ['hint', token.hint], ['created_time', now],
        ]));
      }
      if (claim !== undefined) steps.push((previous) => setClaimStatement(sql, claim, id(previous, 1)));
      const rows = await sql.transaction(steps);
      if (rows === null) return null;
      return {
        customer: customerFromRow(rows[at]![0]!),
        user: userFromRow(rows[at + 1]![0]!),
        paymentMethod: paymentMethodFromRow(rows[at + 3]![0]!),
        account: accountFromRow(rows[at + 4]![0]!),
      };
    },
  };
}

/** Insert-if-absent of the key, a guard: it returns no row when the key exists. */
function claimStatement(sql: Sql, key: string): Statement {
  const p = sql.params();
  return {
    sql: `INSERT INTO meta (key, value) VALUES (${p.add(key)}, ${p.add('')}) ON CONFLICT (key) DO NOTHING RETURNING key`,
    params: p.values, guard: true,
  };
}

function setClaimStatement(sql: Sql, key: string, userId: bigint): Statement {
  const p = sql.params();
  return { sql: `UPDATE meta SET value = ${p.add(userId.toString())} WHERE key = ${p.add(key)}`, params: p.values };
}
