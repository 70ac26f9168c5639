// AddClientLinks when another request writes between its check and its insert — the interleaving
// a race produces, made certain: the store handed to the handler lets a competing write happen
// right after the handler has read the client's links. The insert's own guard must then refuse,
// with the fault the sequential check gives on a fresh read (1410, 1424, 1472), writing nothing;
// and when the competing link has ended by that read, the add is tried again and stored. On a
// real store, SQLite and PostgreSQL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Context } from '../../src/domain/context.js';
import { addClientLinks } from '../../src/domain/client-links/add-client-links.js';
import { faults } from '../../src/contract/faults.js';
import { openStore } from '../../src/store/open.js';
import type { ClientLinkRecord } from '../../src/store/records.js';
import type { Store } from '../../src/store/store.js';
import { createTestTenant, type TestTenant } from '../support/fixtures.js';
import { storeLink } from '../support/links-world.js';
import { dropSchemas, PG_URL, pgProblem, reportPgAway, throwAwaySchemaName } from '../store/pg-test.js';

/** Writes of "another request": right after the handler's check has read the client's links, and before its read after a refusal. */
interface Interleaving {
  afterCheck?: (real: Store) => Promise<void>;
  beforeReread?: (real: Store) => Promise<void>;
}

/** The store as the handler sees it: the real one, with `between` run around its reads of `clientEntityId`'s links. */
function interleaved(real: Store, clientEntityId: bigint, between: Interleaving): Store {
  let reads = 0;
  return new Proxy(real, {
    get(target, key) {
      if (key === 'listClientLinksByClient') {
        return async (type: ClientLinkRecord['type'], ids: readonly bigint[]) => {
          const ours = ids.includes(clientEntityId);
          if (ours) reads += 1;
          if (ours && reads === 2) await between.beforeReread?.(target);
          const links = await target.listClientLinksByClient(type, ids);
          if (ours && reads === 1) await between.afterCheck?.(target);
          return links;
        };
      }
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** AddClientLinks of one account link by `agency`'s Super Admin: 'ok' or the link's "code message". */
async function add(store: Store, real: Store, agency: TestTenant, client: TestTenant): Promise<string> {
  const ctx = new Context(agency.user, store, 'sandbox', () => new Date(), undefined, real);
  const r = await addClientLinks(ctx, { ClientLinks: [{
    Type: 'AccountLink', ClientEntityId: client.account.id, ManagingCustomerId: agency.customer.id, IsBillToClient: true,
  }] });
  assert.deepEqual(r.OperationErrors, []);
  const entry = r.PartialErrors?.[0];
  return entry === null || entry === undefined ? 'ok' : entry.map((e) => `${e.Code} ${e.Message}`).join('; ');
}

const said = (fault: keyof typeof faults): string => `${faults[fault].code} ${faults[fault].message}`;

function interleavingRules(label: string, open: () => Promise<{ store: Store; close(): Promise<void> }>): void {
  describe(label, () => {
    let store: Store;
    let close: () => Promise<void>;
    before(async () => { ({ store, close } = await open()); });
    after(async () => { await close(); });

    const world = async (name: string) => ({
      agency: await createTestTenant(store, 'sandbox', `${name} Agency`),
      client: await createTestTenant(store, 'sandbox', `${name} Client`),
      rival: await createTestTenant(store, 'sandbox', `${name} Rival`),
    });
    const mailTo = async (t: TestTenant) => (await store.listOutboxMessages({ to: t.user.contactInfo!.email!, limit: 10 })).length;
    const links = async (t: TestTenant) => (await store.listClientLinksByClient('AccountLink', [t.account.id]))
      .map((l) => [l.managingCustomerId, l.status]);

    it('the same agency\'s link written meanwhile: 1410, and only that link is stored', async () => {
      const { agency, client } = await world('Same');
      const competing = async (real: Store) => {
        await storeLink(real, { clientEntityId: client.account.id, managingCustomerId: agency.customer.id, status: 'LinkPending' });
      };
      assert.equal(await add(interleaved(store, client.account.id, { afterCheck: competing }), store, agency, client), said('ClientLinkAlreadyInvited'));
      assert.deepEqual(await links(client), [[agency.customer.id, 'LinkPending']]);
      assert.equal(await mailTo(client), 0, 'the refused request\'s notice is not written');
    });

    it('another agency\'s link becoming Active meanwhile: 1424; in progress: 1472; nothing stored', async () => {
      for (const [status, fault] of [['Active', 'ClientAccountManagedByAnotherAgency'], ['LinkInProgress', 'AccountBeingLinkedOrUnlinked']] as const) {
        const { agency, client, rival } = await world(status);
        // Accepted: Active, or LinkInProgress while its StartDate is to come.
        const startDate = status === 'Active' ? new Date() : new Date(Date.now() + 86_400_000);
        const theirs = await storeLink(store, { clientEntityId: client.account.id, managingCustomerId: rival.customer.id, status: 'LinkPending', startDate });
        const accepted = async (real: Store) => {
          assert.ok(await real.updateClientLink(theirs.id, theirs.version, { status, note: null, lastModifiedByUserId: null }));
        };
        assert.equal(await add(interleaved(store, client.account.id, { afterCheck: accepted }), store, agency, client), said(fault), status);
        assert.ok((await links(client)).every(([manager]) => manager === rival.customer.id), `${status}: nothing of the agency stored`);
        assert.equal(await mailTo(client), 0, status);
      }
    });

    it('no interleaving: another agency\'s Active link is 1424 also behind a third agency\'s older pending request', async () => {
      // The check and the guard agree: any other agency's link Active or in progress refuses,
      // not only the first live one (which could be a pending request the client passed over).
      const { agency, client, rival } = await world('Behind');
      const third = await createTestTenant(store, 'sandbox', 'Behind Third');
      await storeLink(store, { clientEntityId: client.account.id, managingCustomerId: third.customer.id, status: 'LinkPending' });
      await storeLink(store, { clientEntityId: client.account.id, managingCustomerId: rival.customer.id, status: 'Active' });
      assert.equal(await add(store, store, agency, client), said('ClientAccountManagedByAnotherAgency'));
      assert.ok((await links(client)).every(([manager]) => manager !== agency.customer.id));
    });

    it('a competing link that ended before the second read: the add is tried again and stored', async () => {
      const { agency, client } = await world('Retry');
      let competing: ClientLinkRecord | undefined;
      const write = async (real: Store) => {
        competing = await storeLink(real, { clientEntityId: client.account.id, managingCustomerId: agency.customer.id, status: 'LinkPending' });
      };
      const cancel = async (real: Store) => {
        assert.ok(await real.updateClientLink(competing!.id, competing!.version, { status: 'LinkCanceled', note: null, lastModifiedByUserId: null }));
      };
      assert.equal(await add(interleaved(store, client.account.id, { afterCheck: write, beforeReread: cancel }), store, agency, client), 'ok');
      assert.deepEqual(await links(client), [[agency.customer.id, 'LinkCanceled'], [agency.customer.id, 'LinkPending']]);
      assert.equal(await mailTo(client), 1);
    });
  });
}

interleavingRules('AddClientLinks with a write between its check and its insert (SQLite)', async () => {
  const store = await openStore({ backend: 'sqlite', file: ':memory:' });
  return { store, close: () => store.close() };
});

const problem = await pgProblem();
if (problem !== null) {
  reportPgAway('AddClientLinks with a write between its check and its insert (PostgreSQL)', problem);
} else {
  interleavingRules('AddClientLinks with a write between its check and its insert (PostgreSQL)', async () => {
    const schema = throwAwaySchemaName('linkmix');
    const store = await openStore({ backend: 'postgres', url: PG_URL, schema });
    return { store, close: async () => { await store.close(); await dropSchemas([schema]); } };
  });
}
