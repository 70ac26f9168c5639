// The server's --body-limit over SOAP: a larger body is HTTP 413 with a TrackingId, nothing stored,
// and small requests are still served.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, SANDBOX_DEVELOPER_TOKEN, type RunningServer } from '../../support/server.js';
import { envelope } from '../../support/clients.js';
import {
  expectOk, GUID, itLeaksNoStackTrace, useSoapProtocolWorld,
} from '../../support/soap-protocol-world.js';

const world = useSoapProtocolWorld();
const { call, postRaw } = world;

describe('a server with --body-limit 2048', () => {
  let small: RunningServer;
  before(async () => {
    small = await startServer({ args: ['--body-limit', '2048'] });
  });
  after(async () => {
    await small?.stop();
  });

  it('answers a 4 KB body with HTTP 413, storing nothing, and still serves small requests', async () => {
    const smallStore = await small.store();
    const demoUser = (await smallStore.getUser(BigInt((await smallStore.getMeta('demo_user_id'))!)))!;
    const count = async (): Promise<number> => (await smallStore.queryAccounts({ scope: { customerIds: [demoUser.customerId], accountIds: [] } })).length;
    const before = await count();
    const token = await small.token();
    const padding = `<e:Line2>${'p'.repeat(30)}</e:Line2>`;
    let body = envelope('AddAccount', `<Account><e:Name>Too Big</e:Name><e:ParentCustomerId>${demoUser.customerId}</e:ParentCustomerId></Account>`, { token, developerToken: SANDBOX_DEVELOPER_TOKEN });
    while (Buffer.byteLength(body) < 4096) body = body.replace('<e:Name>', `<!-- ${padding} --><e:Name>`);
    const r = await postRaw(body, small.soapUrl);
    assert.equal(r.status, 413, r.text);
    assert.match(r.headers.get('TrackingId') ?? '', GUID);
    assert.equal(await count(), before);
    const ok = await call('GetCurrentUser', '', { token, developerToken: SANDBOX_DEVELOPER_TOKEN }, small.soapUrl);
    expectOk(ok, 'GetCurrentUser');
  });
});

itLeaksNoStackTrace(world, 2);
