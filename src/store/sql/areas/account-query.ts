// AccountQuery -> one parameterised SELECT. Conditions are AND-ed; a list condition that is
// present but empty matches nothing (like SQL's IN ()), an absent one does not filter.
import type { AccountQuery } from '../../records.js';
import { Params, type Dialect } from '../dialect.js';
import { fold } from '../sql.js';
import type { SqlValue } from '../driver.js';

/** Escapes LIKE wildcards so user input is matched literally (used with ESCAPE '\'). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const ORDER_COLUMNS = { Id: 'id', Name: 'name_folded', Number: 'number_folded', LifeCycleStatus: 'life_cycle_status' } as const;

function count(n: number | undefined, what: string): number | null {
  if (n === undefined) return null;
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`store: ${what} must be a non-negative integer`);
  return n;
}

/** Returns null when the query cannot match anything (an empty scope), so no SQL is run. */
export function buildAccountQuery(q: AccountQuery, dialect: Dialect): { sql: string; params: SqlValue[] } | null {
  const { customerIds, accountIds } = q.scope;
  if (customerIds.length === 0 && accountIds.length === 0) return null;
  const p = new Params(dialect);
  const where: string[] = [];
  const like = (column: string, pattern: string): string => `${column} LIKE ${p.add(pattern)} ESCAPE '\\'`;

  const visible = (s: AccountQuery['scope']): string => {
    const parts: string[] = [];
    if (s.customerIds.length > 0) parts.push(p.inBigints('customer_id', s.customerIds));
    if (s.accountIds.length > 0) parts.push(p.inBigints('id', s.accountIds));
    return parts.length === 0 ? '1 = 0' : `(${parts.join(' OR ')})`;
  };
  where.push(visible({ customerIds, accountIds }));
  if (q.within !== undefined) where.push(visible(q.within));

  if (q.ids !== undefined) where.push(p.inBigints('id', q.ids));
  if (q.customerId !== undefined) where.push(`customer_id = ${p.add(q.customerId)}`);
  if (q.customerIds !== undefined) where.push(q.customerIds.length === 0 ? '1 = 0' : p.inBigints('customer_id', q.customerIds));
  if (q.nameEquals !== undefined) where.push(`name_folded = ${p.add(fold(q.nameEquals))}`);
  if (q.nameContains !== undefined) where.push(like('name_folded', `%${escapeLike(fold(q.nameContains))}%`));
  if (q.numberEquals !== undefined) where.push(p.inTexts('number_folded', q.numberEquals.map(fold)));
  if (q.numberContains !== undefined) where.push(like('number_folded', `%${escapeLike(fold(q.numberContains))}%`));
  if (q.prefix !== undefined) {
    const pattern = `${escapeLike(fold(q.prefix.value))}%`;
    where.push(q.prefix.on === 'number'
      ? like('number_folded', pattern)
      : `(${like('name_folded', pattern)} OR ${like('number_folded', pattern)})`);
  }
  if (q.lifeCycle !== undefined) {
    const alternatives = q.lifeCycle.map((e) => {
      const status = `life_cycle_status = ${p.add(e.status)}`;
      if (e.pauseReasons === undefined) return status;
      // Pause reasons are small integers; bound as a list like ids.
      return `(${status} AND ${p.inBigints('pause_reason', e.pauseReasons.map((r) => BigInt(r)))})`;
    });
    where.push(alternatives.length === 0 ? '1 = 0' : `(${alternatives.join(' OR ')})`);
  }

  const field = q.orderBy?.field ?? 'Id';
  const dir = q.orderBy?.descending === true ? 'DESC' : 'ASC';
  const column = ORDER_COLUMNS[field];
  const order = field === 'Id' ? `id ${dir}` : `${dialect.orderText(column)} ${dir}, id ${dir}`;

  const limit = count(q.limit, 'limit');
  const offset = count(q.offset, 'offset');
  const tail = dialect.limitOffset(limit === null ? null : p.add(limit), offset === null ? null : p.add(offset));
  return { sql: `SELECT * FROM accounts WHERE ${where.join(' AND ')} ORDER BY ${order}${tail}`, params: p.values };
}
