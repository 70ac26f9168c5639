// SearchClientLinks by DirectManagingCustomerId: a page of one manager's links whose cost is that
// of the page, not of every link the manager has (an agency may manage a million accounts). The
// links are walked through an index in the order asked, each kept only if it is its pair's newest
// (one seek at the end of client_links_pair) and not aggregatee, and each walk stops at the page's
// end (offset + limit rows). The answer is the one of the grouping query it replaces: ordered by
// the key, then link id ascending in both directions.
//   Id: ordered by client entity id. client_links_pair orders a manager's links of one type by
//     client entity, so one walk per type, each with its limit, merged; only their rows are sorted.
//     Within a type a client entity has one newest link, so the walk needs no tie-breaker.
//   Name: ordered by the folded name, a null name as ''. client_links_manager_name (manager,
//     name_folded, id) walks the null names (in id order) and the others (in name order), merged.
//     Descending, equal names still go by id ascending, which a backward walk does not give: the
//     backward walk is kept up to the last name it reaches, and that name's links are walked again
//     from the lowest id, each with the page's limit. (Sorting each run of equal names would do
//     too, but PostgreSQL's generic plan, expecting about one link per manager, sorted the whole
//     range instead.)
//   Number: the managing customer's number, the same for every link of one manager: the order is
//     the tie-breaker's, link id, one walk of client_links_manager_current (manager, aggregatee, id).
import type { ClientLinkSearch } from '../../records.js';
import { pageBound } from '../dialect.js';
import type { SqlValue } from '../driver.js';
import type { Sql } from '../sql.js';

/** The statement for `{ managerId }`; `q.orderBy` and the page as in ClientLinkSearch. */
export function managerLinksQuery(sql: Sql, managerId: bigint, q: ClientLinkSearch): { sql: string; params: SqlValue[] } {
  const d = sql.dialect;
  const p = sql.params();
  const limit = pageBound(q.limit, 'limit');
  const offset = pageBound(q.offset, 'offset');
  const dir = q.orderBy.descending ? 'DESC' : 'ASC';
  // Parameters are added in the order they appear (SQLite's are positional): each piece of text is
  // built where it stands.
  const walk = (index: string, condition: () => string, order: string, tail: () => string): string =>
    `SELECT l.* FROM client_links l${d.indexedBy(index)} WHERE l.managing_customer_id = ${p.add(managerId)}`
    + `${condition()} AND ${newestLink(d.indexedBy('client_links_pair'))} ORDER BY ${order}${tail()}`;
  // Not aggregatee, written so that no index takes it as an equality: as one, it made
  // client_links_manager_current (manager, aggregatee, id) an id-ordered read, which PostgreSQL's
  // generic plan (expecting about one link per manager) took for a walk of one name in id order,
  // filtering the names of every link of the agency.
  const notAggregatee = (): string => ` AND l.aggregatee <> ${p.add(true)}`;
  const page = (): string => d.limitOffset(limit === null ? null : p.add(limit), offset === null ? null : p.add(offset));

  if (q.orderBy.field === 'Number') {
    return { sql: walk('client_links_manager_current', () => ` AND l.aggregatee = ${p.add(false)}`, 'l.id ASC', page), params: p.values };
  }
  // Each walk's share of the page: every row up to the page's end.
  const inner = limit === null ? null : limit + (offset ?? 0);
  const stop = (): string => d.limitOffset(inner === null ? null : p.add(inner), null);
  let walks: string[];
  let key: string;
  if (q.orderBy.field === 'Id') {
    walks = [
      `w0 AS (${walk('client_links_pair', () => `${notAggregatee()} AND l.type = ${p.add('AccountLink')}`, `l.client_entity_id ${dir}`, stop)})`,
      `w1 AS (${walk('client_links_pair', () => `${notAggregatee()} AND l.type = ${p.add('CustomerLink')}`, `l.client_entity_id ${dir}`, stop)})`,
    ];
    key = 'w.client_entity_id';
  } else {
    const name = (x: string): string => d.orderText(`${x}.name_folded`);
    // Where the name is one value (null, or the last one reached) the order still names it, so it
    // is the index's as written (PostgreSQL does not infer that IS NULL fixes the name).
    const byId = `${name('l')} ASC, l.id ASC`;
    walks = [`w0 AS (${walk('client_links_manager_name', () => `${notAggregatee()} AND l.name_folded IS NULL`, byId, stop)})`];
    if (!q.orderBy.descending) {
      walks.push(`w1 AS (${walk('client_links_manager_name', () => `${notAggregatee()} AND l.name_folded IS NOT NULL`, `${name('l')} ASC, l.id ASC`, stop)})`);
    } else {
      // The walk backward gives equal names in descending id order: it is right up to the last
      // name it reaches, whose links are then read again from their lowest id.
      const last = `(SELECT MIN(${name('t')}) FROM t)`;
      walks.push(
        `t AS (${walk('client_links_manager_name', () => `${notAggregatee()} AND l.name_folded IS NOT NULL`, `${name('l')} DESC, l.id DESC`, stop)})`,
        `e AS (${walk('client_links_manager_name', () => `${notAggregatee()} AND ${name('l')} = ${last}`, byId, stop)})`,
        `w1 AS (SELECT * FROM t WHERE ${name('t')} > ${last} UNION ALL SELECT * FROM e)`,
      );
    }
    key = d.orderText("COALESCE(w.name_folded, '')");
  }
  return {
    sql: `WITH ${walks.join(', ')} SELECT w.* FROM (SELECT * FROM w0 UNION ALL SELECT * FROM w1) w ORDER BY ${key} ${dir}, w.id ASC${page()}`,
    params: p.values,
  };
}

/** `l` is the newest link of its (manager, type, client entity): one seek at the end of the pair index. */
function newestLink(indexedBy: string): string {
  return `l.id = (SELECT MAX(n.id) FROM client_links n${indexedBy} WHERE n.managing_customer_id = l.managing_customer_id `
    + 'AND n.type = l.type AND n.client_entity_id = l.client_entity_id)';
}
