// Tenancy through client links, over REST and SOAP: an agency reaches a client account exactly
// while its link is Active (a LinkInProgress link once its StartDate has come), for every status a
// link can be in; a customer link reaches all of the client's accounts; links are one-way (the
// client gains nothing on the agency); a SignupCustomer child is reached by its aggregator alone;
// and a link's partners see its ClientLink while nobody else does. The expectations come from
// the world below, never from the server's access code.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity } from '../../../src/contract/values.js';
import type { Store } from '../../../src/store/store.js';
import { findAll } from '../../support/clients.js';
import { startServer, type RunningServer } from '../../support/server.js';
import { faces, type Faces } from '../../support/faces.js';
import { createTestTenant, insertTestAccount, insertTestUser, ownerOf, type TestTenant, type TestUser } from '../../support/fixtures.js';
import { byAccount, FACES, searchLinks, type Face } from '../../support/client-links.js';
import { DAY, getAccount, storeLink } from '../../support/links-world.js';

type Status = Entity<'ClientLinkStatus'>;
const STATUSES: readonly Status[] = [
  'LinkPending', 'LinkCanceled', 'LinkExpired', 'LinkAccepted', 'LinkDeclined', 'LinkInProgress', 'Active', 'LinkFailed',
  'UnlinkRequested', 'UnlinkPending', 'UnlinkCanceled', 'UnlinkInProgress', 'Inactive', 'UnlinkFailed',
];

describe('tenancy through client links', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let agency: TestTenant;
  let agencyViewer: TestUser;
  let client: TestTenant;
  let customerClient: TestTenant;
  let customerClientSecond: bigint;
  let stranger: TestTenant;
  let aggregatorParent: TestTenant;
  let aggregator: TestUser;
  let child: bigint;
  /** Client account per link case, and whether the agency must reach it. */
  const cases: Array<{ label: string; accountId: bigint; reached: boolean }> = [];

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    agency = await createTestTenant(store, 'sandbox', 'Tenancy Agency');
    agencyViewer = await insertTestUser(store, 'sandbox', { customerId: agency.customer.id, roleId: 100, label: 'agency viewer' });
    client = await createTestTenant(store, 'sandbox', 'Tenancy Client');
    stranger = await createTestTenant(store, 'sandbox', 'Tenancy Stranger');
    for (const status of STATUSES) {
      const account = await insertTestAccount(store, ownerOf(client));
      await storeLink(store, { clientEntityId: account.id, managingCustomerId: agency.customer.id, status, startDate: new Date(Date.now() + DAY) });
      // LinkInProgress with a StartDate to come grants nothing yet.
      cases.push({ label: status, accountId: account.id, reached: status === 'Active' });
    }
    const due = await insertTestAccount(store, ownerOf(client));
    await storeLink(store, { clientEntityId: due.id, managingCustomerId: agency.customer.id, status: 'LinkInProgress', startDate: new Date(Date.now() - 1000) });
    cases.push({ label: 'LinkInProgress, StartDate passed', accountId: due.id, reached: true });
    const expired = await insertTestAccount(store, ownerOf(client));
    await storeLink(store, { clientEntityId: expired.id, managingCustomerId: agency.customer.id, status: 'LinkPending', ageDays: 31 });
    cases.push({ label: 'LinkPending, 31 days old', accountId: expired.id, reached: false });
    const unlinked = await insertTestAccount(store, ownerOf(client));
    await storeLink(store, { clientEntityId: unlinked.id, managingCustomerId: agency.customer.id, status: 'Active' });
    await storeLink(store, { clientEntityId: unlinked.id, managingCustomerId: agency.customer.id, status: 'Inactive' });
    cases.push({ label: 'Active, then a newer Inactive link (history)', accountId: unlinked.id, reached: false });

    customerClient = await createTestTenant(store, 'sandbox', 'Tenancy Customer Client');
    customerClientSecond = (await insertTestAccount(store, ownerOf(customerClient))).id;
    await storeLink(store, { type: 'CustomerLink', clientEntityId: customerClient.customer.id, managingCustomerId: agency.customer.id, status: 'Active', permission: 'Standard' });

    aggregatorParent = await createTestTenant(store, 'sandbox', 'Tenancy Aggregator');
    aggregator = await insertTestUser(store, 'sandbox', { customerId: aggregatorParent.customer.id, roleId: 33, label: 'aggregator' });
    const signup = await call.rest('SignupCustomer', {
      Customer: { Industry: 'Other', MarketCountry: 'US', MarketLanguage: 'English', Name: 'Tenancy Child' },
      Account: { Name: 'Tenancy Child Account', CurrencyCode: 'USD', BusinessAddress: { Line1: '1 Way', City: 'Redmond', StateOrProvince: 'WA', PostalCode: '98052', CountryCode: 'US' } },
      ParentCustomerId: aggregatorParent.customer.id.toString(),
    }, aggregator.token);
    assert.equal(signup.status, 200, signup.text);
    child = BigInt(signup.body.AccountId as string);
  });
  after(async () => { await server?.stop(); });

  async function accountsInfo(face: Face, token: string, customerId: bigint): Promise<string[]> {
    if (face === 'REST') {
      const r = await call.rest('GetAccountsInfo', { CustomerId: customerId.toString(), OnlyParentAccounts: false }, token);
      assert.equal(r.status, 200, r.text);
      return (r.body.AccountsInfo as Array<{ Id: string }>).map((a) => a.Id).sort();
    }
    const r = await call.soap('GetAccountsInfo', `<CustomerId>${customerId}</CustomerId><OnlyParentAccounts>false</OnlyParentAccounts>`, token);
    assert.equal(r.status, 200, r.text);
    return findAll(r.root, 'AccountInfo').map((a) => a.children.find((c) => c.local === 'Id')!.text).sort();
  }

  for (const face of FACES) {
    describe(face, () => {
      it('an agency reaches a client account exactly while the link is Active, whatever state it is in', async () => {
        const seen: string[] = [];
        const expected: string[] = [];
        for (const c of cases) {
          for (const [who, token] of [['Super Admin', agency.token], ['Viewer', agencyViewer.token]] as const) {
            seen.push(`${c.label}/${who}: ${await getAccount(call, face, c.accountId, token)}`);
            expected.push(`${c.label}/${who}: ${c.reached ? 'ok' : '106'}`);
          }
        }
        assert.deepEqual(seen, expected);
      });

      it('GetAccountsInfo of the agency lists its own accounts, its Active client accounts and its customer link\'s accounts', async () => {
        const expected = [
          agency.account.id, ...cases.filter((c) => c.reached).map((c) => c.accountId), customerClient.account.id, customerClientSecond,
        ].map(String).sort();
        assert.deepEqual(await accountsInfo(face, agency.token, agency.customer.id), expected);
      });

      it('links are one-way: the client reaches none of the agency\'s accounts; a stranger none of the client\'s', async () => {
        assert.equal(await getAccount(call, face, agency.account.id, client.token), '106');
        assert.equal(await getAccount(call, face, agency.account.id, customerClient.token), '106');
        for (const c of cases) assert.equal(await getAccount(call, face, c.accountId, stranger.token), '106', c.label);
        assert.equal(await getAccount(call, face, customerClientSecond, stranger.token), '106');
      });

      it('a customer link reaches every account of the client customer', async () => {
        for (const id of [customerClient.account.id, customerClientSecond]) assert.equal(await getAccount(call, face, id, agency.token), 'ok');
      });

      it('a SignupCustomer child account is reached by its aggregator and no one else', async () => {
        assert.equal(await getAccount(call, face, child, aggregator.token), 'ok');
        assert.equal(await getAccount(call, face, child, aggregatorParent.token), 'ok');
        for (const token of [agency.token, client.token, stranger.token]) assert.equal(await getAccount(call, face, child, token), '106');
      });

      it('a link is seen by its two partners only', async () => {
        const active = cases.find((c) => c.label === 'Active')!;
        for (const token of [agency.token, client.token]) {
          assert.deepEqual((await searchLinks(call, face, { predicates: byAccount(active.accountId) }, token)).links?.map((l) => l.Status), ['Active']);
        }
        for (const token of [stranger.token, customerClient.token, aggregator.token]) {
          assert.deepEqual((await searchLinks(call, face, { predicates: byAccount(active.accountId) }, token)).links, []);
        }
        const byManager = { predicates: [{ Field: 'DirectManagingCustomerId', Operator: 'Equals', Value: agency.customer.id.toString() }] };
        assert.deepEqual((await searchLinks(call, face, byManager, stranger.token)).links, []);
        assert.equal((await searchLinks(call, face, byManager, agency.token)).links?.length, cases.length + 1,
          'one link per pair (the history case shows its newest only) plus the customer link');
      });
    });
  }
});
