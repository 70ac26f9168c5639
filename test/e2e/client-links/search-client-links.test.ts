// SearchClientLinks over REST and SOAP: predicates and their combination rules, ordering, paging,
// the newest link per pair, who sees which links, and the response shape (every element, [] when
// nothing matches). Choices: docs/behaviour.md "Client links", docs/errors.md.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../../src/store/store.js';
import { startServer, type RunningServer } from '../../support/server.js';
import { faces, type Faces } from '../../support/faces.js';
import { createTestTenant, insertTestAccount, insertTestUser, ownerOf, type TestTenant } from '../../support/fixtures.js';
import type { RestResult } from '../../support/clients.js';
import { CLIENT_LINK_ELEMENTS, byAccount, FACES, searchLinks, type SearchRequest } from '../../support/client-links.js';
import { storeLink } from '../../support/links-world.js';

describe('SearchClientLinks', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let agency: TestTenant;
  let rival: TestTenant;
  let client: TestTenant;
  let other: TestTenant;
  let clientAccounts: bigint[];

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    agency = await createTestTenant(store, 'sandbox', 'Search Agency');
    rival = await createTestTenant(store, 'sandbox', 'Search Rival');
    client = await createTestTenant(store, 'sandbox', 'Search Client');
    other = await createTestTenant(store, 'sandbox', 'Search Other');
    clientAccounts = [client.account.id, (await insertTestAccount(store, ownerOf(client))).id, (await insertTestAccount(store, ownerOf(client))).id];
    // Account 0: declined, then pending again (only the newest shows); account 1: Active; account 2: the rival's pending request.
    await storeLink(store, { clientEntityId: clientAccounts[0]!, managingCustomerId: agency.customer.id, status: 'LinkDeclined' });
    await storeLink(store, { clientEntityId: clientAccounts[0]!, managingCustomerId: agency.customer.id, status: 'LinkPending' });
    await storeLink(store, { clientEntityId: clientAccounts[1]!, managingCustomerId: agency.customer.id, status: 'Active' });
    await storeLink(store, { clientEntityId: clientAccounts[2]!, managingCustomerId: rival.customer.id, status: 'LinkPending' });
    await storeLink(store, { clientEntityId: clientAccounts[1]!, managingCustomerId: rival.customer.id, status: 'LinkCanceled' });
    await storeLink(store, { type: 'CustomerLink', clientEntityId: client.customer.id, managingCustomerId: agency.customer.id, status: 'LinkPending', permission: 'Standard' });
    // An aggregatee link (SignupCustomer's) is never shown.
    await storeLink(store, { clientEntityId: other.account.id, managingCustomerId: agency.customer.id, status: 'Active', aggregatee: true });
  });
  after(async () => { await server?.stop(); });

  const ids = (links: Array<Record<string, string | null>> | undefined): string[] =>
    (links ?? []).map((l) => `${l.Type}:${l.ClientEntityId}<-${l.ManagingCustomerId}:${l.Status}`);
  const key = (type: string, entity: bigint, manager: TestTenant, status: string): string => `${type}:${entity}<-${manager.customer.id}:${status}`;
  const within = (req: SearchRequest['predicates'], extra: Partial<SearchRequest> = {}): SearchRequest => ({ predicates: req, ...extra });

  for (const face of FACES) {
    describe(face, () => {
      it('ClientAccountId (Equals or In): the newest link of each agency and client account', async () => {
        const all = await searchLinks(call, face, within([{ Field: 'ClientAccountId', Operator: 'In', Value: clientAccounts.join(',') }]), client.token);
        assert.deepEqual(ids(all.links), [
          key('AccountLink', clientAccounts[0]!, agency, 'LinkPending'),
          key('AccountLink', clientAccounts[1]!, agency, 'Active'),
          key('AccountLink', clientAccounts[1]!, rival, 'LinkCanceled'),
          key('AccountLink', clientAccounts[2]!, rival, 'LinkPending'),
        ].sort((a, b) => (a < b ? -1 : 1)));
        const one = await searchLinks(call, face, within(byAccount(clientAccounts[0]!)), client.token);
        assert.deepEqual(ids(one.links), [key('AccountLink', clientAccounts[0]!, agency, 'LinkPending')]);
      });

      it('each side sees its own links: an agency not those of another agency, a stranger nothing', async () => {
        const req = within([{ Field: 'ClientAccountId', Operator: 'In', Value: clientAccounts.join(',') }]);
        const seen = await searchLinks(call, face, req, agency.token);
        assert.deepEqual(ids(seen.links).sort(), [
          key('AccountLink', clientAccounts[0]!, agency, 'LinkPending'), key('AccountLink', clientAccounts[1]!, agency, 'Active'),
        ].sort());
        assert.deepEqual((await searchLinks(call, face, req, other.token)).links, []);
        const viewer = await insertTestUser(store, 'sandbox', { customerId: client.customer.id, roleId: 100, label: 'viewer' });
        assert.deepEqual((await searchLinks(call, face, req, viewer.token)).links, [], 'Viewers do not manage client links');
      });

      it('DirectManagingCustomerId: account and customer links of that manager; with ClientCustomerId only customer links', async () => {
        const direct = await searchLinks(call, face, within([{ Field: 'DirectManagingCustomerId', Operator: 'Equals', Value: agency.customer.id.toString() }]), agency.token);
        assert.deepEqual(ids(direct.links).sort(), [
          key('AccountLink', clientAccounts[0]!, agency, 'LinkPending'), key('AccountLink', clientAccounts[1]!, agency, 'Active'),
          key('CustomerLink', client.customer.id, agency, 'LinkPending'),
        ].sort());
        const both = await searchLinks(call, face, within([
          { Field: 'ClientCustomerId', Operator: 'Equals', Value: client.customer.id.toString() },
          { Field: 'DirectManagingCustomerId', Operator: 'Equals', Value: agency.customer.id.toString() },
        ]), client.token);
        assert.deepEqual(ids(both.links), [key('CustomerLink', client.customer.id, agency, 'LinkPending')]);
        const link = both.links![0]!;
        assert.equal(link.CustomerLinkPermission, 'Standard');
        assert.equal(link.ClientEntityNumber, client.customer.number);
        assert.equal(link.ManagingCustomerNumber, agency.customer.number);
      });

      it('ManagingCustomerId: that customer\'s account links and other customers\' links to the same accounts; ignored beside ClientAccountId', async () => {
        const managing = await searchLinks(call, face, within([{ Field: 'ManagingCustomerId', Operator: 'Equals', Value: agency.customer.id.toString() }]), agency.token);
        assert.deepEqual(ids(managing.links).sort(), [
          key('AccountLink', clientAccounts[0]!, agency, 'LinkPending'), key('AccountLink', clientAccounts[1]!, agency, 'Active'),
          key('AccountLink', clientAccounts[1]!, rival, 'LinkCanceled'),
        ].sort());
        const ignored = await searchLinks(call, face, within([
          ...byAccount(clientAccounts[2]!), { Field: 'ManagingCustomerId', Operator: 'Equals', Value: agency.customer.id.toString() },
        ]), client.token);
        assert.deepEqual(ids(ignored.links), [key('AccountLink', clientAccounts[2]!, rival, 'LinkPending')]);
      });

      it('ordering: Id by client entity, Number by ManagingCustomerNumber, Descending; paging', async () => {
        const req = [{ Field: 'ClientAccountId', Operator: 'In', Value: clientAccounts.join(',') }];
        const byId = await searchLinks(call, face, within(req, { ordering: { Field: 'Id', Order: 'Descending' } }), client.token);
        const entities = byId.links!.map((l) => BigInt(l.ClientEntityId!));
        assert.deepEqual(entities, [...entities].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
        const byNumber = await searchLinks(call, face, within(req, { ordering: { Field: 'Number', Order: 'Ascending' } }), client.token);
        const numbers = byNumber.links!.map((l) => l.ManagingCustomerNumber!);
        assert.deepEqual(numbers, [...numbers].sort());
        const page0 = await searchLinks(call, face, within(req, { ordering: { Field: 'Id', Order: 'Ascending' }, page: { Index: 0, Size: 3 } }), client.token);
        const page1 = await searchLinks(call, face, within(req, { ordering: { Field: 'Id', Order: 'Ascending' }, page: { Index: 1, Size: 3 } }), client.token);
        assert.equal(page0.links!.length, 3);
        assert.equal(page1.links!.length, 1);
        assert.deepEqual([...ids(page0.links), ...ids(page1.links)], ids((await searchLinks(call, face, within(req, { ordering: { Field: 'Id', Order: 'Ascending' } }), client.token)).links));
        const bad = await searchLinks(call, face, within(req, { ordering: { Field: 'LifeCycleStatus', Order: 'Ascending' } }), client.token);
        assert.deepEqual(bad.fault, [201]);
      });

      it('predicate rules: none 474; three, a repeated or unknown field, a wrong operator, both client fields, both manager fields, a non-id 3030', async () => {
        const id = client.customer.id.toString();
        assert.deepEqual((await searchLinks(call, face, within([]), client.token)).fault, [474]);
        const invalid: Array<SearchRequest['predicates']> = [
          [...byAccount(1n), { Field: 'DirectManagingCustomerId', Operator: 'Equals', Value: id }, { Field: 'ClientCustomerId', Operator: 'Equals', Value: id }],
          [...byAccount(1n), ...byAccount(2n)],
          [{ Field: 'AccountId', Operator: 'Equals', Value: id }],
          [{ Field: 'DirectManagingCustomerId', Operator: 'In', Value: id }],
          [...byAccount(1n), { Field: 'ClientCustomerId', Operator: 'Equals', Value: id }],
          [{ Field: 'ManagingCustomerId', Operator: 'Equals', Value: id }, { Field: 'DirectManagingCustomerId', Operator: 'Equals', Value: id }],
          [{ Field: 'ClientAccountId', Operator: 'Equals', Value: 'abc' }],
          [{ Field: 'ClientAccountId', Operator: 'In', Value: Array.from({ length: 11 }, (_, i) => i + 1).join(',') }],
        ];
        for (const predicates of invalid) {
          assert.deepEqual((await searchLinks(call, face, within(predicates), client.token)).fault, [3030], JSON.stringify(predicates));
        }
      });

      it('PageInfo: required, Index ≥ 0, Size ≤ 100 (3080); Size 0 returns no links', async () => {
        const req = byAccount(client.account.id);
        assert.deepEqual((await searchLinks(call, face, within(req, { page: null }), client.token)).fault, [3080]);
        assert.deepEqual((await searchLinks(call, face, within(req, { page: { Index: 0, Size: 101 } }), client.token)).fault, [3080]);
        assert.deepEqual((await searchLinks(call, face, within(req, { page: { Index: -1, Size: 10 } }), client.token)).fault, [3080]);
        assert.deepEqual((await searchLinks(call, face, within(req, { page: { Index: 0, Size: 0 } }), client.token)).links, []);
      });

      it('nothing matching is an empty list, never null; aggregatee links are not shown', async () => {
        const none = await searchLinks(call, face, within(byAccount(other.account.id)), agency.token);
        assert.deepEqual(none.links, []);
        if (face === 'SOAP') assert.match(none.raw.text, /<ClientLinks\/>|<ClientLinks><\/ClientLinks>/);
        if (face === 'REST') assert.deepEqual(((none.raw as RestResult).body as { ClientLinks: unknown }).ClientLinks, []);
      });

      it('every ClientLink element is written, in WSDL order, nil where unset', async () => {
        const found = await searchLinks(call, face, within(byAccount(clientAccounts[1]!)), agency.token);
        const link = found.links![0]!;
        if (face === 'SOAP') {
          assert.deepEqual(Object.keys(link), [...CLIENT_LINK_ELEMENTS, 'ClientEntityCustomerNumber']);
          assert.equal(link.ForwardCompatibilityMap, null);
        }
        assert.equal(link.ClientEntityName, (await store.getAccount(clientAccounts[1]!))?.name);
        assert.equal(link.ManagingCustomerName, agency.customer.name);
        assert.equal(link.ClientEntityCustomerNumber, client.customer.number);
        assert.equal(link.IsBillToClient, 'true');
        assert.equal(link.SuppressNotification, 'true');
        assert.match(link.LastModifiedDateTime!, face === 'SOAP' ? /\.\d{7}Z$/ : /\.\d{3}Z$/);
      });
    });
  }
});
