// adcenter-client retries a 117 CallRateExceeded that adcenter itself answers, injected through
// POST /_adcenter/faults (issue 11): the first GetUser is refused, the retry succeeds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AdApiError } from 'adcenter-client';
import { startServer, type RunningServer } from '../../support/server.js';
import { PROTOCOLS, sdkClient } from '../../support/sdk-client.js';

describe('adcenter-client: retry on an injected 117', () => {
  let server: RunningServer;
  let token: string;
  before(async () => {
    server = await startServer();
    token = await server.token();
  });
  after(async () => { await server?.stop(); });

  const inject = async (count: number): Promise<void> => {
    const res = await fetch(`${server.url}/_adcenter/faults`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ operation: 'GetUser', code: 117, count }),
    });
    assert.ok(res.ok, `POST /_adcenter/faults answered ${res.status}`);
  };

  for (const protocol of PROTOCOLS) {
    it(`${protocol}: one injected 117 is retried and the call succeeds`, async () => {
      await inject(1);
      const r = await sdkClient(server, protocol, token, { backoff: { baseMs: 20, maxMs: 100 } }).getUser();
      assert.ok(r.User?.Id);
    });

    it(`${protocol}: more 117s than retries: the fault is thrown`, async () => {
      await inject(3);
      const err = await sdkClient(server, protocol, token, { retries: 1, backoff: { baseMs: 20, maxMs: 100 } }).getUser().then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof AdApiError && err.has(117), String(err));
      // The third injected 117 is still pending: a call with the default retries drains it.
      assert.ok((await sdkClient(server, protocol, token, { backoff: { baseMs: 20, maxMs: 100 } }).getUser()).User?.Id);
    });
  }
});
