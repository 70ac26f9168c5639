// AccountQuery -> one parameterised SELECT that reads accounts in index order and stops at the
// page (docs/architecture.md, "Searches are index range scans"). The scope is joined (reach-query),
// never bound id by id. Two shapes:
// - point lookups (ids, numbers): at most a few rows by a unique key, each checked against the scope;
// - everything else: first the page's ids — for each customer wholly in reach, its accounts read
//   through the index whose order is the requested one (customer, key, id), ids and key only, with
//   the page's limit inside (a case-insensitive prefix is a range on the folded column), plus the
//   accounts reached one by one; only those candidates are sorted and paged — then the rows of
//   that page, and only those, by primary key. A name-or-number prefix is two such reads (names
//   by name, numbers by number) merged in the same statement.
// Conditions are AND-ed; a list condition that is present but empty matches nothing (like SQL's
// IN ()), an absent one does not filter. Contains is a residual filter on that ordered read.
// The columns returned are the caller's choice (a whole record, or only what AccountInfo needs);
// they change what is read per row, never which rows nor their order.
import type { AccountQuery } from '../../records.js';
import { Params, type Dialect, pageBound } from '../dialect.js';
import { fold } from '../sql.js';
import type { SqlValue } from '../driver.js';
import { reachCtes } from './reach-query.js';
import { ACCOUNT_RECORD_COLUMNS } from './account-rows.js';

/** Escapes LIKE wildcards so user input is matched literally (used with ESCAPE '\'). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type OrderField = NonNullable<AccountQuery['orderBy']>['field'];

const ORDER_COLUMNS: Readonly<Record<OrderField, string>> = {
  Id: 'id', Name: 'name_folded', Number: 'number_folded', LifeCycleStatus: 'life_cycle_status',
};
/** The migration-10 index that lists one customer's accounts in each order (key, then id). */
export const ORDER_INDEXES: Readonly<Record<OrderField, string>> = {
  Id: 'accounts_customer_id', Name: 'accounts_customer_name', Number: 'accounts_customer_number',
  LifeCycleStatus: 'accounts_customer_status_id',
};


/**
 * The folded texts that begin with `prefix`, as a half-open range in code point order:
 * [p, p with its last code point incremented) — exact, with no sentinel character. `to` is null
 * when there is no upper bound (p is all U+10FFFF).
 */
export function prefixRange(prefix: string): { from: string; to: string | null } {
  const from = fold(prefix);
  const points = [...from].map((c) => c.codePointAt(0)!);
  while (points.length > 0 && points[points.length - 1] === 0x10ffff) points.pop();
  if (points.length === 0) return { from, to: null };
  let last = points.pop()! + 1;
  if (last === 0xd800) last = 0xe000; // surrogates are not characters
  return { from, to: String.fromCodePoint(...points, last) };
}

/** One ordered read of a search: by `field`, optionally only texts beginning with a prefix. */
interface Branch {
  field: OrderField;
  prefix?: string;
  /** Leaves out accounts whose name begins with this (the number half of a name-or-number search). */
  notNamePrefixed?: string;
}

/**
 * Returns null when the query cannot match anything (an empty scope), so no SQL is run. `columns`
 * are those selected (they must include id); the order key is read beside them where needed.
 */
export function buildAccountQuery(
  q: AccountQuery, dialect: Dialect, columns: readonly string[] = ACCOUNT_RECORD_COLUMNS,
): { sql: string; params: SqlValue[] } | null {
  if (!columns.includes('id')) throw new Error('store: an account search selects the id');
  const empty = (s: AccountQuery['scope']): boolean => 'customerIds' in s && s.customerIds.length === 0 && s.accountIds.length === 0;
  if (empty(q.scope) || (q.within !== undefined && empty(q.within))) return null;
  if (q.prefix !== undefined && q.orderBy !== undefined) throw new Error('store: a prefix search is ordered by the prefixed text');

  const p = new Params(dialect);
  // The reach a search walks (another user's, when given) and the one it is checked against.
  const ctes = reachCtes(q.within ?? q.scope, 'd', p, dialect);
  if (q.within !== undefined) ctes.push(...reachCtes(q.scope, 'f', p, dialect));

  const text = (column: string): string => dialect.orderText(column);
  const range = (column: string, prefix: string): string => {
    const { from, to } = prefixRange(prefix);
    const lower = `${text(column)} >= ${p.add(from)}`;
    return to === null ? lower : `${lower} AND ${text(column)} < ${p.add(to)}`;
  };
  /**
   * The conditions on alias `x` (and the branch's prefix, if any); called once per use, so each
   * binds its own parameters in the order they appear (SQLite's are positional).
   */
  const conditions = (x: string, branch?: Branch): string[] => {
    const where: string[] = [];
    // The pattern as an expression, not a bare parameter: SQLite reads a bare one when preparing
    // (for its LIKE optimisation) and then prepares the statement again every time it is bound.
    const like = (column: string, pattern: string): string => `${x}.${column} LIKE CAST(${p.add(pattern)} AS TEXT) ESCAPE '\\'`;
    if (q.within !== undefined) {
      where.push(`(${x}.customer_id IN (SELECT customer_id FROM fc) OR ${x}.id IN (SELECT account_id FROM fa))`);
    }
    if (q.ids !== undefined) where.push(q.ids.length === 0 ? '1 = 0' : p.inBigints(`${x}.id`, q.ids));
    if (q.customerId !== undefined) where.push(`${x}.customer_id = ${p.add(q.customerId)}`);
    if (q.customerIds !== undefined) {
      where.push(q.customerIds.length === 0 ? '1 = 0' : p.inBigints(`${x}.customer_id`, q.customerIds));
    }
    if (q.nameEquals !== undefined) where.push(`${x}.name_folded = ${p.add(fold(q.nameEquals))}`);
    if (q.nameContains !== undefined) where.push(like('name_folded', `%${escapeLike(fold(q.nameContains))}%`));
    if (q.numberEquals !== undefined) {
      where.push(q.numberEquals.length === 0 ? '1 = 0' : p.inTexts(`${x}.number_folded`, q.numberEquals.map(fold)));
    }
    if (q.numberContains !== undefined) where.push(like('number_folded', `%${escapeLike(fold(q.numberContains))}%`));
    if (branch?.prefix !== undefined) where.push(range(`${x}.${ORDER_COLUMNS[branch.field]}`, branch.prefix));
    if (branch?.notNamePrefixed !== undefined) where.push(`NOT (${range(`${x}.name_folded`, branch.notNamePrefixed)})`);
    if (q.lifeCycle !== undefined) {
      const alternatives = q.lifeCycle.map((e) => {
        const status = `${x}.life_cycle_status = ${p.add(e.status)}`;
        if (e.pauseReasons === undefined) return status;
        // Pause reasons are small integers; bound as a list like ids.
        return `(${status} AND ${p.inBigints(`${x}.pause_reason`, e.pauseReasons.map((r) => BigInt(r)))})`;
      });
      where.push(alternatives.length === 0 ? '1 = 0' : `(${alternatives.join(' OR ')})`);
    }
    return where;
  };

  const dir = q.orderBy?.descending === true ? 'DESC' : 'ASC';
  /** ORDER BY a key column (`key`, the column itself or a candidate's `k`) then the id. */
  const order = (field: OrderField, key: string, id: string): string =>
    (field === 'Id' ? `${id} ${dir}` : `${text(key)} ${dir}, ${id} ${dir}`);
  const limit = pageBound(q.limit, 'limit');
  const offset = pageBound(q.offset, 'offset');
  const tail = (): string => dialect.limitOffset(limit === null ? null : p.add(limit), offset === null ? null : p.add(offset));
  const and = (where: string[]): string => (where.length === 0 ? '' : ` AND ${where.join(' AND ')}`);

  if (q.ids !== undefined || q.numberEquals !== undefined) {
    // A handful of rows by a unique key (the primary key, or accounts_number_folded), each checked.
    const inReach = '(x.customer_id IN (SELECT customer_id FROM dc) OR x.id IN (SELECT account_id FROM da))';
    const where = [inReach, ...conditions('x')].join(' AND ');
    const field = q.orderBy?.field ?? 'Id';
    return {
      sql: `WITH RECURSIVE ${ctes.join(', ')} SELECT ${columns.map((c) => `x.${c}`).join(', ')} FROM accounts x WHERE ${where} `
        + `ORDER BY ${order(field, `x.${ORDER_COLUMNS[field]}`, 'x.id')}${tail()}`,
      params: p.values,
    };
  }

  // The branches: one ordered read, or for a name-or-number prefix the names beginning with it
  // (by name) and the numbers beginning with it whose name does not (by number).
  const branches: Branch[] = q.prefix === undefined ? [{ field: q.orderBy?.field ?? 'Id' }]
    : q.prefix.on === 'nameOrNumber'
      ? [{ field: 'Name', prefix: q.prefix.value }, { field: 'Number', prefix: q.prefix.value, notNamePrefixed: q.prefix.value }]
      : [{ field: q.prefix.on === 'name' ? 'Name' : 'Number', prefix: q.prefix.value }];
  // A name is unique in its customer: an equal name is one row per customer, needing no order there.
  const unique = q.nameEquals !== undefined;
  const inner = limit === null ? null : limit + (offset ?? 0);
  // What a candidate carries besides its order key: the columns selected (PostgreSQL), or its id
  // only, read from the covering index, the page's rows then read by primary key (SQLite).
  const carried = dialect.candidateRows ? columns : ['id'];
  const pick = (x: string): string => carried.map((c) => `${x}.${c}`).join(', ');
  const candidates: string[] = [];
  branches.forEach((b, i) => {
    const column = (x: string): string => `${x}.${ORDER_COLUMNS[b.field]}`;
    // Unpaged (GetAccountsInfo: every account), the order is the final sort's alone.
    const paged = (x: string): string => (unique || inner === null ? '' : ` ORDER BY ${order(b.field, column(x), `${x}.id`)}${dialect.limitOffset(p.add(inner), null)}`);
    const index = unique ? 'accounts_customer_name' : ORDER_INDEXES[b.field];
    const customers = `(SELECT customer_id FROM dc${q.customerId === undefined ? '' : ` WHERE customer_id = ${p.add(q.customerId)}`}) w`;
    const read = (x: string): string => `accounts ${x}${dialect.indexedBy(index)} WHERE ${x}.customer_id = w.customer_id${and(conditions(x, b))}`;
    // The customers reached whole, each read through the index in the order asked from the start
    // of its range: PostgreSQL stops each at the page (LATERAL … LIMIT); SQLite reads them in a
    // join whose inner loop is in the ORDER BY's order, so once its LIMIT-sized sorter is full it
    // skips to the next customer at the first row that would not fit (the ORDER BY LIMIT
    // optimisation; query-plans.test.ts checks the bytecode for it).
    ctes.push(dialect.lateral
      ? `p${i} AS (SELECT a.* FROM ${customers} CROSS JOIN LATERAL (SELECT ${pick('x')}, ${column('x')} AS k FROM ${read('x')}${paged('x')}) a)`
      : `p${i} AS (SELECT ${pick('x')}, ${column('x')} AS k FROM ${customers} CROSS JOIN ${read('x')}${paged('x')})`);
    // The accounts reached one by one (account-level roles, account links) whose customer is not
    // reached whole, by primary key only, materialised so no planner drives them from a range
    // over some customer's accounts instead.
    ctes.push(`s${i} AS MATERIALIZED (SELECT ${pick('x')}, ${column('x')} AS k FROM accounts x${dialect.byPrimaryKey()} `
      + `WHERE ${dialect.inSubquery('x.id', 'SELECT account_id FROM da')} AND x.customer_id NOT IN (SELECT customer_id FROM dc)`
      + `${and(conditions('x', b))}${paged('x')})`);
    candidates.push(`SELECT * FROM p${i}`, `SELECT * FROM s${i}`);
  });
  // Only the candidates (a page per customer reached whole, the single accounts) are sorted and
  // paged; then, unless they carry them, the page's rows, and only those, are read by primary key.
  // Name-or-number keys are both text, ordered as names are.
  const field = branches.length === 1 ? branches[0]!.field : 'Name';
  const merged = `(${candidates.join(' UNION ALL ')}) m ORDER BY ${order(field, 'm.k', 'm.id')}${tail()}`;
  if (dialect.candidateRows) {
    return { sql: `WITH RECURSIVE ${ctes.join(', ')} SELECT ${pick('m')} FROM ${merged}`, params: p.values };
  }
  ctes.push(`page AS (SELECT m.id, m.k FROM ${merged})`);
  return {
    sql: `WITH RECURSIVE ${ctes.join(', ')} SELECT ${columns.map((c) => `a.${c}`).join(', ')} `
      + `FROM page CROSS JOIN accounts a${dialect.byPrimaryKey()} `
      + `WHERE a.id = page.id ORDER BY ${order(field, 'page.k', 'page.id')}`,
    params: p.values,
  };
}
