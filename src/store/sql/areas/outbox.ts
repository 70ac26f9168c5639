// The outbox of sent messages: append and list, newest first. Recipients are matched on a folded
// copy (as user names are), so "Ann@Example.com" and "ann@example.com" are one mailbox.
import type { NewOutboxMessage, OutboxMessageRecord } from '../../records.js';
import type { OutboxStore } from '../../store.js';
import type { Row, Statement } from '../driver.js';
import { fold, type Sql } from '../sql.js';
import { big, date, ms, str } from '../values.js';

function outboxFromRow(r: Row): OutboxMessageRecord {
  return {
    id: big(r, 'id'), to: str(r, 'recipient'), subject: str(r, 'subject'), body: str(r, 'body'),
    createdTime: date(r, 'created_time'),
  };
}

export function outboxPart(sql: Sql): OutboxStore {
  return {
    async insertOutboxMessage(m) {
      const { sql: text, params } = insertOutboxStatement(sql, m);
      const row = await sql.one(text, params);
      if (row === null) throw new Error('store: insert into outbox_messages returned no row');
      return outboxFromRow(row);
    },

    async listOutboxMessages(query) {
      const p = sql.params();
      const where = query.to === undefined ? '' : ` WHERE recipient_folded = ${p.add(fold(query.to))}`;
      const limit = sql.dialect.limitOffset(p.add(Math.max(0, Math.trunc(query.limit))), null);
      return (await sql.all(`SELECT * FROM outbox_messages${where} ORDER BY id DESC${limit}`, p.values)).map(outboxFromRow);
    },
  };
}

/** The insert of one message; other parts add it to their transactions (a link and its notice). */
export function insertOutboxStatement(sql: Sql, m: NewOutboxMessage): Statement {
  return sql.insertStatement('outbox_messages', [
    ['recipient', m.to], ['recipient_folded', fold(m.to)], ['subject', m.subject], ['body', m.body],
    ['created_time', ms(m.createdTime)],
  ]);
}
