// SOAP authentication (reference §6): every failure with its code, and a production server's
// tokens kept apart from a sandbox server's.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, SANDBOX_DEVELOPER_TOKEN, type RunningServer } from '../../support/server.js';
import type { Store } from '../../../src/store/store.js';
import { ADAPI, envelope, find, type SoapCredentials, type SoapResult } from '../../support/clients.js';
import { issueAccessToken } from '../../../src/auth/issue-tokens.js';
import { hashSecret } from '../../../src/domain/credentials.js';
import {
  expectFault, expectOk, itLeaksNoStackTrace, must, NIL, useSoapProtocolWorld, type SoapProtocolWorld,
} from '../../support/soap-protocol-world.js';

const world = useSoapProtocolWorld();
const { post, call, addAccountBody } = world;
let store: Store;
let admin: SoapCredentials;
let demo: SoapProtocolWorld['demo'];
before(async () => { await world.started(); ({ store, admin, demo } = world); });

describe('SOAP authentication (reference §6)', () => {
  const getUser = (creds: SoapCredentials, extraHeaders = ''): Promise<SoapResult> => post(envelope('GetUser', '<UserId i:nil="true"/>', creds, extraHeaders), 'GetUser');

  it('works with a valid token and the universal sandbox developer token (control)', async () => {
    expectOk(await getUser(admin), 'GetUser');
  });

  it('a missing AuthenticationToken or DeveloperToken is 116 RequestMissingHeaders', async () => {
    expectFault(await getUser({ developerToken: SANDBOX_DEVELOPER_TOKEN }), 116, 'AdApiFaultDetail');
    expectFault(await getUser({ token: admin.token }), 116, 'AdApiFaultDetail');
    expectFault(await getUser({}), 116, 'AdApiFaultDetail');
    // Empty or nil elements count as missing.
    expectFault(await post(envelope('GetUser', '', {}, `<AuthenticationToken></AuthenticationToken><DeveloperToken>${SANDBOX_DEVELOPER_TOKEN}</DeveloperToken>`), 'GetUser'), 116, 'AdApiFaultDetail');
    expectFault(await post(envelope('GetUser', '', {}, `<AuthenticationToken i:nil="true"/><DeveloperToken>${SANDBOX_DEVELOPER_TOKEN}</DeveloperToken>`), 'GetUser'), 116, 'AdApiFaultDetail');
  });

  it('the legacy UserName and Password headers are refused with 105', async () => {
    const legacy = `<UserName>admin@adcenter.local</UserName><Password>secret</Password>`;
    expectFault(await getUser({ developerToken: SANDBOX_DEVELOPER_TOKEN }, legacy), 105, 'AdApiFaultDetail');
    // Even next to a valid token, a password is not accepted.
    expectFault(await getUser(admin, '<Password>secret</Password>'), 105, 'AdApiFaultDetail');
  });

  it('an unknown access token is 105', async () => {
    expectFault(await getUser({ token: 'sbx.' + 'A'.repeat(43), developerToken: SANDBOX_DEVELOPER_TOKEN }), 105, 'AdApiFaultDetail');
  });

  it('an expired access token is 109 AuthenticationTokenExpired', async () => {
    const issued = await issueAccessToken(store, 'sandbox', demo.userId, { lifetimeSeconds: 1 });
    await sleep(1_200);
    const r = await getUser({ token: issued.accessToken, developerToken: SANDBOX_DEVELOPER_TOKEN });
    expectFault(r, 109, 'AdApiFaultDetail');
    assert.equal(find(r.root, 'ErrorCode', ADAPI)?.text, 'AuthenticationTokenExpired');
    // No detail text: Detail is written nil, not empty.
    const detail = must(find(r.root, 'Detail', ADAPI), 'Detail');
    assert.equal(detail.attributes.get(NIL), 'true');
    assert.equal(detail.text, '');
  });

  it('a revoked access token is 105', async () => {
    const issued = await issueAccessToken(store, 'sandbox', demo.userId);
    const creds = { token: issued.accessToken, developerToken: SANDBOX_DEVELOPER_TOKEN };
    expectOk(await getUser(creds), 'GetUser');
    assert.equal(await store.revokeAccessToken(hashSecret(issued.accessToken), new Date()), true);
    expectFault(await getUser(creds), 105, 'AdApiFaultDetail');
  });

  it('a token without the sandbox API scope is 3101', async () => {
    const issued = await issueAccessToken(store, 'sandbox', demo.userId, { scope: 'https://ads.microsoft.com/msads.manage' });
    expectFault(await getUser({ token: issued.accessToken, developerToken: SANDBOX_DEVELOPER_TOKEN }), 3101, 'AdApiFaultDetail');
  });

  it('a developer token that was never issued is 105', async () => {
    expectFault(await getUser({ token: admin.token, developerToken: 'ZZZZ9999ZZZZ9999ZZZZ' }), 105, 'AdApiFaultDetail');
  });

  it('authentication comes before validation: an anonymous malformed request learns only 116', async () => {
    const r = await call('AddAccount', addAccountBody('x', '<e:Id>not-a-number</e:Id>'), {});
    expectFault(r, 116, 'AdApiFaultDetail');
  });

  describe('on a production server', () => {
    let prod: RunningServer;
    let prodDeveloperToken: string;
    let prodToken: string;

    before(async () => {
      prod = await startServer({ environment: 'production' });
      const m = /developer token\s+(\S+)/.exec(prod.banner);
      assert.ok(m, prod.banner);
      prodDeveloperToken = m[1]!;
      prodToken = await prod.token();
    });
    after(async () => {
      await prod?.stop();
    });

    it('its own tokens work (control)', async () => {
      expectOk(await call('GetUser', '<UserId i:nil="true"/>', { token: prodToken, developerToken: prodDeveloperToken }, prod.soapUrl), 'GetUser');
    });

    it('the universal sandbox developer token BBD37VB98 is 105', async () => {
      expectFault(await call('GetUser', '<UserId i:nil="true"/>', { token: prodToken, developerToken: SANDBOX_DEVELOPER_TOKEN }, prod.soapUrl), 105, 'AdApiFaultDetail');
    });

    it('a sandbox server\'s access token is 105', async () => {
      expectFault(await call('GetUser', '<UserId i:nil="true"/>', { token: admin.token, developerToken: prodDeveloperToken }, prod.soapUrl), 105, 'AdApiFaultDetail');
    });

    it('a production token presented to the sandbox server is 105', async () => {
      expectFault(await call('GetUser', '<UserId i:nil="true"/>', { token: prodToken, developerToken: SANDBOX_DEVELOPER_TOKEN }), 105, 'AdApiFaultDetail');
      expectFault(await call('GetUser', '<UserId i:nil="true"/>', { token: admin.token, developerToken: prodDeveloperToken }), 105, 'AdApiFaultDetail');
    });
  });
});

itLeaksNoStackTrace(world, 20);
