// Every search reads accounts through an index, in the order asked, and stops at its page: the
// real handlers (FindAccounts, GetAccountsInfo, SearchAccounts with every predicate and ordering,
// FindAccountsOrCustomersInfo) run on a store whose driver records each statement, and the plan
// of every recorded statement is asked of the same connection — SQLite's EXPLAIN QUERY PLAN,
// PostgreSQL's EXPLAIN — over a store with one big customer (ANALYZEd, so the planner knows it).
// Dropping an index, ordering by an unindexed column or binding the reach id by id fails here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Context } from '../../src/domain/context.js';
import { handlers } from '../../src/domain/operations.js';
import type { Entity, OperationName, RequestOf } from '../../src/contract/values.js';
import type { CustomerRecord, UserRecord } from '../../src/store/records.js';
import { insertClientLink } from '../support/fixtures.js';
import {
  postgresPlanStore, sqlitePlanStore, type PgPlanNode, type PlanStore, type Recorded, type SqlitePlan,
} from '../support/plan-stores.js';
import { newCustomer, newUser } from './contract/fixtures.js';
import { dropSchemas, PG_URL, pgProblem, reportPgAway, throwAwaySchemaName } from './pg-test.js';

/** Accounts of the big customer: enough that reading it whole or sorting it is the costly plan. */
const BIG_CUSTOMER = 20_000;
const SUPER_ADMIN = 41;
/** Other customers, each with a user, a role and two links. */
const OTHER_TENANTS = 2_000;

/** Base tables and the aliases the store's statements give them. */
const TABLE_ALIASES = ['accounts', 'a', 'x', 'client_links', 'l', 'n', 'user_roles', 'ur', 'customers', 'c'];

interface World {
  big: CustomerRecord; small: CustomerRecord; agency: CustomerRecord;
  owner: UserRecord; agent: UserRecord; single: UserRecord;
  bigTag: string; someAccount: bigint; someNumber: string;
}

async function fill(ps: PlanStore): Promise<World> {
  const { store } = ps;
  const big = await store.insertCustomer(newCustomer({ name: 'Big Customer' }));
  const small = await store.insertCustomer(newCustomer({ name: 'Small Customer' }));
  const agency = await store.insertCustomer(newCustomer({ name: 'Agency', isAgency: true }));
  const bigTag = `b${big.id}`;
  // One bulk statement; every tenth account paused.
  const columns = 'customer_id, number, number_folded, name, name_folded, currency_code, life_cycle_status, version, created_time, last_modified_time';
  const row = (i: string, tag: string): string =>
    `'${tag.toUpperCase()}-' || ${i}, '${tag}-' || ${i}, 'Account ' || ${i}, 'account ' || ${i}, 'USD', `
    + `CASE WHEN ${i} % 10 = 0 THEN 'Pause' ELSE 'Active' END, 1, 0, 0`;
  const bulk = (customerId: bigint, n: number, tag: string): string => (ps.backend === 'sqlite'
    ? `INSERT INTO accounts (${columns}) WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n}) `
      + `SELECT ${customerId}, ${row('i', tag)} FROM k`
    : `INSERT INTO accounts (${columns}) SELECT ${customerId}, ${row('i', tag)} FROM generate_series(1, ${n}) AS i`);
  await ps.exec(bulk(big.id, BIG_CUSTOMER, bigTag));
  await ps.exec(bulk(small.id, 30, `s${small.id}`));
  await ps.exec(bulk(agency.id, 3, `g${agency.id}`));
  const some = (await store.queryAccounts({ scope: { customerIds: [big.id], accountIds: [] }, nameEquals: 'Account 77' }))[0]!;

  const owner = await store.insertUser(newUser(big.id));
  await store.putUserRole({ userId: owner.id, customerId: big.id, roleId: SUPER_ADMIN, accountIds: null });
  const agent = await store.insertUser(newUser(agency.id));
  await store.putUserRole({ userId: agent.id, customerId: agency.id, roleId: SUPER_ADMIN, accountIds: null });
  const single = await store.insertUser(newUser(big.id));
  await store.putUserRole({ userId: single.id, customerId: big.id, roleId: SUPER_ADMIN, accountIds: [some.id] });
  await insertClientLink(store, { type: 'CustomerLink', clientEntityId: small.id, managingCustomerId: agency.id });
  await insertClientLink(store, { type: 'AccountLink', clientEntityId: some.id, managingCustomerId: agency.id });
  // Other tenants: customers, users with roles and links between them, so the reach join is
  // planned against tables of a realistic size, not a handful of rows a scan would beat.
  const series = (n: number): string => (ps.backend === 'sqlite'
    ? `(WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n}) SELECT i FROM k) s`
    : `generate_series(1, ${n}) AS s(i)`);
  const no = ps.backend === 'sqlite' ? '0' : 'FALSE';
  await ps.exec(`INSERT INTO customers (number, name, life_cycle_status, is_agency, version, created_time, last_modified_time) `
    + `SELECT 'OTHER-' || i, 'Other ' || i, 'Active', ${no}, 1, 0, 0 FROM ${series(OTHER_TENANTS)}`);
  await ps.exec(`INSERT INTO users (customer_id, user_name, user_name_folded, life_cycle_status, version, created_time, last_modified_time) `
    + `SELECT id, 'other.' || id, 'other.' || id, 'Active', 1, 0, 0 FROM customers WHERE number LIKE 'OTHER-%'`);
  await ps.exec(`INSERT INTO user_roles (user_id, customer_id, role_id) SELECT id, customer_id, ${SUPER_ADMIN} FROM users WHERE user_name LIKE 'other.%'`);
  for (const type of ['CustomerLink', 'AccountLink']) {
    await ps.exec(`INSERT INTO client_links (type, client_entity_id, managing_customer_id, status, suppress_notification, version, last_modified_time, aggregatee, created_time) `
      + `SELECT '${type}', id + 1, id, 'Active', ${no}, 1, 0, ${no}, 0 FROM customers WHERE number LIKE 'OTHER-%'`);
  }
  await ps.exec('ANALYZE');
  return { big, small, agency, owner, agent, single, bigTag, someAccount: some.id, someNumber: some.number };
}

interface Search {
  name: string; user: (w: World) => UserRecord; run: (w: World) => [OperationName, unknown];
  /**
   * The answer is every account of the customers asked for (GetAccountsInfo has no paging): it
   * is read through the index, and the planner may sort what it returns, which is the answer.
   */
  unpaged?: true;
}

const op = <O extends OperationName>(name: O, request: RequestOf<O>): [OperationName, unknown] => [name, request];
const paging = { PageInfo: { Index: 0, Size: 10 } };
const pred = (Field: string, Operator: Entity<'Predicate'>['Operator'], Value: string): Entity<'Predicate'> => ({ Field, Operator, Value });
const ordering = (Field: Entity<'OrderBy'>['Field'], Order: Entity<'OrderBy'>['Order']): { Ordering: Array<Entity<'OrderBy'>> } => ({ Ordering: [{ Field, Order }] });

const owner = (w: World): UserRecord => w.owner;
const agent = (w: World): UserRecord => w.agent;

const SEARCHES: Search[] = [
  { name: 'FindAccounts, name-or-number prefix', user: owner, run: () => op('FindAccounts', { AccountFilter: 'ACCOUNT 12', TopN: 10 }) },
  { name: 'FindAccounts, number prefix', user: owner, run: (w) => op('FindAccounts', { AccountFilter: w.bigTag.toUpperCase(), TopN: 10 }) },
  { name: 'FindAccounts, legacy X number', user: owner, run: () => op('FindAccounts', { AccountFilter: 'X1234', TopN: 10 }) },
  { name: 'FindAccounts, no filter', user: owner, run: () => op('FindAccounts', { AccountFilter: '', TopN: 10 }) },
  { name: 'FindAccounts, one customer', user: owner, run: (w) => op('FindAccounts', { CustomerId: w.big.id, AccountFilter: 'acc', TopN: 100 }) },
  { name: 'FindAccounts, as an agency', user: agent, run: () => op('FindAccounts', { AccountFilter: 'account', TopN: 10 }) },
  { name: 'GetAccountsInfo, own customer', unpaged: true, user: owner, run: (w) => op('GetAccountsInfo', { CustomerId: w.big.id, OnlyParentAccounts: false }) },
  { name: 'GetAccountsInfo, agency with clients', unpaged: true, user: agent, run: (w) => op('GetAccountsInfo', { CustomerId: w.agency.id, OnlyParentAccounts: false }) },
  { name: 'FindAccountsOrCustomersInfo, account prefix', user: owner, run: () => op('FindAccountsOrCustomersInfo', { Filter: 'account 5', TopN: 10 }) },
  // With AccountMode the account prefix reads whole records (queryAccounts), without it only the
  // AccountInfo columns (queryAccountInfos): the same search in both projections.
  { name: 'FindAccountsOrCustomersInfo, account prefix, AccountMode', user: owner, run: () => op('FindAccountsOrCustomersInfo', { Filter: 'account 5', TopN: 10, ReturnAdditionalFields: ['AccountMode'] }) },
  { name: 'FindAccountsOrCustomersInfo, customer name', user: owner, run: () => op('FindAccountsOrCustomersInfo', { Filter: 'Big Cust', TopN: 10 }) },
  { name: 'SearchAccounts, AccountId In', user: owner, run: (w) => op('SearchAccounts', { Predicates: [pred('AccountId', 'In', `${w.someAccount},1`)], ...paging }) },
  { name: 'SearchAccounts, AccountNumber Equals', user: owner, run: (w) => op('SearchAccounts', { Predicates: [pred('AccountNumber', 'Equals', w.someNumber)], ...paging }) },
  { name: 'SearchAccounts, AccountNumber Contains', user: owner, run: () => op('SearchAccounts', { Predicates: [pred('AccountNumber', 'Contains', '-123')], ...paging }) },
  { name: 'SearchAccounts, AccountName Equals', user: owner, run: () => op('SearchAccounts', { Predicates: [pred('AccountName', 'Equals', 'ACCOUNT 9')], ...paging, ...ordering('Number', 'Descending') }) },
  { name: 'SearchAccounts, AccountName Contains', user: owner, run: () => op('SearchAccounts', { Predicates: [pred('AccountName', 'Contains', 'unt 12')], ...paging, ...ordering('Name', 'Ascending') }) },
  { name: 'SearchAccounts, UserId (self) and status', user: owner, run: (w) => op('SearchAccounts', { Predicates: [pred('UserId', 'Equals', String(w.owner.id)), pred('AccountLifeCycleStatus', 'Equals', 'Pause')], ...paging }) },
  { name: 'SearchAccounts, UserId of another user', user: owner, run: (w) => op('SearchAccounts', { Predicates: [pred('UserId', 'Equals', String(w.single.id))], ...paging }) },
  { name: 'GetCustomersInfo (the reach of customers)', user: agent, run: () => op('GetCustomersInfo', { CustomerNameFilter: 'sma', TopN: 10 }) },
  { name: 'SearchCustomers, by account name', user: owner, run: () => op('SearchCustomers', { Predicates: [pred('AccountName', 'Equals', 'account 12')], PageInfo: { Index: 0, Size: 10 } }) },
  ...(['Id', 'Name', 'Number', 'LifeCycleStatus'] as const).flatMap((field) => (['Ascending', 'Descending'] as const).map((order): Search => ({
    name: `SearchAccounts, CustomerId, ordered by ${field} ${order}, second page`, user: owner,
    run: (w) => op('SearchAccounts', { Predicates: [pred('CustomerId', 'Equals', String(w.big.id))], PageInfo: { Index: 1, Size: 100 }, ...ordering(field, order) }),
  }))),
];

/** The statements of a search that read accounts (the scope's own lookups are judged too). */
function searchStatements(recorded: readonly Recorded[]): Recorded[] {
  return recorded.filter((r) => /^\s*(WITH|SELECT)/i.test(r.sql) && /\b(accounts|client_links|user_roles|customers)\b/.test(r.sql));
}

const ACCOUNT_ALIASES = ['accounts', 'a', 'x'];

/**
 * An index condition that reads a customer's accounts, not only the matches of an equality
 * beside it (a name is unique in its customer; a life-cycle status selects its accounts), which
 * the planner may fairly sort. A range (a prefix) is no such equality: "a" may match every account.
 */
function wholeCustomer(condition: string): boolean {
  return /customer_id/.test(condition) && !/\b(name_folded|life_cycle_status)\s*=/.test(condition);
}

/**
 * Whether every loop of the program over index `index` that feeds a sorter (an ORDER BY's temporary
 * B-tree) stops early: with a LIMIT, SQLite keeps only LIMIT rows in the sorter (IfNotZero, Last,
 * IdxLE, Delete) and, when that loop reads rows in the ORDER BY's order, the IdxLE of a row that
 * does not fit jumps past the loop's Next — the rest of that customer's range is never read (the
 * ORDER BY LIMIT optimisation). Without a LIMIT, or with an index not in the order asked, the
 * loop reads the whole customer into the sorter: false. False too when no such loop is found.
 */
export function stopsEarly(plan: SqlitePlan, index: string): boolean {
  const { program } = plan;
  const root = plan.roots.get(index);
  const cursors = new Set(program.filter((o) => (o.opcode === 'OpenRead' || o.opcode === 'ReopenIdx') && o.p2 === root).map((o) => o.p1));
  const sorters = new Set(program.filter((o) => o.opcode === 'Sort' || o.opcode === 'SorterSort').map((o) => o.p1));
  let feeding = 0;
  for (const loop of program.filter((o) => (o.opcode === 'Next' || o.opcode === 'Prev') && cursors.has(o.p1))) {
    const body = program.filter((o) => o.addr >= loop.p2 && o.addr < loop.addr);
    if (!body.some((o) => (o.opcode === 'IdxInsert' || o.opcode === 'SorterInsert') && sorters.has(o.p1))) continue;
    feeding += 1;
    const early = body.some((o, i) => o.opcode === 'IdxLE' && sorters.has(o.p1) && o.p2 > loop.addr
      && body[i - 1]?.opcode === 'Last' && body[i - 2]?.opcode === 'IfNotZero' && body[i + 1]?.opcode === 'Delete');
    if (!early) return false;
  }
  return feeding > 0;
}

/**
 * What is wrong with a SQLite plan: a table read whole (SCAN, with or without an index), or a
 * sort in the same SELECT that reads a customer's accounts by customer (a sort of the customer),
 * unless that read stops once the sorter holds the page (stopsEarly). Other sorts are of
 * candidates: a page per customer, accounts reached one by one, the page's rows.
 */
export function sqliteProblems(plan: SqlitePlan): string[] {
  const { lines } = plan;
  const problems: string[] = [];
  for (const l of lines) {
    const scanned = /^SCAN (\S+)/.exec(l.detail)?.[1];
    if (scanned !== undefined && TABLE_ALIASES.includes(scanned)) problems.push(`reads a table whole: ${l.detail}`);
    if (/USE TEMP B-TREE FOR .*ORDER BY/.test(l.detail)) {
      const byCustomer = lines.find((o) => o.parent === l.parent && wholeCustomer(o.detail)
        && ACCOUNT_ALIASES.includes(/^SEARCH (\S+)/.exec(o.detail)?.[1] ?? ''));
      const index = byCustomer === undefined ? undefined : /USING (?:COVERING )?INDEX (\S+)/.exec(byCustomer.detail)?.[1];
      if (byCustomer && (index === undefined || !stopsEarly(plan, index))) {
        problems.push(`sorts a customer's accounts: ${byCustomer.detail} + ${l.detail}`);
      }
    }
  }
  return problems;
}

/**
 * What is wrong with a PostgreSQL plan: a table read whole (Seq Scan), or a Sort over a customer's
 * accounts read by customer without a Limit in between (a sort of the whole customer).
 */
export function postgresProblems(plan: PgPlanNode): string[] {
  const problems: string[] = [];
  const walk = (node: PgPlanNode, sortAbove: boolean): void => {
    const relation = node['Relation Name'];
    if (node['Node Type'] === 'Seq Scan' && relation !== undefined && TABLE_ALIASES.includes(relation)) {
      problems.push(`reads ${relation} whole (Seq Scan)`);
    }
    const byCustomer = relation === 'accounts' && wholeCustomer(String(node['Index Cond'] ?? node['Recheck Cond'] ?? ''));
    if (sortAbove && byCustomer) problems.push(`sorts a customer's accounts (${node['Node Type']} on ${node['Index Name'] ?? relation})`);
    const sort = node['Node Type'] === 'Sort' || node['Node Type'] === 'Incremental Sort';
    for (const child of node.Plans ?? []) walk(child, (sortAbove || sort) && node['Node Type'] !== 'Limit');
  };
  walk(plan, false);
  return problems;
}

function planSuite(
  backend: string,
  open: () => Promise<PlanStore & { plan(r: Recorded): Promise<unknown> }>,
  problemsOf: (plan: never) => string[],
): void {
  describe(`search query plans: ${backend}`, () => {
    let ps: PlanStore & { plan(r: Recorded): Promise<unknown> };
    let world: World;
    before(async () => {
      ps = await open();
      world = await fill(ps);
    });
    after(async () => { await ps?.close(); });

    for (const search of SEARCHES) {
      it(`${search.name}: index range scans, no sort of a whole customer`, async () => {
        const [name, request] = search.run(world);
        const ctx = new Context(search.user(world), ps.store, 'sandbox');
        ps.take();
        const handler = handlers[name] as (c: Context, r: unknown) => Promise<unknown>;
        await handler(ctx, request);
        const statements = searchStatements(ps.take());
        assert.ok(statements.some((s) => /\b(accounts|customers)\b/.test(s.sql)), 'the search read accounts or customers');
        for (const s of statements) {
          // An unpaged answer is most of this test store's accounts, which PostgreSQL rightly
          // reads whole here; with scans priced out it must still find the indexed reading (on a
          // store of many customers that is the cheaper one).
          if (search.unpaged && ps.backend === 'postgres') await ps.exec('SET enable_seqscan = off');
          const plan = await ps.plan(s);
          if (search.unpaged && ps.backend === 'postgres') await ps.exec('RESET enable_seqscan');
          const problems = problemsOf(plan as never).filter((m) => !(search.unpaged && m.startsWith('sorts')));
          assert.deepEqual(problems, [], `${s.sql}\n${await ps.planText(s)}`);
        }
      });
    }

    it('the judge fails a plan that sorts a whole customer or reads accounts whole', async () => {
      const ph = ps.backend === 'sqlite' ? '?' : '$1';
      // Ordered by a column no index orders a customer by: the whole customer is sorted for one page.
      const unindexed = { sql: `SELECT * FROM accounts x WHERE x.customer_id = ${ph} ORDER BY x.currency_code, x.id LIMIT 10`, params: [world.big.id] };
      assert.notDeepEqual(problemsOf((await ps.plan(unindexed)) as never), []);
      // A condition no index serves: every account is read.
      const whole = { sql: `SELECT * FROM accounts x WHERE x.currency_code = ${ph}`, params: ['USD'] };
      assert.notDeepEqual(problemsOf((await ps.plan(whole)) as never), []);
      if (ps.backend === 'sqlite') {
        // A page of each customer reached, read in the order asked: it stops at the page with its
        // LIMIT; without one (or in an order its index does not give) the whole customer is sorted.
        const page = (order: string, limit: string): Recorded => ({
          sql: `SELECT x.id FROM (SELECT ? AS customer_id UNION ALL SELECT ?) w CROSS JOIN accounts x INDEXED BY accounts_customer_name `
            + `WHERE x.customer_id = w.customer_id AND x.name_folded >= ? ORDER BY ${order}${limit}`,
          params: [world.big.id, world.small.id, 'account'],
        });
        assert.deepEqual(problemsOf((await ps.plan(page('x.name_folded, x.id', ' LIMIT 10'))) as never), []);
        assert.deepEqual(problemsOf((await ps.plan(page('x.name_folded DESC, x.id DESC', ' LIMIT 10'))) as never), []);
        assert.notDeepEqual(problemsOf((await ps.plan(page('x.name_folded, x.id', ''))) as never), []);
        assert.notDeepEqual(problemsOf((await ps.plan(page('x.currency_code, x.id', ' LIMIT 10'))) as never), []);
      }
    });
  });
}

// Asked before the SQLite suite starts: its synchronous bulk fill would stall the connection timer.
const problem = await pgProblem();
planSuite('sqlite', sqlitePlanStore, sqliteProblems as (plan: never) => string[]);

const schema = throwAwaySchemaName('plans');
if (problem !== null) {
  reportPgAway('search query plans: postgres', problem);
} else {
  after(async () => { await dropSchemas([schema]); });
  planSuite('postgres', () => postgresPlanStore(PG_URL, schema), postgresProblems as (plan: never) => string[]);
}
