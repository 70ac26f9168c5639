// The request log: GET /_adcenter/requests lists every API call (SOAP and REST) newest first with
// its TrackingId, operation, user, status, fault codes, duration and bodies — credentials redacted —,
// filters by TrackingId, operation and status, keeps only --request-log-size calls, and the web
// page /requests shows the same.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, SANDBOX_DEVELOPER_TOKEN } from '../../support/server.js';
import { envelope, postSoap, rest } from '../../support/clients.js';
import { faces } from '../../support/faces.js';
import { loggedCalls } from '../../support/admin.js';

const KEYS = ['trackingId', 'time', 'protocol', 'operation', 'userName', 'customerId', 'accountId', 'status', 'faultCodes', 'durationMs', 'request', 'response'];

describe('request log', () => {
  it('records SOAP and REST calls newest first, with user, status, fault codes and redacted bodies', async () => {
    const server = await startServer();
    try {
      const token = await server.token();
      const api = faces(server);
      const soapOk = await api.soap('GetUser', '<UserId i:nil="true"/>', token);
      const restOk = await rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, {
        token, developerToken: SANDBOX_DEVELOPER_TOKEN, headers: { CustomerId: '123', CustomerAccountId: '456' },
      });
      const restBad = await api.rest('GetUser', { UserId: null }, 'not-a-token');
      // Legacy UserName/Password headers: refused (105), and the password must not reach the log.
      const soapBad = await postSoap(server.soapUrl, envelope('GetUser', '<UserId i:nil="true"/>', { developerToken: SANDBOX_DEVELOPER_TOKEN },
        '<UserName>someone@example.test</UserName><Password>Sup3r-secret-pw</Password>'), 'GetUser');
      assert.equal(soapOk.status, 200);
      assert.equal(restOk.status, 200);
      assert.equal(restBad.status, 401);
      assert.equal(soapBad.status, 500);

      const calls = await loggedCalls(server.url);
      assert.equal(calls.length, 4);
      assert.deepEqual(Object.keys(calls[0]!), KEYS);
      // Newest first, each under the TrackingId its response carried.
      assert.deepEqual(calls.map((c) => c.trackingId), [soapBad, restBad, restOk, soapOk].map((r) => r.headers.get('TrackingId')));
      assert.deepEqual(calls.map((c) => [c.protocol, c.operation, c.status, c.faultCodes]), [
        ['soap', 'GetUser', 500, [105]], ['rest', 'GetUser', 401, [105]], ['rest', 'GetUser', 200, []], ['soap', 'GetUser', 200, []],
      ]);
      assert.deepEqual(calls.map((c) => c.userName), [null, null, 'admin@adcenter.local', 'admin@adcenter.local']);
      assert.equal(calls[2]!.customerId, '123');
      assert.equal(calls[2]!.accountId, '456');
      for (const c of calls) {
        assert.ok(Number.isFinite(c.durationMs) && c.durationMs >= 0);
        assert.ok(!Number.isNaN(Date.parse(c.time)));
      }
      assert.ok(Date.parse(calls[0]!.time) >= Date.parse(calls[3]!.time));
      // The bodies are the texts that travelled, with credentials redacted.
      assert.equal(calls[2]!.request, '{"UserId":null}');
      assert.equal(calls[2]!.response, restOk.text);
      assert.equal(calls[3]!.response, soapOk.text);
      assert.match(calls[3]!.request, /<AuthenticationToken i:nil="false">\[redacted\]<\/AuthenticationToken><DeveloperToken i:nil="false">\[redacted\]<\/DeveloperToken>/);
      assert.match(calls[0]!.request, /<Password>\[redacted\]<\/Password>/);
      const all = JSON.stringify(calls);
      assert.ok(!all.includes(token), 'the access token is in the log');
      assert.ok(!all.includes('Sup3r-secret-pw'), 'the password is in the log');
      assert.ok(!all.includes(SANDBOX_DEVELOPER_TOKEN), 'the developer token is in the log');

      // Filters: TrackingId, operation, status (exact or class), limit.
      const id = restOk.headers.get('TrackingId')!;
      assert.deepEqual((await loggedCalls(server.url, `?trackingId=${id}`)).map((c) => c.trackingId), [id]);
      assert.equal((await loggedCalls(server.url, '?trackingId=00000000-0000-0000-0000-000000000000')).length, 0);
      assert.equal((await loggedCalls(server.url, '?operation=getuser')).length, 4);
      assert.equal((await loggedCalls(server.url, '?operation=GetAccount')).length, 0);
      assert.deepEqual((await loggedCalls(server.url, '?status=401')).map((c) => c.trackingId), [restBad.headers.get('TrackingId')]);
      assert.equal((await loggedCalls(server.url, '?status=5xx')).length, 1);
      assert.deepEqual((await loggedCalls(server.url, '?limit=1')).map((c) => c.trackingId), [soapBad.headers.get('TrackingId')]);
      const bad = await fetch(`${server.url}/_adcenter/requests?limit=zero`);
      assert.equal(bad.status, 400);
      assert.match(((await bad.json()) as { error: string }).error, /limit/);

      // The WSDL, the OpenAPI document and unknown paths are not API calls.
      await fetch(`${server.soapUrl}?wsdl`);
      await fetch(`${server.url}/CustomerManagement/v13/openapi.json`);
      await fetch(`${server.url}/CustomerManagement/v13/Nothing`, { method: 'POST' });
      assert.equal((await loggedCalls(server.url)).length, 4);

      // The web page lists the same calls, bodies redacted.
      const page = await fetch(`${server.url}/requests?operation=GetUser&status=2xx`);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.ok(html.includes(`data-tracking-id="${id}"`));
      assert.ok(html.includes(`data-tracking-id="${soapOk.headers.get('TrackingId')}"`));
      assert.ok(!html.includes(`data-tracking-id="${restBad.headers.get('TrackingId')}"`), 'status filter ignored on the page');
      assert.ok(!html.includes(token));
    } finally {
      await server.stop();
    }
  });

  it('records calls refused before the operation ran (unreadable XML, a body over the limit)', async () => {
    const server = await startServer({ args: ['--body-limit', '2000'] });
    try {
      const broken = await postSoap(server.soapUrl, '<s:Envelope', 'GetUser');
      const big = await fetch(`${server.url}/CustomerManagement/v13/User/Query`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ UserId: 'x'.repeat(5000) }),
      });
      assert.equal(broken.status, 500);
      assert.equal(big.status, 413);
      const calls = await loggedCalls(server.url);
      assert.deepEqual(calls.map((c) => [c.protocol, c.operation, c.status, c.faultCodes]), [
        ['rest', 'GetUser', 413, [100]], ['soap', 'GetUser', 500, [100]],
      ]);
      assert.equal(calls[1]!.request, '<s:Envelope');
    } finally {
      await server.stop();
    }
  });

  it('keeps only the last --request-log-size calls; 0 turns it off', async () => {
    const server = await startServer({ args: ['--request-log-size', '3'] });
    const off = await startServer({ args: ['--request-log-size', '0'] });
    try {
      const token = await server.token();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await faces(server).rest('GetUser', { UserId: null }, token)).headers.get('TrackingId')!);
      assert.deepEqual((await loggedCalls(server.url)).map((c) => c.trackingId), ids.slice(2).reverse());
      assert.deepEqual((await loggedCalls(server.url, '?limit=100')).length, 3);

      await faces(off).rest('GetUser', { UserId: null }, await off.token());
      assert.deepEqual(await loggedCalls(off.url), []);
      assert.equal((await fetch(`${off.url}/requests`)).status, 404);
    } finally {
      await server.stop();
      await off.stop();
    }
  });
});
