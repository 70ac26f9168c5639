// Developer tokens on the API: issued to a user, checked on every call, ended by revocation and
// by the deletion of the user they were issued to. (The portal pages are tested in test/web.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { issueDeveloperToken } from '../../../src/domain/developer-tokens/issue-developer-token.js';
import { hashSecret } from '../../../src/domain/credentials.js';
import { encodeTimeStamp } from '../../../src/domain/timestamps.js';
import type { Store } from '../../../src/store/store.js';
import { rest } from '../../support/clients.js';
import { createTestTenant, insertTestUser, type TestTenant } from '../../support/fixtures.js';
import { startServer, type RunningServer } from '../../support/server.js';

const CURRENT_USER = '/CustomerManagement/v13/CurrentUser/Query';

describe('developer tokens', () => {
  let server: RunningServer;
  let store: Store;
  let tenant: TestTenant;

  before(async () => {
    server = await startServer();
    store = await server.store();
    tenant = await createTestTenant(store, 'sandbox', 'DevTokens');
  });
  after(async () => server?.stop());

  const errorCode = (body: Record<string, unknown>): number | undefined => (body.Errors as Array<{ Code: number }> | undefined)?.[0]?.Code;

  it('an issued token works with any user\'s access token until it is revoked', async () => {
    const developerToken = await issueDeveloperToken(store, tenant.user.id);
    const ok = await rest(server.url, 'POST', CURRENT_USER, {}, { token: tenant.token, developerToken });
    assert.equal(ok.status, 200);
    const record = await store.findDeveloperToken(hashSecret(developerToken));
    assert.ok(record && await store.revokeDeveloperToken(record.id, new Date()));
    const refused = await rest(server.url, 'POST', CURRENT_USER, {}, { token: tenant.token, developerToken });
    assert.equal(refused.status, 401);
    assert.equal(errorCode(refused.body), 105);
  });

  it('a token stops working when the user it was issued to is deleted', async () => {
    const member = await insertTestUser(store, 'sandbox', { customerId: tenant.customer.id, roleId: 203, label: 'Leaver' });
    const developerToken = await issueDeveloperToken(store, member.user.id);
    assert.equal((await rest(server.url, 'POST', CURRENT_USER, {}, { token: tenant.token, developerToken })).status, 200);

    const current = (await store.getUser(member.user.id))!;
    const deleted = await rest(server.url, 'DELETE', '/CustomerManagement/v13/User', {
      UserId: String(current.id), TimeStamp: Buffer.from(encodeTimeStamp(current.version)).toString('base64'),
    }, { token: tenant.token, developerToken: 'BBD37VB98' });
    assert.equal(deleted.status, 200, deleted.text);

    const refused = await rest(server.url, 'POST', CURRENT_USER, {}, { token: tenant.token, developerToken });
    assert.equal(refused.status, 401);
    assert.equal(errorCode(refused.body), 105);
  });
});
