// UpdateClientLinks over REST and SOAP: the ClientLinkStatus life cycle as the Client Links guide
// describes who moves a link from which state to which, what each step grants, and the refusals.
// Choices: docs/behaviour.md "Client links", docs/errors.md.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../../src/store/store.js';
import { startServer, type RunningServer } from '../../support/server.js';
import { encodeTimeStamp } from '../../../src/domain/timestamps.js';
import { faces, faultCodes, restCodes, type Faces } from '../../support/faces.js';
import { createTestTenant, insertTestUser } from '../../support/fixtures.js';
import { byAccount, FACES, linkBatch, searchLinks, type Face, type LinkInput } from '../../support/client-links.js';
import { DAY, getAccount, linkWorld, newestLink, storeLink, type LinkWorld } from '../../support/links-world.js';

describe('UpdateClientLinks', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
  });
  after(async () => { await server?.stop(); });

  const pair = (w: LinkWorld, Status: string, over: Partial<LinkInput> = {}): LinkInput => ({
    ClientEntityId: w.client.account.id, ManagingCustomerId: w.agency.customer.id, Status, ...over,
  });

  async function pending(face: Face, label: string, startDate?: string): Promise<LinkWorld> {
    const w = await linkWorld(store, `${face} ${label}`);
    const add: LinkInput = { ClientEntityId: w.client.account.id, ManagingCustomerId: w.agency.customer.id, IsBillToClient: true, SuppressNotification: true };
    if (startDate) add.StartDate = startDate;
    assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [add], w.agency.token)).partial, [null]);
    return w;
  }

  const statusOf = async (w: LinkWorld): Promise<string | undefined> => (await newestLink(store, w.client.account.id, w.agency.customer.id))?.status;

  for (const face of FACES) {
    describe(face, () => {
      it('the client accepts: the link is Active and the agency reaches the account at once', async () => {
        const w = await pending(face, 'accept');
        assert.equal(await getAccount(call, face, w.client.account.id, w.agency.token), '106');
        const r = await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'LinkAccepted', { Note: 'welcome' })], w.client.token);
        assert.deepEqual(r, { status: 200, operationErrors: [], partial: [null] });
        const link = await newestLink(store, w.client.account.id, w.agency.customer.id);
        assert.equal(link?.status, 'Active');
        assert.equal(link?.note, 'welcome', 'Note may be updated');
        assert.equal(link?.lastModifiedByUserId, w.client.user.id);
        assert.equal(await getAccount(call, face, w.client.account.id, w.agency.token), 'ok');
        const found = await searchLinks(call, face, { predicates: byAccount(w.client.account.id) }, w.agency.token);
        assert.deepEqual(found.links?.map((l) => l.Status), ['Active']);
      });

      it('with a future StartDate the accepted link waits in LinkInProgress, granting nothing, and cannot be updated (1472)', async () => {
        const start = new Date(Date.now() + 3 * DAY).toISOString().replace('Z', ''); // no UTC offset, as the examples send
        const w = await pending(face, 'later', start);
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'LinkAccepted')], w.client.token)).partial, [null]);
        assert.equal(await statusOf(w), 'LinkInProgress');
        assert.equal(await getAccount(call, face, w.client.account.id, w.agency.token), '106');
        // "You cannot get, delete, or update an account that is being linked": not even its owner.
        assert.equal(await getAccount(call, face, w.client.account.id, w.client.token), '1472');
        const stamp = Buffer.from(encodeTimeStamp(w.client.account.version)).toString('base64');
        const update = face === 'REST'
          ? restCodes(await call.rest('UpdateAccount', { Account: { Id: w.client.account.id.toString(), TimeStamp: stamp, Name: 'Renamed' } }, w.client.token))
          : faultCodes(await call.soap('UpdateAccount', `<Account><e:Id>${w.client.account.id}</e:Id><e:Name>Renamed</e:Name><e:TimeStamp>${stamp}</e:TimeStamp></Account>`, w.client.token));
        assert.deepEqual(update, [1472]);
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'UnlinkRequested')], w.agency.token)).partial, [[1472]]);
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'LinkDeclined')], w.client.token)).partial, [[1472]]);
      });

      it('a LinkInProgress link whose StartDate has come is Active, and grants access', async () => {
        const w = await linkWorld(store, `${face} due`);
        await storeLink(store, { clientEntityId: w.client.account.id, managingCustomerId: w.agency.customer.id, status: 'LinkInProgress', startDate: new Date(Date.now() - 1000) });
        const found = await searchLinks(call, face, { predicates: byAccount(w.client.account.id) }, w.agency.token);
        assert.deepEqual(found.links?.map((l) => l.Status), ['Active']);
        assert.equal(await getAccount(call, face, w.client.account.id, w.agency.token), 'ok');
      });

      it('the client declines; a declined link cannot be updated (3083) and grants nothing', async () => {
        const w = await pending(face, 'decline');
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'LinkDeclined')], w.client.token)).partial, [null]);
        assert.equal(await statusOf(w), 'LinkDeclined');
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'LinkAccepted')], w.client.token)).partial, [[3083]]);
        assert.equal(await statusOf(w), 'LinkDeclined');
        assert.equal(await getAccount(call, face, w.client.account.id, w.agency.token), '106');
      });

      it('the agency cancels a pending request; only the client accepts or declines, only the agency cancels (106)', async () => {
        const w = await pending(face, 'cancel');
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'LinkAccepted')], w.agency.token)).partial, [[106]]);
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'LinkDeclined')], w.agency.token)).partial, [[106]]);
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'LinkCanceled')], w.client.token)).partial, [[106]]);
        assert.equal(await statusOf(w), 'LinkPending');
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'LinkCanceled')], w.agency.token)).partial, [null]);
        assert.equal(await statusOf(w), 'LinkCanceled');
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'LinkCanceled')], w.agency.token)).partial, [[3083]]);
      });

      it('the agency unlinks an Active link: Inactive, and the access is gone at once; the client cannot unlink', async () => {
        const w = await pending(face, 'unlink');
        await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'LinkAccepted')], w.client.token);
        assert.equal(await getAccount(call, face, w.client.account.id, w.agency.token), 'ok');
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'UnlinkRequested')], w.client.token)).partial, [[106]]);
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'UnlinkRequested')], w.agency.token)).partial, [null]);
        assert.equal(await statusOf(w), 'Inactive');
        assert.equal(await getAccount(call, face, w.client.account.id, w.agency.token), '106');
        // "You cannot update an inactive client link, and you must send a new invitation."
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'UnlinkRequested')], w.agency.token)).partial, [[3083]]);
        const again = { ClientEntityId: w.client.account.id, ManagingCustomerId: w.agency.customer.id, IsBillToClient: true };
        assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [again], w.agency.token)).partial, [null]);
        assert.equal(await statusOf(w), 'LinkPending');
      });

      it('a request nobody answered for 30 days reads LinkExpired and cannot be accepted (3083)', async () => {
        const w = await linkWorld(store, `${face} expired`);
        await storeLink(store, { clientEntityId: w.client.account.id, managingCustomerId: w.agency.customer.id, status: 'LinkPending', ageDays: 30 });
        const found = await searchLinks(call, face, { predicates: byAccount(w.client.account.id) }, w.client.token);
        assert.deepEqual(found.links?.map((l) => l.Status), ['LinkExpired']);
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'LinkAccepted')], w.client.token)).partial, [[3083]]);
      });

      it('statuses the service sets cannot be requested (3083); Status is required (203)', async () => {
        const w = await pending(face, 'service');
        for (const status of ['Active', 'LinkInProgress', 'Inactive', 'LinkPending', 'LinkExpired', 'UnlinkCanceled']) {
          assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, status)], w.client.token)).partial, [[3083]], status);
        }
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'x', { Status: undefined })], w.client.token)).partial, [[203]]);
        assert.equal(await statusOf(w), 'LinkPending');
      });

      it('the searched link sent back whole is accepted (StartDate without offset included); a changed read-only element is 3083', async () => {
        const w = await pending(face, 'echo');
        const found = await searchLinks(call, face, { predicates: byAccount(w.client.account.id) }, w.client.token);
        const link = found.links![0]!;
        const echo: LinkInput = {
          Type: link.Type!, ClientEntityId: BigInt(link.ClientEntityId!), ClientEntityNumber: link.ClientEntityNumber!,
          ManagingCustomerId: BigInt(link.ManagingCustomerId!), ManagingCustomerNumber: link.ManagingCustomerNumber!,
          Name: link.Name!, IsBillToClient: link.IsBillToClient === 'true',
          StartDate: link.StartDate!.replace(/Z$/, ''), SuppressNotification: link.SuppressNotification === 'true',
        };
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [{ ...echo, Status: 'LinkAccepted', Name: 'Renamed' }], w.client.token)).partial, [[3083]]);
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [{ ...echo, Status: 'LinkAccepted', IsBillToClient: false }], w.client.token)).partial, [[3083]]);
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [{ ...echo, Status: 'LinkAccepted', StartDate: '2001-01-01T00:00:00' }], w.client.token)).partial, [[3083]]);
        assert.equal(await statusOf(w), 'LinkPending');
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [{ ...echo, Status: 'LinkAccepted' }], w.client.token)).partial, [null]);
        assert.equal(await statusOf(w), 'Active');
      });

      it('a pair without a link is 210; a stranger is 106 whether or not the link exists', async () => {
        const w = await linkWorld(store, `${face} none`);
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'LinkCanceled')], w.agency.token)).partial, [[210]]);
        const stranger = await createTestTenant(store, 'sandbox', `${face} Stranger`);
        const v = await pending(face, 'stranger');
        for (const target of [w, v]) {
          assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(target, 'LinkAccepted')], stranger.token)).partial, [[106]]);
        }
        const viewer = await insertTestUser(store, 'sandbox', { customerId: v.client.customer.id, roleId: 100, label: 'viewer' });
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(v, 'LinkAccepted')], viewer.token)).partial, [[106]]);
        assert.equal(await statusOf(v), 'LinkPending');
      });

      it('accepting while another agency manages the account is 1424', async () => {
        const w = await pending(face, 'second');
        const rival = await createTestTenant(store, 'sandbox', `${face} Rival`);
        await storeLink(store, { clientEntityId: w.client.account.id, managingCustomerId: rival.customer.id, status: 'Active' });
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [pair(w, 'LinkAccepted')], w.client.token)).partial, [[1424]]);
        assert.equal(await statusOf(w), 'LinkPending');
      });

      it('customer links: the client Super Admin accepts; the agency\'s users then reach every account of the client', async () => {
        const w = await linkWorld(store, `${face} customer`);
        const link: LinkInput = { Type: 'CustomerLink', ClientEntityId: w.client.customer.id, ManagingCustomerId: w.agency.customer.id, CustomerLinkPermission: 'Standard', SuppressNotification: true };
        assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [link], w.agency.token)).partial, [null]);
        const standard = await insertTestUser(store, 'sandbox', { customerId: w.client.customer.id, roleId: 203, label: 'std' });
        const accept = { Type: 'CustomerLink', ClientEntityId: w.client.customer.id, ManagingCustomerId: w.agency.customer.id, Status: 'LinkAccepted' };
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [accept], standard.token)).partial, [[106]], 'customer links: Super Admin only');
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [accept], w.client.token)).partial, [null]);
        assert.equal((await newestLink(store, w.client.customer.id, w.agency.customer.id, 'CustomerLink'))?.status, 'Active');
        assert.equal(await getAccount(call, face, w.client.account.id, w.agency.token), 'ok');
      });
    });
  }
});
