// GetCustomersInfo end to end over REST and SOAP: a case-insensitive name prefix (non-ASCII
// letters too), only reachable customers, ordered by folded name then id, TopN ≥ 1 (else 201).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { insertClientLink, type TestTenant } from '../../support/fixtures.js';
import { childEl, expectOk, must, value, xmlEscape } from '../../support/soap-assert.js';
import { useCustomersWorld } from '../../support/customers-world.js';
import { uniqueName } from '../../support/names.js';

const world = useCustomersWorld();
let G: TestTenant; let E1: TestTenant; let E2: TestTenant;
let tag: string;

async function info(filter: string | null, topN: number, token = G.token): Promise<Array<[string, string]>> {
  const r = await world.both('GetCustomersInfo', { ...(filter === null ? {} : { CustomerNameFilter: filter }), TopN: topN },
    `${filter === null ? '' : `<CustomerNameFilter>${xmlEscape(filter)}</CustomerNameFilter>`}<TopN>${topN}</TopN>`, token);
  assert.equal(r.rest.status, 200, r.rest.text);
  const viaRest = (r.rest.body.CustomersInfo as Array<{ Id: string; Name: string }>).map((c): [string, string] => [c.Id, c.Name]);
  const list = must(childEl(expectOk(r.soap, 'GetCustomersInfo'), 'CustomersInfo'), 'CustomersInfo').children;
  assert.deepEqual(list.map((c): [string, string] => [value(c, 'Id')!, value(c, 'Name')!]), viaRest, 'SOAP and REST agree');
  return viaRest;
}
const row = (t: TestTenant, name: string): [string, string] => [t.customer.id.toString(), name];

describe('GetCustomersInfo', () => {
  before(async () => {
    await world.started();
    tag = uniqueName('i');
    G = await world.newTenant('Info');
    E1 = await world.newTenant('E1');
    E2 = await world.newTenant('E2');
    for (const [t, name] of [[E1, `Émile ${tag} B`], [E2, `émile ${tag} A`], [G, `ÉMILE ${tag} C`]] as const) {
      await world.store.updateCustomer(t.customer.id, (await world.customer(t.customer.id)).version, { name, industry: 'Retail', lastModifiedByUserId: null });
    }
    for (const t of [E1, E2]) await insertClientLink(world.store, { type: 'CustomerLink', clientEntityId: t.customer.id, managingCustomerId: G.customer.id });
    const stranger = await world.newTenant('Stranger');
    await world.store.updateCustomer(stranger.customer.id, stranger.customer.version, { name: `Émile ${tag} Z`, industry: 'Retail', lastModifiedByUserId: null });
  });

  it('names beginning with the filter, case-insensitively ("émile" finds "Émile" and "ÉMILE"), by name then id', async () => {
    const expected = [row(E2, `émile ${tag} A`), row(E1, `Émile ${tag} B`), row(G, `ÉMILE ${tag} C`)];
    assert.deepEqual(await info(`émile ${tag}`, 10), expected);
    assert.deepEqual(await info(`ÉMILE ${tag.toUpperCase()}`, 10), expected);
    assert.deepEqual(await info(`${tag}`, 10), [], 'begins with, not contains');
  });

  it('only reachable customers: the stranger of the same name is not listed; the client sees only itself', async () => {
    assert.ok(!(await info('', 100)).some(([, n]) => n.endsWith(' Z')));
    assert.deepEqual(await info('', 100, E1.token), [row(E1, `Émile ${tag} B`)]);
  });

  it('TopN limits the list; an empty or absent filter lists every reachable customer', async () => {
    assert.deepEqual(await info(`émile ${tag}`, 1), [row(E2, `émile ${tag} A`)]);
    assert.equal((await info('', 100)).length, 3);
    assert.equal((await info(null, 100)).length, 3);
  });

  it('TopN 0 or negative → 201', async () => {
    await world.refused('GetCustomersInfo', { CustomerNameFilter: '', TopN: 0 }, '<CustomerNameFilter></CustomerNameFilter><TopN>0</TopN>', G.token, 201);
    await world.refused('GetCustomersInfo', { TopN: -3 }, '<TopN>-3</TopN>', G.token, 201);
  });
});
