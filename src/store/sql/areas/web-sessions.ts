// Web sign-in sessions. Revocation is a compare-and-set of the revoked time; a session is live
// only while unrevoked and unexpired, checked in the same statement that reads it.
import type { WebSessionRecord } from '../../records.js';
import type { WebSessionStore } from '../../store.js';
import type { Row } from '../driver.js';
import type { Sql } from '../sql.js';
import { big, date, dateOrNull, ms, str } from '../values.js';
import { nowMs } from '../../../contract/ambient.js';

function webSessionFromRow(r: Row): WebSessionRecord {
  return {
    sessionHash: str(r, 'session_hash'), userId: big(r, 'user_id'), csrf: str(r, 'csrf'), createdTime: date(r, 'created_time'),
    expiresAt: date(r, 'expires_at'), revokedTime: dateOrNull(r, 'revoked_time'),
  };
}

export function webSessionPart(sql: Sql): WebSessionStore {
  return {
    async insertWebSession(s) {
      return webSessionFromRow(await sql.insert('web_sessions', [
        ['session_hash', s.sessionHash], ['user_id', s.userId], ['csrf', s.csrf], ['created_time', nowMs()],
        ['expires_at', ms(s.expiresAt)],
      ]));
    },

    async findLiveWebSession(sessionHash, at) {
      const p = sql.params();
      const text = `SELECT * FROM web_sessions WHERE session_hash = ${p.add(sessionHash)} AND revoked_time IS NULL `
        + `AND expires_at > ${p.add(ms(at))}`;
      const row = await sql.one(text, p.values);
      return row === null ? null : webSessionFromRow(row);
    },

    async revokeWebSession(sessionHash, at) {
      const p = sql.params();
      const text = `UPDATE web_sessions SET revoked_time = ${p.add(ms(at))} WHERE session_hash = ${p.add(sessionHash)} AND revoked_time IS NULL`;
      return (await sql.run(text, p.values)) > 0;
    },

    async revokeUserWebSessions(userId, at) {
      const p = sql.params();
      const text = `UPDATE web_sessions SET revoked_time = ${p.add(ms(at))} WHERE user_id = ${p.add(userId)} AND revoked_time IS NULL`;
      return sql.run(text, p.values);
    },

    async replacePasswordHash(userId, expectedHash, newHash) {
      const p = sql.params();
      const text = `UPDATE users SET password_hash = ${p.add(newHash)} WHERE id = ${p.add(userId)} AND password_hash = ${p.add(expectedHash)}`;
      return (await sql.run(text, p.values)) > 0;
    },
  };
}
