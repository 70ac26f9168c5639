// The customer searches (GetCustomersInfo, SearchCustomers, the customer half of
// FindAccountsOrCustomersInfo) are driven by the caller's reach, and SearchClientLinks by its
// predicate's links: the real handlers run on a store
// of 20,000 customers (ANALYZEd) where an agency reaches 2,000 of them through customer links, the
// driver records each statement, and the plan of every statement that reads customers is asked of
// the same connection (SQLite EXPLAIN QUERY PLAN, PostgreSQL EXPLAIN). A statement must read
// customers by primary key only — never walk the customers table, or an index of it in name order,
// and so never sort the store's customers — and must walk the reach by index. Dropping the
// client-link indexes the reach walks, or sorting the customers table, fails here. The agency also
// manages 2,000 named account links (some with an older row of the same pair): a SearchClientLinks
// of its links must walk them in the order asked and stop at the page — every loop over a range of
// the manager's links stops early (SQLite: its LIMIT's exit in the bytecode; PostgreSQL: a Limit
// above it with no Sort or aggregate between) — so the old statement, which grouped and sorted
// every link of the agency for each page, fails here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Context } from '../../src/domain/context.js';
import { handlers } from '../../src/domain/operations.js';
import type { Entity, OperationName, RequestOf } from '../../src/contract/values.js';
import type { CustomerRecord, UserRecord } from '../../src/store/records.js';
import {
  postgresPlanStore, sqlitePlanStore, type PgPlanNode, type PlanStore, type Recorded, type SqliteOp, type SqlitePlan,
} from '../support/plan-stores.js';
import { newAccount, newCustomer, newUser } from './contract/fixtures.js';
import { expectedManagerPage } from './contract/manager-links.js';
import { dropSchemas, PG_URL, pgProblem, reportPgAway, throwAwaySchemaName } from './pg-test.js';

const CUSTOMERS = 20_000;
/** Named account links of the agency (to made-up account ids past the real ones); every fifth has an older row. */
const ACCOUNT_LINKS = 2_000;
/** Every status the world's links have. */
const LINK_STATUSES = ['Active', 'Inactive'];
/** Client customers the agency reaches through customer links (every tenth customer). */
const LINKED_EVERY = 10;
const SUPER_ADMIN = 41;
const ACCOUNT_ID_BASE = 150_000_000;

/** Tables no search may read whole, and the aliases the store's statements give them. */
const TABLES = ['customers', 'c', 'm', 'accounts', 'a', 'x', 'client_links', 'l', 'n', 'o', 'user_roles', 'ur', 'users'];
const CUSTOMER_ALIASES = ['customers', 'c', 'm'];

interface World { agency: CustomerRecord; own: CustomerRecord; agent: UserRecord; owner: UserRecord; linked: bigint[]; ownAccount: bigint }

async function fill(ps: PlanStore): Promise<World> {
  const { store } = ps;
  const series = (n: number): string => (ps.backend === 'sqlite'
    ? `(WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n}) SELECT i FROM k) s`
    : `generate_series(1, ${n}) AS s(i)`);
  const no = ps.backend === 'sqlite' ? '0' : 'FALSE';
  // Created a second apart, so CreatedDate bounds select a part of them.
  // Every seventh customer of another market.
  await ps.exec('INSERT INTO customers (number, number_folded, name, name_folded, market_country, market_country_folded, market_language, market_language_folded, '
    + 'life_cycle_status, is_agency, version, created_time, last_modified_time) '
    + `SELECT 'CU-' || i, 'cu-' || i, 'Customer ' || i, 'customer ' || i, CASE WHEN i % 7 = 0 THEN 'DE' ELSE 'US' END, CASE WHEN i % 7 = 0 THEN 'de' ELSE 'us' END, `
    + `'English', 'english', 'Active', ${no}, 1, i * 1000, 0 FROM ${series(CUSTOMERS)}`);
  const agency = await store.insertCustomer(newCustomer({ name: 'Agency', isAgency: true }));
  const own = await store.insertCustomer(newCustomer({ name: 'Own Customer' }));
  const ownAccount = await store.insertAccount(newAccount(own.id, { name: 'Own Account' }));
  const agent = await store.insertUser(newUser(agency.id));
  await store.putUserRole({ userId: agent.id, customerId: agency.id, roleId: SUPER_ADMIN, accountIds: null });
  const owner = await store.insertUser(newUser(own.id));
  await store.putUserRole({ userId: owner.id, customerId: own.id, roleId: SUPER_ADMIN, accountIds: null });
  await ps.exec('INSERT INTO client_links (type, client_entity_id, managing_customer_id, status, suppress_notification, version, last_modified_time, aggregatee, created_time) '
    + `SELECT 'CustomerLink', id, ${agency.id}, 'Active', ${no}, 1, 0, ${no}, 0 FROM customers WHERE number LIKE 'CU-%' AND id % ${LINKED_EVERY} = 0`);
  // Other tenants: a user with a role on each customer, and links between neighbours.
  await ps.exec('INSERT INTO users (customer_id, user_name, user_name_folded, life_cycle_status, version, created_time, last_modified_time) '
    + "SELECT id, 'cu.' || id, 'cu.' || id, 'Active', 1, 0, 0 FROM customers WHERE number LIKE 'CU-%'");
  await ps.exec(`INSERT INTO user_roles (user_id, customer_id, role_id) SELECT id, customer_id, ${SUPER_ADMIN} FROM users WHERE user_name LIKE 'cu.%'`);
  await ps.exec('INSERT INTO client_links (type, client_entity_id, managing_customer_id, status, suppress_notification, version, last_modified_time, aggregatee, created_time) '
    + `SELECT 'CustomerLink', id + 1, id, 'Active', ${no}, 1, 0, ${no}, 0 FROM customers WHERE number LIKE 'CU-%' AND id % ${LINKED_EVERY} <> 0`);
  // The agency manages the own customer's account too (an account link, with a history row).
  for (const status of ['Inactive', 'Active'] as const) {
    await store.insertClientLink({
      type: 'AccountLink', clientEntityId: ownAccount.id, managingCustomerId: agency.id, status, name: 'Own Account', note: null,
      isBillToClient: false, startDate: null, inviterEmail: null, inviterName: null, inviterPhone: null,
      customerLinkPermission: null, suppressNotification: true, lastModifiedByUserId: null,
    });
  }
  // Named account links, names repeating four times (ties broken by id); the older row of a pair first.
  const accountLinks = (status: string, name: string, where: string): Promise<void> => ps.exec('INSERT INTO client_links (type, client_entity_id, '
    + 'managing_customer_id, status, name, name_folded, suppress_notification, version, last_modified_time, aggregatee, created_time) '
    + `SELECT 'AccountLink', ${ACCOUNT_ID_BASE} + i, ${agency.id}, '${status}', '${name} ' || (i % 500), '${name.toLowerCase()} ' || (i % 500), ${no}, 1, 0, ${no}, 0 `
    + `FROM ${series(ACCOUNT_LINKS)} WHERE ${where}`);
  await accountLinks('Inactive', 'Old', 'i % 5 = 0');
  await accountLinks('Active', 'Client', '1 = 1');
  await ps.exec('ANALYZE');
  const linked = (await store.searchClientLinks({ of: { managerId: agency.id }, orderBy: { field: 'Id', descending: false }, limit: 2 })).map((l) => l.clientEntityId);
  return { agency, own, agent, owner, linked, ownAccount: ownAccount.id };
}

interface Search {
  name: string; user: (w: World) => UserRecord; run: (w: World) => [OperationName, unknown];
  /** A page of one manager's links: every read of a range of them must stop at the page. */
  managerPage?: true;
}

const op = <O extends OperationName>(name: O, request: RequestOf<O>): [OperationName, unknown] => [name, request];
const pred = (Field: string, Operator: Entity<'Predicate'>['Operator'], Value: string): Entity<'Predicate'> => ({ Field, Operator, Value });
const page = (Index: number, Field: Entity<'OrderBy'>['Field'] = 'Id', Order: Entity<'OrderBy'>['Order'] = 'Ascending') =>
  ({ PageInfo: { Index, Size: 10 }, Ordering: [{ Field, Order }] });
const agent = (w: World): UserRecord => w.agent;
const owner = (w: World): UserRecord => w.owner;

const SEARCHES: Search[] = [
  { name: 'GetCustomersInfo, prefix, agency', user: agent, run: () => op('GetCustomersInfo', { CustomerNameFilter: 'CUSTOMER 12', TopN: 10 }) },
  { name: 'GetCustomersInfo, no filter, agency', user: agent, run: () => op('GetCustomersInfo', { CustomerNameFilter: '', TopN: 10 }) },
  { name: 'GetCustomersInfo, prefix, one customer', user: owner, run: () => op('GetCustomersInfo', { CustomerNameFilter: 'own', TopN: 10 }) },
  { name: 'SearchCustomers, CustomerName Contains, by name, second page', user: agent, run: () => op('SearchCustomers', { Predicates: [pred('CustomerName', 'Contains', 'omer 1')], ...page(1, 'Name') }) },
  { name: 'SearchCustomers, CustomerName Equals, by number descending', user: agent, run: () => op('SearchCustomers', { Predicates: [pred('CustomerName', 'Equals', 'CUSTOMER 120')], ...page(0, 'Number', 'Descending') }) },
  { name: 'SearchCustomers, CustomerId In', user: agent, run: (w) => op('SearchCustomers', { Predicates: [pred('CustomerId', 'In', `${w.agency.id},${w.own.id}`)], ...page(0) }) },
  { name: 'SearchCustomers, CreatedDate, by id descending', user: agent, run: () => op('SearchCustomers', { Predicates: [pred('CreatedDate', 'GreaterThanEquals', '1970-01-01')], ...page(2, 'Id', 'Descending') }) },
  { name: 'SearchCustomers, AccountName Equals', user: owner, run: () => op('SearchCustomers', { Predicates: [pred('AccountName', 'Equals', 'own account')], ...page(0) }) },
  { name: 'SearchCustomers, UserName Equals', user: agent, run: (w) => op('SearchCustomers', { Predicates: [pred('UserName', 'Equals', w.agent.userName)], ...page(0, 'Name') }) },
  { name: 'SearchCustomers, MarketCountry and MarketLanguage', user: agent, run: () => op('SearchCustomers', { Predicates: [pred('MarketCountry', 'Equals', 'us'), pred('MarketLanguage', 'Equals', 'English')], ...page(0, 'Name') }) },
  { name: 'FindAccountsOrCustomersInfo, customer name', user: agent, run: () => op('FindAccountsOrCustomersInfo', { Filter: 'Customer 19', TopN: 10 }) },
  ...([['Name', 'Ascending', 1], ['Name', 'Descending', 3], ['Number', 'Descending', 0], ['Id', 'Ascending', 2], ['Id', 'Descending', 1]] as const).map(([field, order, index]): Search => ({
    name: `SearchClientLinks, DirectManagingCustomerId, by ${field} ${order}, page ${index}`, user: agent, managerPage: true,
    run: (w) => op('SearchClientLinks', { Predicates: [pred('DirectManagingCustomerId', 'Equals', String(w.agency.id))], ...page(index, field, order) }),
  })),
  { name: 'SearchClientLinks, ClientCustomerId In', user: agent, run: (w) => op('SearchClientLinks', { Predicates: [pred('ClientCustomerId', 'In', `${w.linked[0]},${w.linked[1]}`)], ...page(0, 'Id', 'Descending') }) },
  { name: 'SearchClientLinks, ClientAccountId with DirectManagingCustomerId', user: owner, run: (w) => op('SearchClientLinks', { Predicates: [pred('ClientAccountId', 'Equals', String(w.ownAccount)), pred('DirectManagingCustomerId', 'Equals', String(w.agency.id))], ...page(0) }) },
  { name: 'SearchClientLinks, ManagingCustomerId', user: agent, run: (w) => op('SearchClientLinks', { Predicates: [pred('ManagingCustomerId', 'Equals', String(w.agency.id))], ...page(0, 'Name') }) },
];

/** The statements that read customers or client links (the account searches' are query-plans.test's). */
function customerStatements(recorded: readonly Recorded[]): Recorded[] {
  return recorded.filter((r) => /^\s*(WITH|SELECT)/i.test(r.sql) && /\bFROM (customers|client_links)\b/.test(r.sql)
    && !/\bFROM accounts\b/.test(r.sql));
}

/**
 * SQLite: a table read whole (SCAN, with or without an index; an AUTOMATIC index, which SQLite
 * builds by reading the table whole; a rowid range with no equality), or customers read through
 * any index but their primary key (a walk of the store's customers in that index's order).
 */
export function sqliteProblems({ lines }: SqlitePlan): string[] {
  const problems: string[] = [];
  for (const l of lines) {
    const scanned = /^SCAN (\S+)/.exec(l.detail)?.[1];
    if (scanned !== undefined && TABLES.includes(scanned)) problems.push(`reads a table whole: ${l.detail}`);
    const searched = /^SEARCH (\S+) USING (.*)$/.exec(l.detail);
    if (searched && TABLES.includes(searched[1]!) && /AUTOMATIC|\(rowid[<>]/.test(searched[2]!)) problems.push(`reads a table whole: ${l.detail}`);
    if (searched && CUSTOMER_ALIASES.includes(searched[1]!) && !/PRIMARY KEY/.test(searched[2]!)) {
      problems.push(`reads customers in an index's order: ${l.detail}`);
    }
  }
  return problems;
}

/** PostgreSQL: a table read whole (Seq Scan), or customers read other than by primary key. */
export function postgresProblems(plan: PgPlanNode): string[] {
  const problems: string[] = [];
  const walk = (node: PgPlanNode): void => {
    const relation = node['Relation Name'];
    if (node['Node Type'] === 'Seq Scan' && relation !== undefined && TABLES.includes(relation)) problems.push(`reads ${relation} whole (Seq Scan)`);
    if (relation === 'customers' && node['Node Type'] !== 'Seq Scan' && node['Index Name'] !== 'customers_pkey') {
      problems.push(`reads customers through ${String(node['Index Name'] ?? node['Node Type'])}, not by primary key`);
    }
    // The newest-link probe (alias n) is one seek at the end of client_links_pair; through
    // client_links_manager it re-read every link of an agency for each of its links.
    if (relation === 'client_links' && /^n(_\d+)?$/.test(String(node['Alias'] ?? '')) && node['Index Name'] !== 'client_links_pair') {
      problems.push(`checks the newest link through ${String(node['Index Name'] ?? node['Node Type'])}, not client_links_pair`);
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  return problems;
}

/** The indexes that begin with the managing customer, and where a pair's client entity is in each (none: -1). */
const MANAGER_INDEXES: ReadonlyMap<string, number> = new Map([
  ['client_links_pair', 2], ['client_links_manager', -1], ['client_links_manager_name', -1], ['client_links_manager_current', -1],
]);

/**
 * SQLite: every loop of the program over a range of one manager's links (a cursor on an index that
 * begins with the manager, sought on fewer keys than reach the client entity: not the newest-link
 * probe of one pair) must be able to stop before the range ends because the page is full: a
 * LIMIT counter's exit past the loop (DecrJumpZero: rows come in the order asked), a full LIMIT
 * sorter's exit past the loop (IdxLE: the order asked, rows sorted as they come), or, when only
 * the ORDER BY's last term is sorted (a run of equal keys at a time), the check of the LIMIT
 * counter after a run (IfNot after ResetSorter). A range read whole — grouped, or fed to a sort
 * of every row — has none of these.
 */
export function sqliteManagerRanges(plan: SqlitePlan): string[] {
  const { program } = plan;
  const problems: string[] = [];
  const sorters = new Set(program.filter((o) => o.opcode === 'Sort' || o.opcode === 'SorterSort').map((o) => o.p1));
  for (const [index, clientKey] of MANAGER_INDEXES) {
    const root = plan.roots.get(index);
    if (root === undefined) continue;
    const cursors = new Set(program.filter((o) => (o.opcode === 'OpenRead' || o.opcode === 'ReopenIdx') && o.p2 === root).map((o) => o.p1));
    for (const loop of program.filter((o) => (o.opcode === 'Next' || o.opcode === 'Prev') && cursors.has(o.p1))) {
      // The seek that starts the loop, and how many of the index's columns it fixes.
      const seek = program.filter((o) => /^Seek(GE|GT|LE|LT)$/.test(o.opcode) && o.p1 === loop.p1 && o.addr < loop.p2).pop();
      const keys = Number(seek?.p4 ?? 0);
      if (clientKey >= 0 && keys > clientKey) continue;
      const body = program.filter((o) => o.addr >= loop.p2 && o.addr < loop.addr);
      const past = (o: SqliteOp): boolean => o.p2 > loop.addr;
      const stops = body.some((o, i) => (o.opcode === 'DecrJumpZero' && past(o))
        || (o.opcode === 'IdxLE' && sorters.has(o.p1) && past(o))
        || (o.opcode === 'IfNot' && past(o) && body[i - 1]?.opcode === 'ResetSorter'));
      if (!stops) problems.push(`reads a manager's links through ${index} to the end of the range (loop at ${loop.addr})`);
    }
  }
  return problems;
}

/**
 * PostgreSQL: every scan of a range of one manager's links (an index condition on the manager
 * that does not fix the client entity) must be below a Limit with nothing between that reads its
 * input whole — a Sort, an aggregate, a hash, a set operation — and not in an InitPlan or SubPlan
 * (run to its end); nor filter the range on the link's type or name, which an index seeks (read in
 * id order filtering names, a page may read all of the agency's links). An Incremental Sort sorts
 * a run of equal keys at a time and passes.
 */
export function postgresManagerRanges(plan: PgPlanNode): string[] {
  const problems: string[] = [];
  const blocking = /^(Sort|Aggregate|Hash|HashAggregate|SetOp|WindowAgg|Materialize|Gather Merge|Unique)$/;
  const walk = (node: PgPlanNode, limited: boolean): void => {
    // An InitPlan or SubPlan runs to its end unless a Limit of its own stops it.
    const bounded = limited && node['Parent Relationship'] !== 'InitPlan' && node['Parent Relationship'] !== 'SubPlan';
    const condition = String(node['Index Cond'] ?? '');
    const bitmap = node['Node Type'] === 'Bitmap Index Scan';
    const links = node['Relation Name'] === 'client_links' || (bitmap && MANAGER_INDEXES.has(String(node['Index Name'])));
    // A bitmap scan reads its whole range before the first row, whatever is above it.
    if (links && /managing_customer_id =/.test(condition) && !/client_entity_id =/.test(condition)) {
      if (!bounded || bitmap) problems.push(`reads a manager's links through ${String(node['Index Name'])} to the end of the range (${node['Node Type']})`);
      // Bounded, but skipping what the index could have sought past: every link may be read for a page.
      const filter = String(node.Filter ?? '');
      if (/\b(name_folded|type) =|name_folded IS/.test(filter)) problems.push(`filters a manager's links through ${String(node['Index Name'])}: ${filter}`);
    }
    const next = node['Node Type'] === 'Limit' ? true : blocking.test(node['Node Type']) ? false : bounded;
    for (const child of node.Plans ?? []) walk(child, next);
  };
  walk(plan, false);
  return problems;
}

type Planner = PlanStore & { plan(r: Recorded): Promise<unknown> };

async function statementsOf(ps: Planner, world: World, search: Search): Promise<Recorded[]> {
  const [name, request] = search.run(world);
  const ctx = new Context(search.user(world), ps.store, 'sandbox');
  // The caller's Access (per-entity checks, cached by the access epoch in a server) is loaded
  // first: it reads every link an agency manages, which is not the search (docs/architecture.md).
  await ctx.access();
  ps.take();
  await (handlers[name] as (c: Context, r: unknown) => Promise<unknown>)(ctx, request);
  return customerStatements(ps.take());
}

function planSuite(backend: string, open: () => Promise<Planner>, problemsOf: (plan: never) => string[], rangesOf: (plan: never) => string[]): void {
  describe(`customer search query plans: ${backend}`, () => {
    let ps: Planner;
    let world: World;
    before(async () => {
      ps = await open();
      world = await fill(ps);
    });
    after(async () => { await ps?.close(); });

    for (const search of SEARCHES) {
      it(`${search.name}: customers by primary key from the reach, the reach by index`, async () => {
        const statements = await statementsOf(ps, world, search);
        assert.ok(statements.length > 0, 'the search read customers');
        for (const s of statements) {
          const plan = (await ps.plan(s)) as never;
          const problems = [...problemsOf(plan), ...(search.managerPage && /\bFROM client_links\b/.test(s.sql) ? rangesOf(plan) : [])];
          assert.deepEqual(problems, [], `${s.sql}\n${await ps.planText(s)}`);
        }
      });
    }

    it("a page of the agency's links: the newest of each pair, in the order asked, ties by id", async () => {
      const all = await ps.store.listClientLinksByManager([world.agency.id], LINK_STATUSES);
      assert.ok(all.length > ACCOUNT_LINKS + CUSTOMERS / LINKED_EVERY, 'the agency has its history rows');
      for (const field of ['Id', 'Name', 'Number'] as const) {
        for (const descending of [false, true]) {
          for (const [offset, limit] of [[0, 25], [1995, 30], [40, 7]] as const) {
            const found = await ps.store.searchClientLinks({ of: { managerId: world.agency.id }, orderBy: { field, descending }, offset, limit });
            assert.deepEqual(found.map((l) => l.id), expectedManagerPage(all, field, descending, offset, limit), `${field} ${descending ? 'descending' : 'ascending'} ${offset}+${limit}`);
          }
        }
      }
    });

    it('the judge fails a statement that groups or sorts all of a manager\'s links, and a walk without its limit', async () => {
      // The statement this search used to run: every link of the agency grouped by pair, then sorted.
      const pg = ps.backend === 'postgres';
      const grouped = {
        sql: `SELECT l.* FROM client_links l LEFT JOIN customers m ON m.id = l.managing_customer_id WHERE l.id ${pg ? '= ANY(ARRAY(' : 'IN ('}`
          + `SELECT MAX(id) FROM client_links WHERE managing_customer_id = ${pg ? '$1' : '?'} GROUP BY managing_customer_id, type, client_entity_id)${pg ? ')' : ''} `
          + `AND l.aggregatee = ${pg ? '$2' : '?'} ORDER BY COALESCE(l.name_folded, '')${pg ? ' COLLATE "C"' : ''} ASC, l.id ASC LIMIT ${pg ? '$3' : 'CAST(? AS INTEGER)'}`,
        params: [world.agency.id, false, 10],
      };
      assert.notDeepEqual(rangesOf((await ps.plan(grouped)) as never), [], await ps.planText(grouped));
      // Sorted whole for one page: the walk in name order, without the index that gives it.
      const sorted = {
        sql: `SELECT l.* FROM client_links l${pg ? '' : ' INDEXED BY client_links_manager'} WHERE l.managing_customer_id = ${pg ? '$1' : '?'} `
          + `ORDER BY l.note, l.id LIMIT ${pg ? '$2' : 'CAST(? AS INTEGER)'}`,
        params: [world.agency.id, 10],
      };
      assert.notDeepEqual(rangesOf((await ps.plan(sorted)) as never), [], await ps.planText(sorted));
      // The store's own walks, unpaged: each reads the agency's links to the end; paged, none does.
      for (const field of ['Id', 'Name', 'Number'] as const) {
        for (const limit of [undefined, 10]) {
          ps.take();
          await ps.store.searchClientLinks({ of: { managerId: world.agency.id }, orderBy: { field, descending: true }, ...(limit === undefined ? {} : { limit }) });
          const [statement] = ps.take();
          const problems = rangesOf((await ps.plan(statement!)) as never);
          if (limit === undefined) assert.notDeepEqual(problems, [], `${field} unpaged\n${await ps.planText(statement!)}`);
          else assert.deepEqual(problems, [], `${field} paged\n${await ps.planText(statement!)}`);
        }
      }
    });

    it('SearchCustomers with the market pair: case-insensitive, the page cut in the store', async () => {
      const ctx = new Context(world.agent, ps.store, 'sandbox');
      const market = (country: string, language: string, Index: number, Size: number) => handlers.SearchCustomers(ctx, {
        Predicates: [pred('MarketCountry', 'Equals', country), pred('MarketLanguage', 'Equals', language), pred('CustomerName', 'Contains', 'Customer 1')],
        PageInfo: { Index, Size }, Ordering: [{ Field: 'Name', Order: 'Ascending' }],
      });
      // Reached: every tenth customer; of those, every seventh is of Germany (DE).
      const de = (await market('de', 'ENGLISH', 0, 1000)).Customers!.map((c) => Number(c!.Number!.slice(3)));
      assert.ok(de.length > 10);
      for (const n of de) assert.equal(n % 7, 0);
      const us = (await market('US', 'english', 0, 1000)).Customers!.map((c) => c!.Id);
      ps.take();
      const page = (await market('Us', 'English', 3, 5)).Customers!.map((c) => c!.Id);
      assert.deepEqual(page, us.slice(15, 20));
      // One statement: the pair compared in SQL, the page's limit and offset inside it.
      const [statement, ...others] = customerStatements(ps.take());
      assert.deepEqual(others, []);
      assert.match(statement!.sql, /c\.market_country_folded = \S+ AND c\.market_language_folded = \S+ ORDER BY [^()]+ LIMIT \S+( AS INTEGER\))? OFFSET \S+( AS INTEGER\))?$/);
      assert.ok(statement!.params.includes('us') && statement!.params.includes('english') && statement!.params.some((v) => v === 5 || v === 5n));
    });

    it('the answers are the reach: an agency sees its linked customers by folded name', async () => {
      const ctx = new Context(world.agent, ps.store, 'sandbox');
      const info = await handlers.GetCustomersInfo(ctx, { CustomerNameFilter: 'customer 12', TopN: 3 });
      // Linked: every customer whose id is a multiple of ten; by folded name, code point order.
      const names = info.CustomersInfo!.map((c) => c!.Name);
      assert.equal(names.length, 3);
      assert.deepEqual([...names].sort(), names);
      for (const c of info.CustomersInfo!) assert.equal(BigInt(c!.Id!) % BigInt(LINKED_EVERY), 0n);
    });

    it('the judge fails a sort of the customers table and a reach walked without its indexes', async () => {
      const whole = { sql: 'SELECT * FROM customers c ORDER BY c.name_folded, c.id LIMIT 10', params: [] };
      assert.notDeepEqual(problemsOf((await ps.plan(whole)) as never), []);
      const [statement] = await statementsOf(ps, world, SEARCHES[0]!);
      // Without the client-link indexes the reach is a walk of every link.
      await ps.exec(ps.backend === 'postgres' ? 'BEGIN' : 'SAVEPOINT dropped');
      try {
        await ps.exec('DROP INDEX client_links_pair');
        await ps.exec('DROP INDEX client_links_manager');
        await ps.exec('DROP INDEX client_links_client');
        if (ps.backend === 'sqlite') {
          // SQLite names the pair index (INDEXED BY): without it the statement is refused outright.
          await assert.rejects(ps.plan(statement!), /no such index: client_links_pair/);
        } else {
          assert.notDeepEqual(problemsOf((await ps.plan(statement!)) as never), [], await ps.planText(statement!));
        }
      } finally {
        await ps.exec(ps.backend === 'postgres' ? 'ROLLBACK' : 'ROLLBACK TO dropped');
        if (ps.backend === 'sqlite') await ps.exec('RELEASE dropped');
      }
      assert.deepEqual(problemsOf((await ps.plan(statement!)) as never), []);
    });
  });
}

// Asked before the SQLite suite starts: its synchronous bulk fill would stall the connection timer.
const problem = await pgProblem();
planSuite('sqlite', sqlitePlanStore, sqliteProblems as (plan: never) => string[], sqliteManagerRanges as (plan: never) => string[]);

const schema = throwAwaySchemaName('plans_customers');
if (problem !== null) {
  reportPgAway('customer search query plans: postgres', problem);
} else {
  after(async () => { await dropSchemas([schema]); });
  planSuite('postgres', () => postgresPlanStore(PG_URL, schema), postgresProblems as (plan: never) => string[], postgresManagerRanges as (plan: never) => string[]);
}
