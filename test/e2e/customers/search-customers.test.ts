// SearchCustomers end to end over REST and SOAP: every documented predicate field and operator,
// DateRange, Ordering, PageInfo, results limited to reachable customers, and each error
// (3079, 3024, 3030, 532, 3080, 201) — docs/behaviour.md "Customers", docs/errors.md.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TestTenant } from '../../support/fixtures.js';
import { insertClientLink } from '../../support/fixtures.js';
import { predicates } from '../../support/faces.js';
import { childEl, expectOk, must, value, xmlEscape } from '../../support/soap-assert.js';
import { useCustomersWorld } from '../../support/customers-world.js';
import { uniqueName } from '../../support/names.js';
import { newCustomer } from '../../store/contract/fixtures.js';

const world = useCustomersWorld();
type Predicate = { Field: string; Operator: string; Value: string };
interface Options { page?: { Index: number; Size: number } | null; order?: { Field: string; Order: string }[]; range?: { MinDate?: string; MaxDate?: string } }

function request(list: readonly Predicate[], o: Options = {}): [unknown, string] {
  const page = o.page === undefined ? { Index: 0, Size: 100 } : o.page;
  const json = {
    Predicates: list, ...(page ? { PageInfo: page } : {}), ...(o.order ? { Ordering: o.order } : {}), ...(o.range ? { DateRange: o.range } : {}),
  };
  const xml = predicates(list.map((p) => ({ ...p, Value: xmlEscape(p.Value) })))
    + (o.range ? `<DateRange>${Object.entries(o.range).map(([k, v]) => `<e:${k}>${v}</e:${k}>`).join('')}</DateRange>` : '')
    + (o.order ? `<Ordering>${o.order.map((b) => `<e:OrderBy><e:Field>${b.Field}</e:Field><e:Order>${b.Order}</e:Order></e:OrderBy>`).join('')}</Ordering>` : '')
    + (page ? `<PageInfo><e:Index>${page.Index}</e:Index><e:Size>${page.Size}</e:Size></PageInfo>` : '');
  return [json, xml];
}

let G: TestTenant; // an agency whose Super Admin searches
let G1: TestTenant; let G2: TestTenant; let G3: TestTenant; // its clients
let tag: string;
const p = (Field: string, Operator: string, Value: string): Predicate => ({ Field, Operator, Value });

/** The ids found, in order — the same on both faces. */
async function search(list: readonly Predicate[], o: Options = {}, token = G.token): Promise<bigint[]> {
  const [json, xml] = request(list, o);
  const r = await world.both('SearchCustomers', json, xml, token);
  assert.equal(r.rest.status, 200, r.rest.text);
  const viaRest = (r.rest.body.Customers as Array<{ Id: string }>).map((c) => BigInt(c.Id));
  const customers = must(childEl(expectOk(r.soap, 'SearchCustomers'), 'Customers'), 'Customers').children;
  assert.deepEqual(customers.map((c) => BigInt(value(c, 'Id')!)), viaRest, 'SOAP and REST agree');
  return viaRest;
}
async function refused(list: readonly Predicate[], code: number, o: Options = {}): Promise<void> {
  await world.refused('SearchCustomers', ...request(list, o), G.token, code);
}
const idsOf = (...ts: TestTenant[]): bigint[] => ts.map((t) => t.customer.id);
const today = (): string => new Date().toISOString().slice(0, 10);

describe('SearchCustomers', () => {
  before(async () => {
    await world.started();
    tag = uniqueName('s');
    G = await world.newTenant('Searcher');
    // One after the other, so that ids ascend G1 < G2 < G3.
    G1 = await world.newTenant('One');
    G2 = await world.newTenant('Two');
    G3 = await world.newTenant('Three');
    // Names differing only in the case of a non-ASCII letter, which SQLite's LIKE does not fold.
    for (const [t, name] of [[G1, `Émile ${tag} Alpha`], [G2, `émile ${tag} Beta`], [G3, `Zoë ${tag} Gamma`]] as const) {
      await world.store.updateCustomer(t.customer.id, t.customer.version, { name, industry: 'Retail', lastModifiedByUserId: null });
      await insertClientLink(world.store, { type: 'CustomerLink', clientEntityId: t.customer.id, managingCustomerId: G.customer.id });
    }
    // A customer of the same name out of G's reach.
    const O = await world.newTenant('Stranger');
    await world.store.updateCustomer(O.customer.id, O.customer.version, { name: `Émile ${tag} Stranger`, industry: 'Retail', lastModifiedByUserId: null });
  });

  it('CustomerId Equals and In: only customers the caller reaches, Id ascending by default', async () => {
    assert.deepEqual(await search([p('CustomerId', 'Equals', String(G2.customer.id))]), idsOf(G2));
    const ids = [G3, world.O, G1, G].map((t) => t.customer.id).join(',');
    assert.deepEqual(await search([p('CustomerId', 'In', ids)]), idsOf(G, G1, G3));
    assert.deepEqual(await search([p('CustomerId', 'Equals', String(world.O.customer.id))]), []);
  });

  it('CustomerName Contains and Equals compare case-insensitively, non-ASCII letters too', async () => {
    assert.deepEqual(await search([p('CustomerName', 'Contains', `ÉMILE ${tag}`)]), idsOf(G1, G2));
    assert.deepEqual(await search([p('CustomerName', 'Contains', `émile ${tag.toUpperCase()}`)]), idsOf(G1, G2));
    assert.deepEqual(await search([p('CustomerName', 'Equals', `émile ${tag} alpha`)]), idsOf(G1));
    assert.deepEqual(await search([p('CustomerName', 'Equals', `émile ${tag}`)]), [], 'Equals is the whole name');
  });

  it('AccountId, AccountName and AccountNumber find the customer owning the account', async () => {
    assert.deepEqual(await search([p('AccountId', 'Equals', String(G3.account.id))]), idsOf(G3));
    assert.deepEqual(await search([p('AccountName', 'Equals', G2.account.name.toUpperCase())]), idsOf(G2));
    assert.deepEqual(await search([p('AccountName', 'Contains', G1.account.name.slice(-8))]), idsOf(G1));
    assert.deepEqual(await search([p('AccountNumber', 'Equals', G1.account.number.toLowerCase())]), idsOf(G1));
    assert.deepEqual(await search([p('AccountNumber', 'Contains', G2.account.number.slice(1, 6))]).then((r) => r.includes(G2.customer.id)), true);
    assert.deepEqual(await search([p('AccountId', 'Equals', String(world.O.account.id))]), [], 'an account out of reach finds nothing');
  });

  it('UserName Equals: the customers of that user', async () => {
    assert.deepEqual(await search([p('UserName', 'Equals', G3.user.userName)]), idsOf(G3));
    assert.deepEqual(await search([p('UserName', 'Equals', 'nobody@example.invalid')]), []);
  });

  it('MarketCountry with MarketLanguage; ApplicationScope accepted and ignored; predicates AND-ed', async () => {
    const all = idsOf(G, G1, G2, G3);
    assert.deepEqual(await search([p('MarketCountry', 'Equals', 'us'), p('MarketLanguage', 'Equals', 'English')]), all);
    assert.deepEqual(await search([p('MarketCountry', 'Equals', 'DE'), p('MarketLanguage', 'Equals', 'English')]), []);
    assert.deepEqual(await search([p('ApplicationScope', 'Equals', 'Advertiser'), p('CustomerName', 'Contains', `${tag} Beta`)]), idsOf(G2));
    assert.deepEqual(await search([p('CustomerName', 'Contains', `ÉMILE ${tag}`), p('AccountId', 'Equals', String(G2.account.id))]), idsOf(G2));
  });

  it('CreatedDate bounds (time of day ignored) and DateRange (yyyyMMdd) filter by creation day', async () => {
    const name = p('CustomerName', 'Contains', tag);
    const d = today();
    assert.deepEqual(await search([name, p('CreatedDate', 'GreaterThanEquals', `${d}T23:59:59`), p('CreatedDate', 'LessThanEquals', `${d}T00:00:00Z`)]), idsOf(G1, G2, G3));
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    assert.deepEqual(await search([name, p('CreatedDate', 'GreaterThanEquals', tomorrow)]), []);
    const compact = d.replace(/-/g, '');
    assert.deepEqual(await search([name], { range: { MinDate: compact, MaxDate: compact } }), idsOf(G1, G2, G3));
    assert.deepEqual(await search([name], { range: { MaxDate: '20000101' } }), []);
  });

  it('Ordering: the first OrderBy only — Name (folded, by code point), Number, Id descending', async () => {
    const name = p('CustomerName', 'Contains', tag);
    // "zoë …" < "émile … alpha" < "émile … beta": é (U+00E9) comes after z.
    assert.deepEqual(await search([name], { order: [{ Field: 'Name', Order: 'Descending' }, { Field: 'Id', Order: 'Ascending' }] }), idsOf(G2, G1, G3));
    assert.deepEqual(await search([name], { order: [{ Field: 'Name', Order: 'Ascending' }] }), idsOf(G3, G1, G2));
    const byNumber = [G1, G2, G3].sort((a, b) => (a.customer.number < b.customer.number ? -1 : 1));
    assert.deepEqual(await search([name], { order: [{ Field: 'Number', Order: 'Ascending' }] }), idsOf(...byNumber));
    assert.deepEqual(await search([name], { order: [{ Field: 'Id', Order: 'Descending' }] }), idsOf(G3, G2, G1));
  });

  it('PageInfo pages the ordered results; Size 0 returns none', async () => {
    const name = p('CustomerName', 'Contains', tag);
    assert.deepEqual(await search([name], { page: { Index: 1, Size: 1 } }), idsOf(G2));
    assert.deepEqual(await search([name], { page: { Index: 1, Size: 2 } }), idsOf(G3));
    assert.deepEqual(await search([name], { page: { Index: 0, Size: 0 } }), []);
    assert.deepEqual(await search([name], { page: { Index: 0, Size: 1024 } }), idsOf(G1, G2, G3));
  });

  it('no predicate → 3079', () => refused([], 3079));
  it('more than 10 predicates → 3024', () => refused(Array.from({ length: 11 }, () => p('CustomerId', 'Equals', '1')), 3024));
  it('an unknown field, an unsupported operator, a field twice, In over 10 values, a short Contains, a non-id → 3030', async () => {
    await refused([p('Teleport', 'Equals', 'x')], 3030);
    await refused([p('CustomerName', 'StartsWith', 'Émile')], 3030);
    await refused([p('CustomerId', 'NotEquals', '1')], 3030);
    await refused([p('CustomerName', 'Contains', 'abcd'), p('CustomerName', 'Equals', 'abcd')], 3030);
    await refused([p('CreatedDate', 'GreaterThanEquals', today()), p('CreatedDate', 'GreaterThanEquals', today())], 3030);
    await refused([p('CustomerId', 'In', Array.from({ length: 11 }, (_, i) => String(i + 1)).join(','))], 3030);
    await refused([p('CustomerName', 'Contains', 'abc')], 3030);
    await refused([p('AccountId', 'Equals', 'abc')], 3030);
    await refused([p('CreatedDate', 'GreaterThanEquals', 'yesterday')], 3030);
  });
  it('MarketCountry without MarketLanguage (or the reverse) → 3030', async () => {
    await refused([p('MarketCountry', 'Equals', 'US')], 3030);
    await refused([p('MarketLanguage', 'Equals', 'English')], 3030);
  });
  it('dates: CreatedDate lower bound after the upper, out of range, DateRange malformed or reversed → 532', async () => {
    await refused([p('CreatedDate', 'GreaterThanEquals', '2024-05-02'), p('CreatedDate', 'LessThanEquals', '2024-05-01')], 532);
    await refused([p('CreatedDate', 'GreaterThanEquals', '1700-01-01')], 532);
    await refused([p('CustomerId', 'Equals', '1')], 532, { range: { MinDate: '2024-05-01' } });
    await refused([p('CustomerId', 'Equals', '1')], 532, { range: { MinDate: '20240502', MaxDate: '20240501' } });
  });
  it('PageInfo missing, Index below 0, Size over 1,024 → 3080', async () => {
    const list = [p('CustomerId', 'Equals', '1')];
    await refused(list, 3080, { page: null });
    await refused(list, 3080, { page: { Index: -1, Size: 10 } });
    await refused(list, 3080, { page: { Index: 0, Size: 1025 } });
  });
  it('ordering by LifeCycleStatus (not a customer order) → 201', () =>
    refused([p('CustomerId', 'Equals', '1')], 201, { order: [{ Field: 'LifeCycleStatus', Order: 'Ascending' }] }));

  // Last: it adds customers to G's reach.
  it('the market pair compares case-insensitively and is applied before the page is cut', async () => {
    const marketTag = uniqueName('mk');
    const markets = [['US', 'English'], ['DE', 'English'], ['us', 'English'], ['US', 'German'], ['Us', 'English'],
      ['US', 'English'], ['FR', 'French'], ['uS', 'English']] as const;
    const made: bigint[] = [];
    for (const [i, [marketCountry, marketLanguage]] of markets.entries()) {
      const c = await world.store.insertCustomer(newCustomer({ name: `${marketTag} ${i}`, marketCountry, marketLanguage }));
      await insertClientLink(world.store, { type: 'CustomerLink', clientEntityId: c.id, managingCustomerId: G.customer.id });
      made.push(c.id);
    }
    const matching = [0, 2, 4, 5, 7].map((i) => made[i]!);
    const name = p('CustomerName', 'Contains', marketTag);
    const us = [p('MarketCountry', 'Equals', 'us'), p('MarketLanguage', 'Equals', 'english')];
    assert.deepEqual(await search([name, ...us]), matching);
    assert.deepEqual(await search([name, ...us], { page: { Index: 1, Size: 2 } }), matching.slice(2, 4));
    assert.deepEqual(await search([name, ...us], { page: { Index: 2, Size: 2 } }), matching.slice(4));
    assert.deepEqual(await search([name, ...us], { page: { Index: 0, Size: 3 }, order: [{ Field: 'Id', Order: 'Descending' }] }), [...matching].reverse().slice(0, 3));
    assert.deepEqual(await search([name, p('MarketCountry', 'Equals', 'de'), p('MarketLanguage', 'Equals', 'ENGLISH')]), [made[1]!]);
    assert.deepEqual(await search([name, p('MarketCountry', 'Equals', 'US'), p('MarketLanguage', 'Equals', 'Spanish')]), []);
  });
});
