// client.iterate() walks every page of SearchAccounts, SearchCustomers and SearchClientLinks,
// over REST and SOAP: every item once, in order, pages of the size asked for.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../support/server.js';
import { createTestTenant, insertTestAccount, type TestTenant } from '../../support/fixtures.js';
import { storeLink } from '../../support/links-world.js';
import { PROTOCOLS, sdkClient } from '../../support/sdk-client.js';

describe('adcenter-client: iterate over pages', () => {
  let server: RunningServer;
  let T: TestTenant;
  let accountIds: string[];
  before(async () => {
    server = await startServer();
    const store = await server.store();
    T = await createTestTenant(store, 'sandbox', 'Paging');
    for (let i = 0; i < 6; i++) await insertTestAccount(store, { customerId: T.customer.id, paymentMethodId: T.paymentMethod.id, primaryUserId: T.user.id });
    accountIds = (await store.queryAccounts({ scope: { customerIds: [T.customer.id], accountIds: [] } })).map((a) => a.id.toString()).sort();
    // Seven links managed by T's customer, one per client account.
    for (let i = 0; i < 7; i++) {
      const client = await createTestTenant(store, 'sandbox', `Paging client ${i}`);
      await storeLink(store, { clientEntityId: client.account.id, managingCustomerId: T.customer.id, status: 'Active' });
    }
  });
  after(async () => { await server?.stop(); });

  for (const protocol of PROTOCOLS) {
    it(`${protocol}: SearchAccounts, 7 accounts in pages of 3 (3 + 3 + 1)`, async () => {
      const client = sdkClient(server, protocol, T.token);
      const pages: number[] = [];
      const seen: string[] = [];
      for await (const account of client.iterate('SearchAccounts', {
        Predicates: [{ Field: 'CustomerId', Operator: 'Equals', Value: T.customer.id.toString() }], Ordering: [{ Field: 'Id', Order: 'Ascending' }],
      }, { pageSize: 3, onPage: (p) => pages.push(p.items) })) {
        seen.push(account.Id!);
      }
      assert.equal(accountIds.length, 7);
      assert.deepEqual(seen, accountIds);
      assert.deepEqual(pages, [3, 3, 1]);
    });

    it(`${protocol}: SearchClientLinks, 7 links in pages of 2; a page exactly full asks once more`, async () => {
      const client = sdkClient(server, protocol, T.token);
      const pages: number[] = [];
      const links = [];
      for await (const link of client.iterate('SearchClientLinks', {
        Predicates: [{ Field: 'ManagingCustomerId', Operator: 'Equals', Value: T.customer.id.toString() }],
      }, { pageSize: 2, onPage: (p) => pages.push(p.items) })) links.push(link);
      assert.equal(links.length, 7);
      assert.equal(new Set(links.map((l) => l.ClientEntityId)).size, 7);
      assert.deepEqual(pages, [2, 2, 2, 1]);
      const full: number[] = [];
      let n = 0;
      for await (const _ of client.iterate('SearchClientLinks', {
        Predicates: [{ Field: 'ManagingCustomerId', Operator: 'Equals', Value: T.customer.id.toString() }],
      }, { pageSize: 7, onPage: (p) => full.push(p.items) })) n++;
      assert.equal(n, 7);
      assert.deepEqual(full, [7, 0]);
    });

    it(`${protocol}: SearchCustomers starts at the PageInfo index given`, async () => {
      const client = sdkClient(server, protocol, T.token);
      const all = [];
      for await (const c of client.iterate('SearchCustomers', {
        Predicates: [{ Field: 'CustomerId', Operator: 'Equals', Value: T.customer.id.toString() }], PageInfo: { Index: 0, Size: 1 },
      })) all.push(c.Id);
      assert.deepEqual(all, [T.customer.id.toString()]);
    });
  }
});
