// The reach of an account scope as two common table expressions, so a search joins it instead of
// binding every id: `<tag>c(customer_id)`, the customers whose every account is in reach, and
// `<tag>a(account_id)`, the accounts in reach one by one. A user's reach is the rule of
// domain/access.ts written as SQL: their roles over whole customers, then down the active customer
// links (at most five: "only 5 levels of depth are supported"), the accounts of their
// account-level roles, and the accounts of the active account links of every customer reached
// above the last level. A link is active when the newest link of its (manager, type, client) is
// Active at `at`, or LinkInProgress with its StartDate reached (client-links/life-cycle.ts).
// Joins are written CROSS JOIN with the reach on the left: SQLite then walks from the (few)
// customers reached to their links by index, whatever its statistics say; PostgreSQL plans alone.
import type { AccountScope } from '../../records.js';
import type { Dialect, Params } from '../dialect.js';

/** MAX_CUSTOMER_LINK_DEPTH of domain/client-links/link-depth.ts (the store cannot import the domain). */
const MAX_LINK_DEPTH = 5;

/**
 * `l` is the newest link of its pair and is Active at the `at` bound. The newest is the pair's
 * MAX(id), one seek at the end of client_links_pair (manager, type, client, id); written as NOT
 * EXISTS (… n.id > l.id), PostgreSQL planned it through client_links_manager and re-read every
 * link of an agency for each of its links (2.7 s for a 5,000-link agency's reach).
 */
function activeLink(l: string, at: Date, p: Params, d: Dialect): string {
  // Parameters are added in the order they appear: SQLite's are positional.
  return `(${l}.status = ${p.add('Active')} OR (${l}.status = ${p.add('LinkInProgress')} `
    + `AND (${l}.start_date IS NULL OR ${l}.start_date <= ${p.add(at.getTime())}))) `
    + `AND ${l}.id = (SELECT MAX(n.id) FROM client_links n${d.indexedBy('client_links_pair')} WHERE n.managing_customer_id = ${l}.managing_customer_id `
    + `AND n.type = ${l}.type AND n.client_entity_id = ${l}.client_entity_id)`;
}

const NO_ACCOUNTS = 'SELECT CAST(NULL AS BIGINT) WHERE 1 = 0';

/** The CTE definitions (for a WITH RECURSIVE clause) of the scope under `tag`. */
export function reachCtes(scope: AccountScope, tag: string, p: Params, d: Dialect): string[] {
  if ('customerIds' in scope) {
    return [
      `${tag}c(customer_id) AS (SELECT DISTINCT v FROM ${d.bigintRows(p.add(d.list(scope.customerIds)))} ids)`,
      `${tag}a(account_id) AS (SELECT DISTINCT v FROM ${d.bigintRows(p.add(d.list(scope.accountIds)))} ids)`,
    ];
  }
  if ('userId' in scope) {
    const walk = `${tag}w`;
    const user = p.add(scope.userId);
    const ids = d.jsonIds('ur.account_ids');
    return [
      `${walk}(customer_id, depth) AS (`
        + `SELECT customer_id, 0 FROM user_roles WHERE user_id = ${user} AND account_ids IS NULL `
        + `UNION SELECT l.client_entity_id, w.depth + 1 FROM ${walk} w CROSS JOIN client_links l${d.indexedBy('client_links_pair')} `
        + `WHERE l.managing_customer_id = w.customer_id AND l.type = ${p.add('CustomerLink')} `
        + `AND w.depth < ${p.add(MAX_LINK_DEPTH)} AND ${activeLink('l', scope.at, p, d)})`,
      `${tag}c(customer_id) AS (SELECT DISTINCT customer_id FROM ${walk})`,
      `${tag}a(account_id) AS (`
        + `SELECT l.client_entity_id FROM ${walk} w CROSS JOIN client_links l${d.indexedBy('client_links_pair')} `
        + `WHERE l.managing_customer_id = w.customer_id AND l.type = ${p.add('AccountLink')} `
        + `AND w.depth < ${p.add(MAX_LINK_DEPTH)} AND ${activeLink('l', scope.at, p, d)} `
        + `UNION SELECT ${ids.value} FROM user_roles ur, ${ids.from} WHERE ur.user_id = ${p.add(scope.userId)} AND ur.account_ids IS NOT NULL)`,
    ];
  }
  // A customer's own accounts and, with its clients, those its active links manage (one level).
  const customer = `CAST(${p.add(scope.customerId)} AS BIGINT)`;
  if (!scope.withClients) return [`${tag}c(customer_id) AS (SELECT ${customer})`, `${tag}a(account_id) AS (${NO_ACCOUNTS})`];
  const links = (type: string): string =>
    `SELECT l.client_entity_id FROM client_links l${d.indexedBy('client_links_pair')} WHERE l.managing_customer_id = ${p.add(scope.customerId)} `
    + `AND l.type = ${p.add(type)} AND ${activeLink('l', scope.at, p, d)}`;
  return [
    `${tag}c(customer_id) AS (SELECT ${customer} UNION ${links('CustomerLink')})`,
    `${tag}a(account_id) AS (${links('AccountLink')})`,
  ];
}
