// SignupCustomer's tenant in one transaction: the customer, the payment method its account is
// billed through, the account, the aggregator's aggregatee link to it and the roles of existing
// users. Later rows take the new ids from the rows the earlier inserts returned, so a half-made
// tenant (a customer without its account) can never be seen or left behind.
import type { CustomerSignupStore } from '../../store.js';
import type { Row, Statement } from '../driver.js';
import { created, type Sql } from '../sql.js';
import { big } from '../values.js';
import { accountFromRow, accountInsertColumns } from './account-rows.js';
import { clientLinkFromRow, insertClientLinkStatement } from './client-links.js';
import { customerColumns, customerFromRow, paymentMethodFromRow } from './customers.js';
import { putRoleStatement } from './user-rows.js';
import { nowMs } from '../../../contract/ambient.js';

export function customerSignupPart(sql: Sql): CustomerSignupStore {
  return {
    async signupCustomer(signup) {
      const now = nowMs();
      const customerId = (previous: readonly Row[][]): bigint => big(previous[0]![0]!, 'id');
      const steps: Array<Statement | ((previous: readonly Row[][]) => Statement)> = [
        sql.insertStatement('customers', [...customerColumns(signup.customer), ...created(now)]),
        (previous) => sql.insertStatement('payment_methods', [
          ['customer_id', customerId(previous)], ['type', signup.paymentMethodType], ['created_time', now],
        ]),
        (previous) => sql.insertStatement('accounts', [
          ...accountInsertColumns({
            ...signup.account, customerId: customerId(previous), paymentMethodId: big(previous[1]![0]!, 'id'),
          }),
          ...created(now),
        ]),
        (previous) => insertClientLinkStatement(sql, {
          ...signup.aggregatee, clientEntityId: big(previous[2]![0]!, 'id'), aggregatee: true,
        }),
        ...signup.roles.map((role) => (previous: readonly Row[][]) => putRoleStatement(sql, {
          userId: role.userId, customerId: customerId(previous), roleId: role.roleId, accountIds: null,
        })),
      ];
      const rows = await sql.transaction(steps);
      if (rows === null) throw new Error('store: the signup transaction changed nothing');
      return {
        customer: customerFromRow(rows[0]![0]!),
        paymentMethod: paymentMethodFromRow(rows[1]![0]!),
        account: accountFromRow(rows[2]![0]!),
        link: clientLinkFromRow(rows[3]![0]!),
      };
    },
  };
}
