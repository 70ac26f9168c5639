// AddClientLinks under concurrent requests: the "already invited" rule (a live link of the pair
// is 1410) holds when several requests for one pair arrive at once — the store checks it again in
// the insert's transaction, under the client entity's row lock — and a refused request writes
// nothing, its notice neither. Several agencies' requests for one account still coexist, and when
// the client accepts several of them at once (UpdateClientLinks, LinkAccepted) only one agency
// gets the account: the accept is checked again under the same lock. Half the requests go over
// REST, half over SOAP, to two servers sharing one store (a SQLite file, a PostgreSQL schema), so
// the requests race across processes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { faults } from '../../../src/contract/faults.js';
import { faces } from '../../support/faces.js';
import { createTestTenant, type TestTenant } from '../../support/fixtures.js';
import { findAll, text } from '../../support/clients.js';
import { linkJson, linkXml, type LinkInput } from '../../support/client-links.js';
import { childEl, expectOk, NIL } from '../../support/soap-assert.js';
import { onSharedStores, twoSqliteServers, type ServersOnOneStore } from '../../support/servers-on-one-store.js';

type World = ServersOnOneStore;

const ALREADY_INVITED = `${faults.ClientLinkAlreadyInvited.code} ${faults.ClientLinkAlreadyInvited.message}`;

/** One AddClientLinks of one link, request `i` (REST when even, SOAP when odd; servers in turn): 'ok' or "code message". */
function addOne(world: World, i: number, link: LinkInput, token: string): Promise<string> {
  return linkCall(world, i, 'AddClientLinks', link, token);
}

/** Add- or UpdateClientLinks of one link, as addOne. */
async function linkCall(world: World, i: number, op: 'AddClientLinks' | 'UpdateClientLinks', link: LinkInput, token: string): Promise<string> {
  const call = faces(world.servers[i % world.servers.length]!);
  if (i % 2 === 0) {
    const r = await call.rest(op, { ClientLinks: [linkJson(link)] }, token);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.OperationErrors, [], r.text);
    const partial = r.body.PartialErrors as Array<Array<{ Code: number; Message: string }> | null>;
    assert.equal(partial.length, 1, r.text);
    return partial[0] === null ? 'ok' : partial[0]!.map((e) => `${e.Code} ${e.Message}`).join('; ');
  }
  const r = await call.soap(op, `<ClientLinks>${linkXml(link)}</ClientLinks>`, token);
  const response = expectOk(r, op);
  assert.deepEqual(findAll(childEl(response, 'OperationErrors')!, 'OperationError'), [], r.text);
  const entries = childEl(response, 'PartialErrors')!.children.filter((c) => c.local === 'ArrayOfOperationError');
  assert.equal(entries.length, 1, r.text);
  const entry = entries[0]!;
  if (entry.attributes.get(NIL) === 'true') return 'ok';
  return findAll(entry, 'OperationError').map((e) => `${text(e, 'Code')} ${text(e, 'Message')}`).join('; ');
}

function accountLink(agency: TestTenant, client: TestTenant): LinkInput {
  return { ClientEntityId: client.account.id, ManagingCustomerId: agency.customer.id, IsBillToClient: true };
}

function concurrencyRules(label: string, open: () => Promise<World>): void {
  describe(label, () => {
    let world: World;
    before(async () => { world = await open(); });
    after(async () => { await world.cleanUp(); });

    const mailTo = async (tenant: TestTenant): Promise<number> =>
      (await world.store.listOutboxMessages({ to: tenant.user.contactInfo!.email!, limit: 50 })).length;

    for (const type of ['AccountLink', 'CustomerLink'] as const) {
      it(`of 10 concurrent ${type} requests for one pair exactly one is stored; the others are 1410 and write nothing`, async () => {
        const agency = await createTestTenant(world.store, 'sandbox', `Race Agency ${type}`);
        const client = await createTestTenant(world.store, 'sandbox', `Race Client ${type}`);
        const entityId = type === 'AccountLink' ? client.account.id : client.customer.id;
        const link: LinkInput = type === 'AccountLink' ? accountLink(agency, client)
          : { Type: 'CustomerLink', ClientEntityId: entityId, ManagingCustomerId: agency.customer.id };
        const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => addOne(world, i, link, agency.token)));
        assert.deepEqual([...outcomes].sort(), [...Array.from({ length: 9 }, () => ALREADY_INVITED), 'ok'], outcomes.join(' | '));
        const links = await world.store.listClientLinksByClient(type, [entityId]);
        assert.deepEqual(links.map((l) => [l.managingCustomerId, l.status]), [[agency.customer.id, 'LinkPending']]);
        assert.equal(await mailTo(client), 1, 'one link request e-mailed');
      });
    }

    it('five agencies requesting one account at once, twice each: one request of each is stored, the other is 1410', async () => {
      const client = await createTestTenant(world.store, 'sandbox', 'Contested Client');
      const agencies = await Promise.all(Array.from({ length: 5 }, (_, i) => createTestTenant(world.store, 'sandbox', `Contender ${i}`)));
      const requests = [...agencies, ...agencies];
      const outcomes = await Promise.all(requests.map((agency, i) => addOne(world, i, accountLink(agency, client), agency.token)));
      for (const [n, agency] of agencies.entries()) {
        const own = [outcomes[n]!, outcomes[n + agencies.length]!].sort();
        assert.deepEqual(own, [ALREADY_INVITED, 'ok'], `agency ${n}: ${outcomes.join(' | ')}`);
        const links = (await world.store.listClientLinksByClient('AccountLink', [client.account.id]))
          .filter((l) => l.managingCustomerId === agency.customer.id);
        assert.deepEqual(links.map((l) => l.status), ['LinkPending'], `agency ${n}`);
      }
      // "Pending requests of several agencies may coexist": the client chooses.
      assert.equal((await world.store.listClientLinksByClient('AccountLink', [client.account.id])).length, agencies.length);
    });

    it('the client accepting five agencies\' requests for its account at once: one becomes Active, the others are 1424 and stay pending', async () => {
      const client = await createTestTenant(world.store, 'sandbox', 'Chooser Client');
      const agencies = await Promise.all(Array.from({ length: 5 }, (_, i) => createTestTenant(world.store, 'sandbox', `Suitor ${i}`)));
      for (const [i, agency] of agencies.entries()) assert.equal(await addOne(world, i, accountLink(agency, client), agency.token), 'ok');
      const accepts = agencies.map((agency, i) => linkCall(world, i, 'UpdateClientLinks', { ...accountLink(agency, client), Status: 'LinkAccepted' }, client.token));
      const outcomes = await Promise.all(accepts);
      const managed = `${faults.ClientAccountManagedByAnotherAgency.code} ${faults.ClientAccountManagedByAnotherAgency.message}`;
      assert.deepEqual([...outcomes].sort(), [...Array.from({ length: 4 }, () => managed), 'ok'], outcomes.join(' | '));
      const links = await world.store.listClientLinksByClient('AccountLink', [client.account.id]);
      assert.deepEqual(links.map((l) => l.status).sort(), ['Active', 'LinkPending', 'LinkPending', 'LinkPending', 'LinkPending']);
      assert.equal(links.find((l) => l.status === 'Active')!.managingCustomerId, agencies[outcomes.indexOf('ok')]!.customer.id);
    });

    it('an account another agency manages: concurrent requests are all 1424 and nothing is stored', async () => {
      const client = await createTestTenant(world.store, 'sandbox', 'Managed Client');
      const holder = await createTestTenant(world.store, 'sandbox', 'Holder');
      const agency = await createTestTenant(world.store, 'sandbox', 'Latecomer');
      assert.equal(await addOne(world, 0, accountLink(holder, client), holder.token), 'ok');
      const held = (await world.store.listClientLinksByClient('AccountLink', [client.account.id]))[0]!;
      assert.ok(await world.store.updateClientLink(held.id, held.version, { status: 'Active', note: null, lastModifiedByUserId: null }));
      const managed = `${faults.ClientAccountManagedByAnotherAgency.code} ${faults.ClientAccountManagedByAnotherAgency.message}`;
      const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => addOne(world, i, accountLink(agency, client), agency.token)));
      assert.deepEqual(outcomes, Array.from({ length: 6 }, () => managed));
      const links = await world.store.listClientLinksByClient('AccountLink', [client.account.id]);
      assert.deepEqual(links.map((l) => l.managingCustomerId), [holder.customer.id]);
    });
  });
}

await onSharedStores('AddClientLinks under concurrent requests', concurrencyRules, { how: 'two servers on one file', open: twoSqliteServers }, 'linkrace');
