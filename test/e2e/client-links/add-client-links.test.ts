// AddClientLinks over REST and SOAP: each documented rule one test, asserted on both faces (a fresh
// agency and client per face, since the call changes state), with what was stored. Choices:
// docs/behaviour.md "Client links", docs/errors.md.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../../src/store/store.js';
import { startServer, type RunningServer } from '../../support/server.js';
import { faces, type Faces } from '../../support/faces.js';
import { addTestAccount, createTestTenant, insertTestAccount, insertTestUser, ownerOf } from '../../support/fixtures.js';
import { FACES, linkBatch, type LinkInput } from '../../support/client-links.js';
import { DAY, linkWorld, newestLink, storeLink, type LinkWorld } from '../../support/links-world.js';

describe('AddClientLinks', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
  });
  after(async () => { await server?.stop(); });

  const accountLink = (w: LinkWorld, over: Partial<LinkInput> = {}): LinkInput => ({
    ClientEntityId: w.client.account.id, ManagingCustomerId: w.agency.customer.id, IsBillToClient: true, Name: 'My Client Link', ...over,
  });

  for (const face of FACES) {
    describe(face, () => {
      it('stores a LinkPending link with the documented defaults and notifies the client', async () => {
        const w = await linkWorld(store, `${face} add`);
        const before = Date.now();
        const r = await linkBatch(call, face, 'AddClientLinks', [accountLink(w, { Note: 'Hello' })], w.agency.token);
        assert.deepEqual(r, { status: 200, operationErrors: [], partial: [null] });
        const link = await newestLink(store, w.client.account.id, w.agency.customer.id);
        assert.ok(link);
        assert.equal(link.status, 'LinkPending');
        assert.equal(link.type, 'AccountLink');
        assert.equal(link.name, 'My Client Link');
        assert.equal(link.note, 'Hello');
        assert.equal(link.isBillToClient, true);
        assert.equal(link.suppressNotification, false);
        assert.equal(link.aggregatee, false);
        assert.equal(link.inviterName, w.agency.customer.name, 'InviterName defaults to the parent customer name');
        assert.equal(link.inviterEmail, w.agency.user.contactInfo?.email, 'InviterEmail defaults to the caller\'s e-mail');
        assert.ok(link.startDate && link.startDate.getTime() >= before - 1000, 'StartDate defaults to now');
        assert.ok(link.createdTime.getTime() >= before - 1000);
        assert.equal(link.lastModifiedByUserId, w.agency.user.id);
        const mail = await store.listOutboxMessages({ to: w.client.user.contactInfo!.email!, limit: 5 });
        assert.equal(mail.length, 1, 'the client\'s primary user is told');
        assert.match(mail[0]!.body, new RegExp(w.client.account.number));
      });

      it('SuppressNotification true sends no e-mail; a missing Name gets a default', async () => {
        const w = await linkWorld(store, `${face} quiet`);
        const r = await linkBatch(call, face, 'AddClientLinks', [accountLink(w, { SuppressNotification: true, Name: undefined })], w.agency.token);
        assert.deepEqual(r.partial, [null]);
        assert.deepEqual(await store.listOutboxMessages({ to: w.client.user.contactInfo!.email!, limit: 5 }), []);
        const link = await newestLink(store, w.client.account.id, w.agency.customer.id);
        assert.equal(link?.name, w.client.account.name.slice(0, 40));
      });

      it('identifies the client and manager by number as well as by id', async () => {
        const w = await linkWorld(store, `${face} numbers`);
        const r = await linkBatch(call, face, 'AddClientLinks', [{
          ClientEntityNumber: w.client.account.number.toLowerCase(), ManagingCustomerNumber: w.agency.customer.number,
          IsBillToClient: false, ClientEntityCustomerNumber: w.client.customer.number,
        }], w.agency.token);
        assert.deepEqual(r.partial, [null]);
        assert.equal((await newestLink(store, w.client.account.id, w.agency.customer.id))?.isBillToClient, false);
      });

      it('an id and a number that name different entities is LinkPairMismatch (201)', async () => {
        const w = await linkWorld(store, `${face} mismatch`);
        const r = await linkBatch(call, face, 'AddClientLinks', [
          accountLink(w, { ClientEntityNumber: w.agency.account.number }),
          accountLink(w, { ClientEntityCustomerNumber: w.agency.customer.number }),
        ], w.agency.token);
        assert.deepEqual(r.partial, [[201], [201]]);
        assert.equal(await newestLink(store, w.client.account.id, w.agency.customer.id), undefined);
      });

      it('a null or empty list is 3087 in OperationErrors and nothing is stored', async () => {
        const w = await linkWorld(store, `${face} empty`);
        for (const links of [null, []]) {
          const r = await linkBatch(call, face, 'AddClientLinks', links, w.agency.token);
          assert.deepEqual(r, { status: 200, operationErrors: [3087], partial: [] });
        }
      });

      it('more than 10 links is 3024 in OperationErrors and none is added', async () => {
        const w = await linkWorld(store, `${face} batch`);
        const accounts = [];
        for (let i = 0; i < 11; i++) accounts.push(await addTestAccount(store, w.client.customer.id));
        const r = await linkBatch(call, face, 'AddClientLinks', accounts.map((a) => accountLink(w, { ClientEntityId: a.id })), w.agency.token);
        assert.deepEqual(r, { status: 200, operationErrors: [3024], partial: [] });
        assert.deepEqual(await store.listClientLinksByManager([w.agency.customer.id], ['LinkPending']), []);
      });

      it('partial success: one PartialErrors entry per link, null where it succeeded', async () => {
        const w = await linkWorld(store, `${face} partial`);
        const r = await linkBatch(call, face, 'AddClientLinks', [
          accountLink(w),
          accountLink(w), // the same pair again: already invited
          accountLink(w, { ClientEntityId: 999999999999n }),
          accountLink(w, { Name: 'x'.repeat(41), ClientEntityId: w.agency.account.id }),
          accountLink(w, { IsBillToClient: undefined, ClientEntityId: w.agency.account.id }),
        ], w.agency.token);
        assert.deepEqual(r, { status: 200, operationErrors: [], partial: [null, [1410], [2108], [211], [203]] });
        const stored = await store.listClientLinksByManager([w.agency.customer.id], ['LinkPending']);
        assert.deepEqual(stored.map((l) => l.clientEntityId), [w.client.account.id]);
      });

      it('1410 while a live link exists; a new link once the old one ended (declined, expired, inactive)', async () => {
        const w = await linkWorld(store, `${face} again`);
        for (const status of ['Active', 'LinkInProgress', 'UnlinkPending', 'UnlinkInProgress', 'LinkAccepted'] as const) {
          const other = await insertTestAccount(store, ownerOf(w.client));
          await storeLink(store, { clientEntityId: other.id, managingCustomerId: w.agency.customer.id, status, startDate: new Date(Date.now() + DAY) });
          const r = await linkBatch(call, face, 'AddClientLinks', [accountLink(w, { ClientEntityId: other.id })], w.agency.token);
          assert.deepEqual(r.partial, [[1410]], status);
        }
        for (const [status, ageDays] of [['LinkDeclined', 0], ['LinkCanceled', 0], ['Inactive', 0], ['LinkFailed', 0], ['LinkPending', 31]] as const) {
          const t = await linkWorld(store, `${face} ended`);
          await storeLink(store, { clientEntityId: t.client.account.id, managingCustomerId: t.agency.customer.id, status, ageDays });
          const r = await linkBatch(call, face, 'AddClientLinks', [accountLink(t)], t.agency.token);
          assert.deepEqual(r.partial, [null], `${status} ${ageDays} days old`);
          const links = await store.listClientLinksByClient('AccountLink', [t.client.account.id]);
          assert.deepEqual(links.map((l) => l.status), [status, 'LinkPending'], 'the old link stays as history');
        }
      });

      it('1424 when another agency manages the account; 1472 while another agency\'s link is in progress', async () => {
        const w = await linkWorld(store, `${face} other`);
        const rival = await createTestTenant(store, 'sandbox', `${face} Rival`);
        await storeLink(store, { clientEntityId: w.client.account.id, managingCustomerId: rival.customer.id, status: 'Active' });
        assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [accountLink(w)], w.agency.token)).partial, [[1424]]);
        const t = await linkWorld(store, `${face} busy`);
        await storeLink(store, { clientEntityId: t.client.account.id, managingCustomerId: rival.customer.id, status: 'LinkInProgress', startDate: new Date(Date.now() + DAY) });
        assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [accountLink(t)], t.agency.token)).partial, [[1472]]);
        // A pending request of another agency does not block: the client chooses.
        const u = await linkWorld(store, `${face} pending`);
        await storeLink(store, { clientEntityId: u.client.account.id, managingCustomerId: rival.customer.id, status: 'LinkPending' });
        assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [accountLink(u)], u.agency.token)).partial, [null]);
      });

      it('1471 for a client account without a post-pay payment method', async () => {
        const w = await linkWorld(store, `${face} prepaid`);
        const draft = await addTestAccount(store, w.client.customer.id);
        const r = await linkBatch(call, face, 'AddClientLinks', [accountLink(w, { ClientEntityId: draft.id })], w.agency.token);
        assert.deepEqual(r.partial, [[1471]]);
        assert.equal(await newestLink(store, draft.id, w.agency.customer.id), undefined);
      });

      it('account links: Super Admin, Standard User and Aggregator of the managing customer; others 106', async () => {
        const w = await linkWorld(store, `${face} roles`);
        const allowed = [];
        for (const roleId of [203, 33]) {
          const user = await insertTestUser(store, 'sandbox', { customerId: w.agency.customer.id, roleId, label: `r${roleId}` });
          const account = await insertTestAccount(store, ownerOf(w.client));
          allowed.push((await linkBatch(call, face, 'AddClientLinks', [accountLink(w, { ClientEntityId: account.id })], user.token)).partial);
        }
        assert.deepEqual(allowed, [[null], [null]]);
        for (const roleId of [100, 16]) {
          const user = await insertTestUser(store, 'sandbox', { customerId: w.agency.customer.id, roleId, label: `r${roleId}` });
          assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [accountLink(w)], user.token)).partial, [[106]], `role ${roleId}`);
        }
        // The client cannot send requests on the agency's behalf, nor can anyone for a customer that does not exist.
        assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [accountLink(w)], w.client.token)).partial, [[106]]);
        assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [accountLink(w, { ManagingCustomerId: 999999999999n })], w.agency.token)).partial, [[106]]);
        assert.equal(await newestLink(store, w.client.account.id, w.agency.customer.id), undefined);
      });

      it('customer links: Super Admin only, with CustomerLinkPermission Administrative or Standard', async () => {
        const w = await linkWorld(store, `${face} customer`);
        const standard = await insertTestUser(store, 'sandbox', { customerId: w.agency.customer.id, roleId: 203, label: 'std' });
        const link: LinkInput = { Type: 'CustomerLink', ClientEntityId: w.client.customer.id, ManagingCustomerId: w.agency.customer.id, CustomerLinkPermission: 'Administrative' };
        assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [link], standard.token)).partial, [[106]]);
        assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [{ ...link, CustomerLinkPermission: 'Owner' }], w.agency.token)).partial, [[201]]);
        assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [{ ...link, ClientEntityId: w.agency.customer.id }], w.agency.token)).partial, [[201]]);
        assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [link], w.agency.token)).partial, [null]);
        const stored = await newestLink(store, w.client.customer.id, w.agency.customer.id, 'CustomerLink');
        assert.equal(stored?.customerLinkPermission, 'Administrative');
        assert.equal(stored?.isBillToClient, null, 'IsBillToClient is not applicable to customer links');
        assert.equal(stored?.status, 'LinkPending');
        // CustomerLinkPermission belongs to customer links only.
        assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [accountLink(w, { CustomerLinkPermission: 'Standard' })], w.agency.token)).partial, [[201]]);
      });

      it('"only 5 levels of depth are supported for manager account to manager account links": a customer link making a chain of 6 → 201, nothing stored', async () => {
        const t = await Promise.all([0, 1, 2, 3, 4, 5, 6].map((i) => createTestTenant(store, 'sandbox', `${face} depth ${i}`)));
        // T0 → T1 → T2 → T3 → T4: four Active customer links.
        for (let i = 0; i < 4; i++) {
          await storeLink(store, { type: 'CustomerLink', clientEntityId: t[i + 1]!.customer.id, managingCustomerId: t[i]!.customer.id, status: 'Active' });
        }
        const customerLink = (manager: number, client: number): LinkInput =>
          ({ Type: 'CustomerLink', ClientEntityId: t[client]!.customer.id, ManagingCustomerId: t[manager]!.customer.id, CustomerLinkPermission: 'Standard' });
        // The fifth link (still pending: it counts, so accepting it needs no second check) is allowed.
        assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [customerLink(4, 5)], t[4]!.token)).partial, [null]);
        assert.equal((await newestLink(store, t[5]!.customer.id, t[4]!.customer.id, 'CustomerLink'))?.status, 'LinkPending');
        // A sixth, below the chain or above it, is refused.
        for (const [manager, client] of [[5, 6], [6, 0]] as const) {
          const r = await linkBatch(call, face, 'AddClientLinks', [customerLink(manager, client)], t[manager]!.token);
          assert.deepEqual(r, { status: 200, operationErrors: [], partial: [[201]] });
          assert.equal(await newestLink(store, t[client]!.customer.id, t[manager]!.customer.id, 'CustomerLink'), undefined, 'nothing stored');
        }
        // A declined link is no part of a chain: once T4 → T5 is declined, T5 → T6 fits.
        await storeLink(store, { type: 'CustomerLink', clientEntityId: t[5]!.customer.id, managingCustomerId: t[4]!.customer.id, status: 'LinkDeclined' });
        assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [customerLink(5, 6)], t[5]!.token)).partial, [null]);
      });
    });
  }
});
