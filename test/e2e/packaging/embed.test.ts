// In-process use, as a test suite would write it: the package's own entry point (imported by
// its name, through package.json "exports", as a user's code imports it) starts a server on a
// free port with a store in memory, and hands back URLs, a ready token and stop().
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAdcenter } from 'adcenter';
import { find, rest, soap } from '../../support/clients.js';

describe('startAdcenter (import { startAdcenter } from \'adcenter\')', () => {
  const dirs: string[] = [];
  after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  it('starts a sandbox server on a free port whose token and developer token work over SOAP and REST; stop() ends it', async () => {
    const server = await startAdcenter();
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.notEqual(new URL(server.url).port, '8080');
      assert.equal(server.soapUrl, `${server.url}/Api/CustomerManagement/v13/CustomerManagementService.svc`);
      assert.equal(server.environment, 'sandbox');
      assert.equal(server.developerToken, 'BBD37VB98');
      assert.equal(server.demo.userName, 'admin@adcenter.local');

      const user = await soap(server.soapUrl, 'GetUser', '<UserId i:nil="true"/>', { token: server.token, developerToken: server.developerToken });
      assert.equal(user.status, 200, user.text);
      assert.equal(find(user.root, 'UserName')?.text, 'admin@adcenter.local');
      assert.equal(find(user.root, 'User')?.children.find((c) => c.local === 'Id')?.text, server.demo.userId);

      const found = await rest(server.url, 'POST', '/CustomerManagement/v13/Accounts/Find', { AccountFilter: '', TopN: 10 },
        { token: await server.issueToken(), developerToken: server.developerToken });
      assert.equal(found.status, 200);
      assert.deepEqual((found.body.AccountsInfo as Array<{ Id: string }>).map((a) => a.Id), [server.demo.accountId]);
    } finally {
      await server.stop();
    }
    await assert.rejects(fetch(`${server.url}/health`), 'nothing listens after stop()');
    await server.stop(); // a second stop() is harmless
  });

  it('two servers in one process keep separate in-memory stores', async () => {
    const [a, b] = await Promise.all([startAdcenter(), startAdcenter()]);
    try {
      assert.notEqual(a.url, b.url);
      const foreign = await rest(b.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, { token: a.token, developerToken: 'BBD37VB98' });
      assert.equal(foreign.status, 401);
      assert.equal((foreign.body.Errors as Array<{ Code: number }>)[0]!.Code, 105, 'a token of one store is unknown to the other');
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('production: its own developer token works and the universal sandbox one is refused', async () => {
    const server = await startAdcenter({ environment: 'production' });
    try {
      assert.equal(server.environment, 'production');
      assert.match(server.token, /^prd\./);
      assert.notEqual(server.developerToken, 'BBD37VB98');
      const ok = await rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, { token: server.token, developerToken: server.developerToken });
      assert.equal(ok.status, 200);
      const refused = await rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, { token: server.token, developerToken: 'BBD37VB98' });
      assert.equal((refused.body.Errors as Array<{ Code: number }>)[0]!.Code, 105);
    } finally {
      await server.stop();
    }
  });

  it('a data folder keeps the store across stop() and start, and keeps its environment', async () => {
    const data = mkdtempSync(join(tmpdir(), 'adcenter-embed-'));
    dirs.push(data);
    const first = await startAdcenter({ data });
    const token = first.token;
    const accountId = first.demo.accountId;
    await first.stop();
    const second = await startAdcenter({ data });
    try {
      assert.equal(second.demo.accountId, accountId, 'the same demo tenant, not a new one');
      const me = await rest(second.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, { token, developerToken: 'BBD37VB98' });
      assert.equal(me.status, 200, 'the first run\'s token is still valid');
    } finally {
      await second.stop();
    }
    await assert.rejects(startAdcenter({ data, environment: 'production' }), /holds sandbox data; it cannot be served as production/);
  });

  it('starts from a seed object (fixed token usable at once), and /_adcenter/reset returns to it', async () => {
    const seed = {
      version: 1,
      customers: [{ name: 'Embedded Seed Customer', accounts: [{ name: 'Embedded Seed Account' }] }],
      users: [{ userName: 'seeded@embed.example', roles: [{ customer: 'Embedded Seed Customer', role: 'SuperAdmin' }],
        accessTokens: [{ token: 'sbx.embed-fixed-token-0001' }] }],
    };
    const server = await startAdcenter({ seed });
    try {
      const auth = { token: 'sbx.embed-fixed-token-0001', developerToken: 'BBD37VB98' };
      const me = await rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, auth);
      assert.equal(me.status, 200);
      assert.equal((me.body.User as { UserName: string }).UserName, 'seeded@embed.example');
      // A change, then a reset: the change is gone, the seeded token works again.
      const add = await rest(server.url, 'POST', '/CustomerManagement/v13/Account', {
        Account: { Name: 'Added after start', CurrencyCode: 'USD', ParentCustomerId: (me.body.User as { CustomerId: string }).CustomerId },
      }, auth);
      const reset = await fetch(`${server.url}/_adcenter/reset`, { method: 'POST' });
      assert.equal(reset.status, 200);
      const again = await rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, auth);
      assert.equal(again.status, 200, 'the seeded token is back after the reset');
      if (add.status === 200) {
        const gone = await rest(server.url, 'POST', '/CustomerManagement/v13/Account/Query', { AccountId: (add.body as { AccountId: string }).AccountId }, auth);
        assert.notEqual(gone.status, 200, 'the account added before the reset is gone');
      }
      const demo = await rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, { token: await server.issueToken(), developerToken: 'BBD37VB98' });
      assert.equal(demo.status, 200, 'the demo tenant is there beside the seed');
    } finally {
      await server.stop();
    }
    await assert.rejects(startAdcenter({ seed: { customers: 'none' } }), /startAdcenter seed/);
  });
});
