// Passwords set outside the sign-in (operator, "forgot password" link). Each change is one
// transaction that also ends the user's web sessions and voids their outstanding reset links.
import type { PasswordResetRecord } from '../../records.js';
import type { PasswordStore } from '../../store.js';
import type { Row, Statement } from '../driver.js';
import type { Sql } from '../sql.js';
import { big, date, dateOrNull, ms, str } from '../values.js';

function passwordResetFromRow(r: Row): PasswordResetRecord {
  return {
    tokenHash: str(r, 'token_hash'), userId: big(r, 'user_id'), createdTime: date(r, 'created_time'),
    expiresAt: date(r, 'expires_at'), usedTime: dateOrNull(r, 'used_time'),
  };
}

export function passwordPart(sql: Sql): PasswordStore {
  /** The new hash, the user's sessions ended and their unused links voided. */
  function changeStatements(userId: bigint, passwordHash: string, at: Date): Statement[] {
    const p1 = sql.params();
    const p2 = sql.params();
    const p3 = sql.params();
    return [
      { sql: `UPDATE users SET password_hash = ${p1.add(passwordHash)} WHERE id = ${p1.add(userId)}`, params: p1.values, guard: true },
      { sql: `UPDATE web_sessions SET revoked_time = ${p2.add(ms(at))} WHERE user_id = ${p2.add(userId)} AND revoked_time IS NULL`, params: p2.values },
      { sql: `UPDATE password_resets SET used_time = ${p3.add(ms(at))} WHERE user_id = ${p3.add(userId)} AND used_time IS NULL`, params: p3.values },
    ];
  }

  return {
    async setPassword(userId, passwordHash, at) {
      return (await sql.transaction(changeStatements(userId, passwordHash, at))) !== null;
    },

    async insertPasswordReset(reset) {
      return passwordResetFromRow(await sql.insert('password_resets', [
        ['token_hash', reset.tokenHash], ['user_id', reset.userId], ['created_time', ms(reset.createdTime)],
        ['expires_at', ms(reset.expiresAt)],
      ]));
    },

    async findLivePasswordReset(tokenHash, at) {
      const p = sql.params();
      const row = await sql.one(
        `SELECT * FROM password_resets WHERE token_hash = ${p.add(tokenHash)} AND used_time IS NULL AND expires_at > ${p.add(ms(at))}`,
        p.values,
      );
      return row === null ? null : passwordResetFromRow(row);
    },

    async resetPassword(tokenHash, at, passwordHash) {
      const p = sql.params();
      const use: Statement = {
        sql: `UPDATE password_resets SET used_time = ${p.add(ms(at))} WHERE token_hash = ${p.add(tokenHash)} `
          + `AND used_time IS NULL AND expires_at > ${p.add(ms(at))} RETURNING user_id`,
        params: p.values, guard: true,
      };
      const userId = (previous: readonly Row[][]): bigint => big(previous[0]![0]!, 'user_id');
      const rows = await sql.transaction([
        use,
        ...[0, 1, 2].map((i) => (previous: readonly Row[][]) => changeStatements(userId(previous), passwordHash, at)[i]!),
      ]);
      return rows === null ? null : big(rows[0]![0]!, 'user_id');
    },
  };
}
