// Issue 9, hardening: a client that sends its headers and then one body byte now and then is cut
// after --request-timeout (408, in the face's fault), connections beyond --max-connections are
// closed at once, and a normal client is served all the while. A test server with a 1 s request
// timeout and a cap of 16; every connection goes to 127.0.0.1 and every loop is bounded.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../support/server.js';
import { findAll, openRaw, parseSoapText, splitResponse, type RawConnection } from './support.js';

const SOAP_PATH = '/Api/CustomerManagement/v13/CustomerManagementService.svc';
const REST_PATH = '/CustomerManagement/v13/AccountsInfo/Query';
const TIMEOUT_MS = 1000;
const CAP = 16;

let server: RunningServer;
before(async () => {
  server = await startServer({ args: ['--request-timeout', String(TIMEOUT_MS / 1000), '--max-connections', String(CAP)] });
});
after(async () => { await server?.stop(); });

/** Headers promising a megabyte, one byte of it, then one more byte every 200 ms until cut (at most 50). */
async function slowBody(path: string): Promise<RawConnection & { stop(): void }> {
  const conn = await openRaw(server.url, `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml; charset=utf-8\r\n`
    + 'SOAPAction: "GetUser"\r\nContent-Length: 1000000\r\n\r\n<');
  let sent = 0;
  const drip = setInterval(() => {
    if (conn.socket.destroyed || ++sent > 50) { clearInterval(drip); return; }
    conn.socket.write(' ');
  }, 200);
  void conn.closed.then(() => clearInterval(drip));
  return { ...conn, stop: () => { clearInterval(drip); conn.socket.destroy(); } };
}

describe('slow request bodies and the connection cap', () => {
  it('slow bodies are cut after the request timeout with 408 while a normal client is served', async () => {
    const slow = await Promise.all([...Array(6)].map((_, i) => slowBody(i % 2 === 0 ? SOAP_PATH : REST_PATH)));
    try {
      await new Promise((r) => setTimeout(r, 300));
      // While they hang: a normal request is answered at once.
      const started = Date.now();
      const health = await fetch(`${server.url}/health`);
      assert.equal(health.status, 200);
      assert.ok(Date.now() - started < TIMEOUT_MS, 'served while the slow ones hang');
      assert.ok(slow.every((c) => !c.socket.destroyed), 'the slow ones are still open');

      const lifetimes = await Promise.all(slow.map((c) => c.closed));
      for (const ms of lifetimes) {
        assert.ok(ms >= TIMEOUT_MS - 100, `cut after the timeout, not before (${ms} ms)`);
        assert.ok(ms < TIMEOUT_MS + 2500, `cut soon after the timeout (${ms} ms)`);
      }
      slow.forEach((c, i) => {
        const res = splitResponse(c.received());
        assert.equal(res.status, 408, c.received());
        if (i % 2 === 0) {
          assert.match(res.headers['content-type'] ?? '', /^text\/xml/);
          assert.deepEqual(findAll(parseSoapText(res.body), 'Code').map((e) => Number(e.text)), [100]);
        } else {
          assert.match(res.headers['content-type'] ?? '', /^application\/json/);
          const body = JSON.parse(res.body) as { Type: string; Errors: Array<{ Code: number }> };
          assert.equal(body.Type, 'AdApiFaultDetail');
          assert.deepEqual(body.Errors.map((e) => e.Code), [100]);
        }
      });
    } finally {
      slow.forEach((c) => c.stop());
    }
  });

  it('connections beyond the cap are closed at once; once the silent ones time out, clients are served again', async () => {
    const silent: RawConnection[] = [];
    try {
      for (let i = 0; i < CAP; i++) silent.push(await openRaw(server.url));
      await new Promise((r) => setTimeout(r, 100));
      const extra = await openRaw(server.url, 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const lifetime = await extra.closed;
      assert.equal(extra.received(), '', 'no answer beyond the cap');
      assert.ok(lifetime < TIMEOUT_MS, `closed at once (${lifetime} ms)`);

      // The silent connections never sent their headers: cut by the same timeout.
      const lifetimes = await Promise.all(silent.map((c) => c.closed));
      for (const ms of lifetimes) assert.ok(ms < TIMEOUT_MS + 2500, `silent connection cut (${ms} ms)`);
      const after = await openRaw(server.url, 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
      await after.closed;
      assert.equal(splitResponse(after.received()).status, 200, after.received());
    } finally {
      silent.forEach((c) => c.socket.destroy());
    }
  });
});
