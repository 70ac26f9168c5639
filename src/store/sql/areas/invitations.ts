// User invitations. Accepting one is a single transaction: claim the invitation (a guard: not yet
// accepted, not expired), create the user and their roles, record who the invitee became.
import type { NewUserInvitation, UserInvitationRecord } from '../../records.js';
import { insertOutboxStatement } from './outbox.js';
import type { UserInvitationStore } from '../../store.js';
import type { Row } from '../driver.js';
import { decodeIdList, encodeIdList } from '../json.js';
import type { Columns, Sql } from '../sql.js';
import { big, bigOrNull, date, dateOrNull, enumCol, int, ms, str, strOrNull } from '../values.js';
import { insertUserStatement, putRoleStatement, userFromRow } from './user-rows.js';
import { nowMs } from '../../../contract/ambient.js';

function invitationColumns(i: NewUserInvitation): Columns {
  return [
    ['customer_id', i.customerId], ['first_name', i.firstName], ['last_name', i.lastName], ['email', i.email],
    ['role_id', i.roleId], ['account_ids', encodeIdList(i.accountIds)], ['lcid', i.lcid],
    ['expiration_date', ms(i.expirationDate)], ['secret_hash', i.secretHash], ['created_by_user_id', i.createdByUserId],
  ];
}

function invitationFromRow(r: Row): UserInvitationRecord {
  return {
    id: big(r, 'id'), customerId: big(r, 'customer_id'), firstName: str(r, 'first_name'),
    lastName: str(r, 'last_name'), email: str(r, 'email'), roleId: int(r, 'role_id'),
    accountIds: decodeIdList(strOrNull(r, 'account_ids')), lcid: enumCol(r, 'lcid', 'LCID'),
    expirationDate: date(r, 'expiration_date'), secretHash: str(r, 'secret_hash'),
    createdTime: date(r, 'created_time'), createdByUserId: big(r, 'created_by_user_id'),
    acceptedTime: dateOrNull(r, 'accepted_time'), acceptedUserId: bigOrNull(r, 'accepted_user_id'),
  };
}

export function userInvitationPart(sql: Sql): UserInvitationStore {
  return {
    async insertUserInvitation(invitation, messages = []) {
      // With the e-mail that carries its secret: one transaction, so no invitation is left that nobody was sent.
      const insert = sql.insertStatement('user_invitations', [...invitationColumns(invitation), ['created_time', nowMs()]]);
      const row = messages.length === 0
        ? await sql.one(insert.sql, insert.params)
        : (await sql.transaction([insert, ...messages.map((m) => insertOutboxStatement(sql, m))]))?.[0]?.[0];
      if (row === undefined || row === null) throw new Error('store: insert into user_invitations returned no row');
      return invitationFromRow(row);
    },

    async getUserInvitation(id) {
      const row = await sql.byId('user_invitations', id);
      return row === null ? null : invitationFromRow(row);
    },

    async findUserInvitationBySecret(secretHash) {
      const p = sql.params();
      const row = await sql.one(`SELECT * FROM user_invitations WHERE secret_hash = ${p.add(secretHash)}`, p.values);
      return row === null ? null : invitationFromRow(row);
    },

    async listPendingUserInvitations(customerId) {
      const p = sql.params();
      const text = `SELECT * FROM user_invitations WHERE customer_id = ${p.add(customerId)} AND accepted_time IS NULL ORDER BY id`;
      return (await sql.all(text, p.values)).map(invitationFromRow);
    },

    async acceptUserInvitation(id, at, user, roles) {
      const claim = sql.params();
      const claimSql = `UPDATE user_invitations SET accepted_time = ${claim.add(ms(at))} WHERE id = ${claim.add(id)} `
        + `AND accepted_time IS NULL AND expiration_date > ${claim.add(ms(at))}`;
      // The new user's id is only known once inserted: later steps read it from that insert's row.
      const newUserId = (previous: readonly Row[][]): bigint => big(previous[1]![0]!, 'id');
      const rows = await sql.transaction([
        { sql: claimSql, params: claim.values, guard: true },
        insertUserStatement(sql, user),
        ...roles.map((grant) => (previous: readonly Row[][]) => putRoleStatement(sql, { ...grant, userId: newUserId(previous) })),
        (previous: readonly Row[][]) => {
          const p = sql.params();
          return {
            sql: `UPDATE user_invitations SET accepted_user_id = ${p.add(newUserId(previous))} WHERE id = ${p.add(id)}`,
            params: p.values,
          };
        },
      ]);
      return rows === null ? null : userFromRow(rows[1]![0]!);
    },
  };
}
