// Fault injection: POST /_adcenter/faults makes the next matching calls fail with a documented
// error — the same answer the service gives for it, over SOAP and REST — and/or answer late;
// GET lists the rules, DELETE clears them; a body that is not a valid rule is refused with 400.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../support/server.js';
import { faces, type Faces } from '../../support/faces.js';
import { admin, loggedCalls, withoutTrackingIds } from '../../support/admin.js';
import { createTestTenant, tokenFor } from '../../support/fixtures.js';

const MESSAGE_117 = 'You have exceeded the number of calls that you are allowed to make in a minute. Please reduce the number of calls that you make per minute.';
const ENVELOPE_NS = 'xmlns="https://adapi.microsoft.com" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:a="https://bingads.microsoft.com/Customer/v13/Entities" xmlns:b="http://schemas.datacontract.org/2004/07/System.Collections.Generic" xmlns:c="http://schemas.microsoft.com/2003/10/Serialization/Arrays" xmlns:d="https://bingads.microsoft.com/Customer/v13/Exception" xmlns:e="https://adapi.microsoft.com"';

function soapFault117(trackingId: string): string {
  return '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode>'
    + `<faultstring xml:lang="en-US">Invalid client data. Check the SOAP fault details for more information. TrackingId: ${trackingId}.</faultstring>`
    + `<detail><AdApiFaultDetail ${ENVELOPE_NS}><e:TrackingId>${trackingId}</e:TrackingId><e:Errors><e:AdApiError><e:Code>117</e:Code>`
    + `<e:Detail i:nil="true"/><e:ErrorCode>CallRateExceeded</e:ErrorCode><e:Message>${MESSAGE_117}</e:Message></e:AdApiError></e:Errors>`
    + '</AdApiFaultDetail></detail></s:Fault></s:Body></s:Envelope>';
}

describe('fault injection', () => {
  let server: RunningServer;
  let api: Faces;
  let token: string;
  const inject = (rule: unknown) => admin(server.url, 'POST', '/faults', rule);

  before(async () => {
    server = await startServer();
    api = faces(server);
    token = await server.token();
  });
  after(async () => server.stop());

  it('117 on the next `count` matching calls, exactly as the service answers it (SOAP 500, REST 429)', async () => {
    const created = await inject({ operation: 'GetUser', code: 117, count: 2 });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.fault, { id: (created.body.fault as { id: number }).id, operation: 'GetUser', userName: null, code: 117, latencyMs: 0, count: 2, ratio: null });
    assert.equal(((await admin(server.url, 'GET', '/faults')).body.faults as unknown[]).length, 1);

    // Another operation is not affected.
    assert.equal((await api.rest('GetCustomersInfo', { CustomerNameFilter: '', TopN: 10 }, token)).status, 200);

    const soap = await api.soap('GetUser', '<UserId i:nil="true"/>', token);
    assert.equal(soap.status, 500);
    assert.equal(soap.headers.get('content-type'), 'text/xml; charset=utf-8');
    assert.equal(soap.text, soapFault117(soap.headers.get('TrackingId')!));

    const restCall = await api.rest('GetUser', { UserId: null }, token);
    assert.equal(restCall.status, 429);
    assert.equal(restCall.headers.get('retry-after'), null);
    assert.deepEqual(restCall.body, {
      TrackingId: restCall.headers.get('TrackingId'), Type: 'AdApiFaultDetail',
      Errors: [{ Code: 117, Detail: null, ErrorCode: 'CallRateExceeded', Message: MESSAGE_117 }],
    });

    // Used up: the next call succeeds and the rule is gone.
    assert.equal((await api.rest('GetUser', { UserId: null }, token)).status, 200);
    assert.deepEqual((await admin(server.url, 'GET', '/faults')).body, { faults: [] });
    // The log shows the injected faults like any other.
    const logged = await loggedCalls(server.url, '?operation=GetUser&limit=3');
    assert.deepEqual(logged.map((c) => [c.protocol, c.status, c.faultCodes]), [['rest', 200, []], ['rest', 429, [117]], ['soap', 500, [117]]]);
  });

  it('an injected 109 is the same answer as a really expired token (SOAP and REST)', async () => {
    const store = await server.store();
    const demo = (await store.getUserByName('admin@adcenter.local'))!;
    const expired = await tokenFor(store, demo.id, {
      now: new Date(Date.now() - 2 * 3600_000), lifetimeSeconds: 60,
    });
    const realSoap = await api.soap('GetUser', '<UserId i:nil="true"/>', expired);
    const realRest = await api.rest('GetUser', { UserId: null }, expired);
    assert.equal(realRest.status, 401);
    assert.equal((realRest.body.Errors as Array<{ Code: number }>)[0]!.Code, 109);

    await inject({ operation: '*', code: 109, count: 2 });
    const soap = await api.soap('GetUser', '<UserId i:nil="true"/>', token);
    const restCall = await api.rest('GetUser', { UserId: null }, token);
    assert.equal(soap.status, realSoap.status);
    assert.equal(withoutTrackingIds(soap.text), withoutTrackingIds(realSoap.text));
    assert.equal(restCall.status, 401);
    assert.equal(withoutTrackingIds(restCall.text), withoutTrackingIds(realRest.text));
  });

  it('0 InternalError (REST 500) and an operation error code (2108, ApiFault shape)', async () => {
    await inject({ operation: 'GetUser', code: 0 });
    const internal = await api.rest('GetUser', { UserId: null }, token);
    assert.equal(internal.status, 500);
    assert.deepEqual(internal.body.Errors, [{ Code: 0, Detail: null, ErrorCode: 'InternalError', Message: 'An unidentified error has occurred.' }]);

    await inject({ operation: 'GetAccount', code: 2108 });
    const soap = await api.soap('GetAccount', '<AccountIdentifier>1</AccountIdentifier>', token);
    assert.equal(soap.status, 500);
    assert.match(soap.text, /<detail><ApiFault xmlns="https:\/\/bingads.microsoft.com\/Customer\/v13"[^>]*><e:TrackingId>[^<]+<\/e:TrackingId><d:OperationErrors><d:OperationError><d:Code>2108<\/d:Code><d:Details i:nil="true"\/><d:Message>The account identifier is invalid.<\/d:Message><\/d:OperationError><\/d:OperationErrors><\/ApiFault><\/detail>/);
  });

  it('only for the named user; after authentication (an unauthenticated call keeps its own fault)', async () => {
    const store = await server.store();
    const other = await createTestTenant(store, 'sandbox', 'Other');
    await inject({ operation: '*', userName: other.user.userName.toUpperCase(), code: 106 });
    assert.equal((await api.rest('GetUser', { UserId: null }, token)).status, 200);
    const anonymous = await api.rest('GetUser', { UserId: null }, 'no-such-token');
    assert.equal(anonymous.status, 401);
    assert.deepEqual((anonymous.body.Errors as Array<{ Code: number }>).map((e) => e.Code), [105]);
    assert.equal(((await admin(server.url, 'GET', '/faults')).body.faults as unknown[]).length, 1, 'the rule is still waiting for its user');
    const hit = await api.rest('GetUser', { UserId: null }, other.token);
    assert.equal(hit.status, 403);
    assert.deepEqual((hit.body.Errors as Array<{ Code: number }>).map((e) => e.Code), [106]);
  });

  it('added latency, with or without a fault', async () => {
    await inject({ operation: 'GetUser', latencyMs: 700 });
    let start = Date.now();
    const slow = await api.rest('GetUser', { UserId: null }, token);
    assert.equal(slow.status, 200);
    assert.ok(Date.now() - start >= 690, `answered after ${Date.now() - start} ms`);

    await inject({ operation: 'GetUser', latencyMs: 500, code: 117 });
    start = Date.now();
    const slowFault = await api.soap('GetUser', '<UserId i:nil="true"/>', token);
    assert.ok(Date.now() - start >= 490);
    assert.equal(slowFault.text, soapFault117(slowFault.headers.get('TrackingId')!));

    start = Date.now();
    assert.equal((await api.rest('GetUser', { UserId: null }, token)).status, 200);
    assert.ok(Date.now() - start < 490, 'latency applied to a call after the rule was used up');
  });

  it('a ratio of the matching calls until cleared; DELETE clears', async () => {
    await inject({ operation: 'GetUser', code: 117, ratio: 0.5 });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await api.rest('GetUser', { UserId: null }, token)).status);
    assert.ok(statuses.includes(429) && statuses.includes(200), `statuses: ${statuses.join(',')}`);
    assert.ok(statuses.every((s) => s === 429 || s === 200));
    assert.equal(((await admin(server.url, 'GET', '/faults')).body.faults as Array<{ count: unknown }>)[0]!.count, null);
    const cleared = await admin(server.url, 'DELETE', '/faults');
    assert.equal(cleared.status, 200);
    assert.deepEqual(cleared.body, { faults: [] });
    for (let i = 0; i < 5; i++) assert.equal((await api.rest('GetUser', { UserId: null }, token)).status, 200);

    // ratio 1 with a count: exactly that many.
    await inject({ operation: 'GetUser', code: 117, ratio: 1, count: 2 });
    const next = [];
    for (let i = 0; i < 3; i++) next.push((await api.rest('GetUser', { UserId: null }, token)).status);
    assert.deepEqual(next, [429, 429, 200]);
  });

  it('refuses a body that is not a valid rule, with a clear JSON error', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ operation: 'GetUsers', code: 117 }, /operation "GetUsers" is not an operation of this service/],
      [{ code: 117 }, /operation is required/],
      [{ operation: 'GetUser', code: 999 }, /code 999 is not an error code this service documents; use one of 0, 100, 105/],
      [{ operation: 'GetUser', code: '117' }, /code must be a whole number/],
      [{ operation: 'GetUser' }, /Give a code, a latencyMs above 0, or both/],
      [{ operation: 'GetUser', code: 117, count: 0 }, /count must be a whole number from 1/],
      [{ operation: 'GetUser', code: 117, ratio: 1.5 }, /ratio must be a number above 0 and at most 1/],
      [{ operation: 'GetUser', latencyMs: -1 }, /latencyMs must be a whole number from 0 to 120000/],
      [{ operation: 'GetUser', code: 117, userName: '' }, /userName must be a non-empty string/],
      [{ operation: 'GetUser', code: 117, colour: 'red' }, /Unknown field\(s\): colour/],
      [[{ operation: 'GetUser', code: 117 }], /must be a JSON object/],
      ['{"operation": "GetUser", ', /not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const r = await inject(body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.match(String(r.body.error), message);
    }
    assert.deepEqual((await admin(server.url, 'GET', '/faults')).body, { faults: [] });
  });
});
