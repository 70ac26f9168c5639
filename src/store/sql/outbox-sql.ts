// The outbox of sent messages: append and list, newest first. Recipients are matched on a folded
// copy (as user names are), so "Ann@Example.com" and "ann@example.com" are one mailbox.
import type { NewOutboxMessage, OutboxMessageRecord } from '../records.js';
import { fold } from './rows.js';
import { SqlPart } from './sql-part.js';
import { big, date, ms, str, type Row } from './values.js';

function outboxFromRow(r: Row): OutboxMessageRecord {
  return {
    id: big(r, 'id'), to: str(r, 'recipient'), subject: str(r, 'subject'), body: str(r, 'body'),
    createdTime: date(r, 'created_time'),
  };
}

export class OutboxSql extends SqlPart {
  async insertOutboxMessage(m: NewOutboxMessage): Promise<OutboxMessageRecord> {
    return outboxFromRow(await this.insert('outbox_messages', [
      ['recipient', m.to], ['recipient_folded', fold(m.to)], ['subject', m.subject], ['body', m.body],
      ['created_time', ms(m.createdTime)],
    ]));
  }

  async listOutboxMessages(query: { to?: string; limit: number }): Promise<OutboxMessageRecord[]> {
    const p = this.params();
    const where = query.to === undefined ? '' : ` WHERE recipient_folded = ${p.add(fold(query.to))}`;
    const limit = this.dialect.limitOffset(p.add(Math.max(0, Math.trunc(query.limit))), null);
    return (await this.driver.all(`SELECT * FROM outbox_messages${where} ORDER BY id DESC${limit}`, p.values)).map(outboxFromRow);
  }
}
