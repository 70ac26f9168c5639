// Users and their roles. Deleting a user and changing their roles are one transaction each, guarded
// by the user's version (compare-and-set), so no domain code runs between their statements.
import type { UserStore } from '../../store.js';
import type { Statement } from '../driver.js';
import type { Sql } from '../sql.js';
import { fold } from '../sql.js';
import { userRevocation } from './oauth.js';
import { insertUserStatement, putRoleStatement, userChangeColumns, userFromRow, userRoleFromRow } from './user-rows.js';

export function userPart(sql: Sql): UserStore {
  /** One role on the customer, or (roleId undefined) every role there. */
  function removeRole(userId: bigint, customerId: bigint, roleId?: number): Statement {
    const p = sql.params();
    // Placeholders are numbered in the order they are added: add them in the statement's order.
    let text = `DELETE FROM user_roles WHERE user_id = ${p.add(userId)} AND customer_id = ${p.add(customerId)}`;
    if (roleId !== undefined) text += ` AND role_id = ${p.add(roleId)}`;
    return { sql: text, params: p.values };
  }

  function removeRoles(userId: bigint): Statement {
    const p = sql.params();
    return { sql: `DELETE FROM user_roles WHERE user_id = ${p.add(userId)}`, params: p.values };
  }

  return {
    async insertUser(user) {
      const { sql: text, params } = insertUserStatement(sql, user);
      const row = await sql.one(text, params);
      if (row === null) throw new Error('store: insert into users returned no row');
      return userFromRow(row);
    },

    async getUser(id) {
      const row = await sql.byId('users', id);
      return row === null ? null : userFromRow(row);
    },

    async getUserByName(userName) {
      const p = sql.params();
      const row = await sql.one(`SELECT * FROM users WHERE user_name_folded = ${p.add(fold(userName))}`, p.values);
      return row === null ? null : userFromRow(row);
    },

    async updateUser(id, expectedVersion, changes) {
      const row = await sql.update('users', id, expectedVersion, userChangeColumns(changes));
      return row === null ? null : userFromRow(row);
    },

    async getUsers(ids) {
      return (await sql.byIds('users', ids)).map(userFromRow);
    },

    async listCustomerUsers(customerId, statuses) {
      if (statuses.length === 0) return [];
      const p = sql.params();
      const text = `SELECT * FROM users WHERE (customer_id = ${p.add(customerId)} `
        + `OR id IN (SELECT user_id FROM user_roles WHERE customer_id = ${p.add(customerId)})) `
        + `AND ${p.inTexts('life_cycle_status', statuses)} ORDER BY id`;
      return (await sql.all(text, p.values)).map(userFromRow);
    },

    async deleteUser(id, expectedVersion, at, byUserId) {
      const markDeleted = sql.updateStatement('users', id, expectedVersion,
        [['life_cycle_status', 'Deleted'], ['last_modified_by_user_id', byUserId]],
        (p) => `NOT EXISTS (SELECT 1 FROM accounts WHERE primary_user_id = ${p.add(id)})`);
      const rows = await sql.transaction([markDeleted, removeRoles(id), ...userRevocation(sql, id, at)]);
      return rows === null ? null : userFromRow(rows[0]![0]!);
    },

    async putUserRole(role) {
      const { sql: text, params } = putRoleStatement(sql, role);
      await sql.run(text, params);
    },

    async listUserRoles(userId) {
      const p = sql.params();
      return (await sql.all(`SELECT * FROM user_roles WHERE user_id = ${p.add(userId)} ORDER BY customer_id, role_id`, p.values)).map(userRoleFromRow);
    },

    async listCustomerRoles(customerId) {
      const p = sql.params();
      return (await sql.all(`SELECT * FROM user_roles WHERE customer_id = ${p.add(customerId)} ORDER BY user_id, role_id`, p.values)).map(userRoleFromRow);
    },

    async deleteUserRole(userId, customerId, roleId) {
      const { sql: text, params } = removeRole(userId, customerId, roleId);
      return (await sql.run(text, params)) > 0;
    },

    async deleteUserRoles(userId) {
      const { sql: text, params } = removeRoles(userId);
      return sql.run(text, params);
    },

    async updateUserRoles(userId, expectedVersion, change) {
      const rows = await sql.transaction([
        sql.updateStatement('users', userId, expectedVersion, [['last_modified_by_user_id', change.byUserId]]),
        ...change.remove.map((key) => removeRole(userId, key.customerId, key.roleId)),
        ...change.put.map((grant) => putRoleStatement(sql, { ...grant, userId })),
      ]);
      return rows === null ? null : userFromRow(rows[0]![0]!);
    },
  };
}
