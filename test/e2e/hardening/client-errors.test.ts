// Issue 9, hardening: a request node's HTTP parser refuses (here a control character in SOAPAction)
// is answered in the face's own fault — a SOAP fault on the SOAP path, the JSON fault elsewhere —
// never with fastify's {"error":"Bad Request"} JSON.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../support/server.js';
import { find, findAll, openRaw, parseSoapText, splitResponse } from './support.js';

const SOAP_PATH = '/Api/CustomerManagement/v13/CustomerManagementService.svc';
const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server: RunningServer;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

/** Sends one raw request and waits for the server to answer and close. */
async function rawExchange(request: string): Promise<ReturnType<typeof splitResponse>> {
  const conn = await openRaw(server.url, request);
  await conn.closed;
  return splitResponse(conn.received());
}

const withHeader = (path: string, header: string): string =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml; charset=utf-8\r\n${header}\r\nContent-Length: 0\r\n\r\n`;

describe('requests the HTTP parser refuses', () => {
  it('a control character in SOAPAction on the SOAP path: a SOAP fault, 100 NullRequest', async () => {
    const res = await rawExchange(withHeader(SOAP_PATH, 'SOAPAction: "Get\u0001User"'));
    assert.equal(res.status, 400, JSON.stringify(res));
    assert.match(res.headers['content-type'] ?? '', /^text\/xml; charset=utf-8$/);
    assert.match(res.headers.trackingid ?? '', GUID);
    const root = parseSoapText(res.body);
    assert.equal(root.uri, SOAP_ENV);
    assert.ok(find(root, 'Fault', SOAP_ENV), res.body);
    assert.ok(find(root, 'AdApiFaultDetail', 'https://adapi.microsoft.com'), res.body);
    assert.deepEqual(findAll(root, 'Code').map((c) => Number(c.text)), [100]);
    assert.equal(find(root, 'TrackingId')?.text, res.headers.trackingid);
  });

  it('the same on the SOAP path in another letter case (paths are case-insensitive)', async () => {
    const res = await rawExchange(withHeader(SOAP_PATH.toLowerCase(), 'SOAPAction: "\u007f"'));
    assert.equal(res.status, 400);
    assert.deepEqual(findAll(parseSoapText(res.body), 'Code').map((c) => Number(c.text)), [100]);
  });

  it('on the REST path: the REST face\'s JSON fault, 100 NullRequest', async () => {
    const res = await rawExchange(withHeader('/CustomerManagement/v13/User/Query', 'DeveloperToken: a\u0002b'));
    assert.equal(res.status, 400);
    assert.match(res.headers['content-type'] ?? '', /^application\/json/);
    const body = JSON.parse(res.body) as { TrackingId: string; Type: string; Errors: Array<{ Code: number; ErrorCode: string }> };
    assert.deepEqual(Object.keys(body).sort(), ['Errors', 'TrackingId', 'Type']);
    assert.equal(body.Type, 'AdApiFaultDetail');
    assert.deepEqual(body.Errors.map((e) => [e.Code, e.ErrorCode]), [[100, 'NullRequest']]);
    assert.equal(body.TrackingId, res.headers.trackingid);
  });

  it('the server keeps serving afterwards', async () => {
    const res = await fetch(`${server.url}/health`);
    assert.equal(res.status, 200);
  });
});
