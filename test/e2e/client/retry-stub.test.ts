// adcenter-client's rate-limit handling against a tiny local stub (node:http) that answers 429
// (REST) or a SOAP fault with 117 CallRateExceeded a few times, then succeeds: the call is retried
// with backoff, Retry-After is honoured, and `retries` bounds the attempts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AdApiError, CustomerManagementClient } from 'adcenter-client';

interface Script {
  /** Answers still to refuse before succeeding. */
  refusals: number;
  retryAfter?: string;
  requests: Array<{ at: number; path: string; auth: string | undefined }>;
}

const SOAP_117 = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode>'
  + '<faultstring>Invalid client data.</faultstring><detail><AdApiFaultDetail xmlns="https://adapi.microsoft.com" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">'
  + '<TrackingId>11111111-2222-3333-4444-555555555555</TrackingId><Errors><AdApiError><Code>117</Code><Detail i:nil="true"/><ErrorCode>CallRateExceeded</ErrorCode>'
  + '<Message>You have exceeded the number of calls.</Message></AdApiError></Errors></AdApiFaultDetail></detail></s:Fault></s:Body></s:Envelope>';
const SOAP_OK = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetUserMFAStatusResponse xmlns="https://bingads.microsoft.com/Customer/v13">'
  + '<MFAStatus>true</MFAStatus></GetUserMFAStatusResponse></s:Body></s:Envelope>';

describe('adcenter-client: retry on 429 / 117 (local stub)', () => {
  let stub: Server;
  let url: string;
  let script: Script;
  before(async () => {
    stub = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        script.requests.push({ at: Date.now(), path: req.url ?? '', auth: req.headers.authorization ?? undefined });
        const soap = (req.url ?? '').startsWith('/Api/');
        if (script.refusals > 0) {
          script.refusals--;
          const headers: Record<string, string> = script.retryAfter !== undefined ? { 'Retry-After': script.retryAfter } : {};
          if (soap) {
            res.writeHead(500, { 'Content-Type': 'text/xml', ...headers }).end(SOAP_117);
          } else {
            res.writeHead(429, { 'Content-Type': 'application/json', TrackingId: 'rest-tracking', ...headers })
              .end(JSON.stringify({ TrackingId: 'rest-tracking', Type: 'AdApiFaultDetail', Errors: [{ Code: 117, Detail: null, ErrorCode: 'CallRateExceeded', Message: 'Too many calls.' }] }));
          }
          return;
        }
        if (soap) res.writeHead(200, { 'Content-Type': 'text/xml' }).end(SOAP_OK);
        else res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ MFAStatus: true }));
      });
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => stub.close(() => resolve())));

  const client = (protocol: 'rest' | 'soap', retries?: number): CustomerManagementClient => new CustomerManagementClient({
    developerToken: 'dev', accessToken: 'token', baseUrl: url, protocol, backoff: { baseMs: 40, maxMs: 200 }, ...(retries !== undefined ? { retries } : {}),
  });

  for (const protocol of ['rest', 'soap'] as const) {
    it(`${protocol}: two refusals, then success — three requests, with growing waits`, async () => {
      script = { refusals: 2, requests: [] };
      assert.deepEqual(await client(protocol).getUserMFAStatus(), { MFAStatus: true });
      assert.equal(script.requests.length, 3);
      const [a, b, c] = script.requests.map((r) => r.at);
      // Equal jitter: the first wait is 20–40 ms, the second 40–80 ms.
      assert.ok(b! - a! >= 18, `first wait ${b! - a!} ms`);
      assert.ok(c! - b! >= 38, `second wait ${c! - b!} ms`);
    });

    it(`${protocol}: retries bounds the attempts, then the 117 is thrown as AdApiError`, async () => {
      script = { refusals: 10, requests: [] };
      const err = await client(protocol, 2).getUserMFAStatus().then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof AdApiError);
      assert.deepEqual(err.errors.map((e) => [e.Code, e.ErrorCode]), [[117, 'CallRateExceeded']]);
      assert.equal(err.httpStatus, protocol === 'rest' ? 429 : 500);
      assert.equal(err.trackingId, protocol === 'rest' ? 'rest-tracking' : '11111111-2222-3333-4444-555555555555');
      assert.equal(script.requests.length, 3, 'one call and two retries');
    });

    it(`${protocol}: Retry-After is honoured instead of the backoff`, async () => {
      script = { refusals: 1, retryAfter: '1', requests: [] };
      await client(protocol).getUserMFAStatus();
      assert.equal(script.requests.length, 2);
      assert.ok(script.requests[1]!.at - script.requests[0]!.at >= 950, 'waited the second Retry-After asked for');
    });
  }

  it('retries: 0 makes no retry at all', async () => {
    script = { refusals: 1, requests: [] };
    await assert.rejects(client('rest', 0).getUserMFAStatus(), AdApiError);
    assert.equal(script.requests.length, 1);
  });
});
