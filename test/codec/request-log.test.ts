// The request log's ring buffer and redaction, without a server: what is kept, in which order, and
// that no credential survives, whatever the body looks like (self-closing, cut, escaped, nested).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_BODY_BYTES, RequestLog, type RecordedCall } from '../../src/codec/request-log/request-log.js';
import { faultCodesOf, redactJson, redactSoap } from '../../src/codec/request-log/redact.js';

function call(n: number, over: Partial<RecordedCall> = {}): RecordedCall {
  return {
    trackingId: `t${n}`, time: 1_700_000_000_000 + n, protocol: 'rest', operation: 'GetUser', userName: 'u@example.test',
    customerId: null, accountId: null, status: 200, durationMs: 1, request: '{}', response: '{}', ...over,
  };
}

describe('request log: redaction', () => {
  it('SOAP: credential elements with any prefix and attributes; self-closing ones kept; a cut-off one too', () => {
    assert.equal(
      redactSoap('<h:AuthenticationToken i:nil="false">abc</h:AuthenticationToken><DeveloperToken>BBD37VB98</DeveloperToken><a:Password i:nil="true"/><PasswordHint>x</PasswordHint>'),
      '<h:AuthenticationToken i:nil="false">[redacted]</h:AuthenticationToken><DeveloperToken>[redacted]</DeveloperToken><a:Password i:nil="true"/><PasswordHint>x</PasswordHint>');
    assert.equal(redactSoap('<s:Header><AuthenticationToken>secret-rest-of-body'), '<s:Header><AuthenticationToken>[redacted]');
    assert.equal(redactSoap('<Password>one</Password><Password>two</Password>'), '<Password>[redacted]</Password><Password>[redacted]</Password>');
  });

  it('JSON: members by name at any depth and in any case, escaped quotes included', () => {
    assert.equal(redactJson('{"User":{"Password":"p\\"w","Name":"n"},"refresh_token" : "r","ClientSecret":"c","TimeStamp":"t"}'),
      '{"User":{"Password":"[redacted]","Name":"n"},"refresh_token" : "[redacted]","ClientSecret":"[redacted]","TimeStamp":"t"}');
  });

  it('fault codes: of an error answer only', () => {
    assert.deepEqual(faultCodesOf('rest', 429, '{"Errors":[{"Code":117},{"Code": 0}]}'), [117, 0]);
    assert.deepEqual(faultCodesOf('rest', 200, '{"OperationErrors":[{"Code":3024}]}'), []);
    assert.deepEqual(faultCodesOf('soap', 500, '<e:Code>105</e:Code><d:Code>2108</d:Code>'), [105, 2108]);
  });
});

describe('request log: ring buffer', () => {
  it('keeps the last N calls, newest first, and filters', () => {
    const log = new RequestLog(3);
    for (let n = 1; n <= 5; n++) log.add(call(n, { status: n === 4 ? 401 : 200, operation: n === 5 ? 'GetAccount' : 'GetUser' }));
    assert.deepEqual(log.list().map((e) => e.trackingId), ['t5', 't4', 't3']);
    assert.deepEqual(log.list({ status: '4xx' }).map((e) => e.trackingId), ['t4']);
    assert.deepEqual(log.list({ status: '200' }).map((e) => e.trackingId), ['t5', 't3']);
    assert.deepEqual(log.list({ operation: 'getaccount' }).map((e) => e.trackingId), ['t5']);
    assert.deepEqual(log.list({ trackingId: 't1' }), []);
    assert.deepEqual(log.list({ limit: 1 }).map((e) => e.trackingId), ['t5']);
    log.clear();
    assert.deepEqual(log.list(), []);
    const off = new RequestLog(0);
    off.add(call(1));
    assert.equal(off.enabled, false);
    assert.deepEqual(off.list(), []);
  });

  it('cuts big bodies, and a credential the cut left open is still redacted when read', () => {
    const log = new RequestLog(3);
    const body = `<s:Header><AuthenticationToken>${'s'.repeat(MAX_BODY_BYTES)}</AuthenticationToken></s:Header>${'x'.repeat(MAX_BODY_BYTES)}`;
    log.add(call(1, { protocol: 'soap', request: Buffer.from(body), response: 'y'.repeat(MAX_BODY_BYTES * 2) }));
    const json = `{"Accounts":[${'{"Name":"n"},'.repeat(MAX_BODY_BYTES / 13)}{"Password":"${'p'.repeat(100)}"}]}`;
    log.add(call(2, { request: `{"User":{"Password":"${'q'.repeat(MAX_BODY_BYTES)}"}}`, response: json }));
    const [rest, soap] = log.list();
    assert.equal(soap!.request, '<s:Header><AuthenticationToken>[redacted]…[cut]');
    assert.equal(soap!.response.length, MAX_BODY_BYTES + '…[cut]'.length);
    assert.equal(rest!.request, '{"User":{"Password":"[redacted]"…[cut]');
    assert.ok(!rest!.request.includes('qqq') && !rest!.response.includes('ppp'));
    assert.ok(rest!.response.endsWith('…[cut]'));
  });

  it('keeps the bodies within a byte budget, dropping the oldest calls', () => {
    const log = new RequestLog(100, 5 * MAX_BODY_BYTES);
    const page = 'a'.repeat(2 * MAX_BODY_BYTES);
    for (let n = 1; n <= 20; n++) log.add(call(n, { response: page }));
    // Each call keeps MAX_BODY_BYTES + 2 characters: four fit in the budget, not five.
    assert.deepEqual(log.list().map((e) => e.trackingId), ['t20', 't19', 't18', 't17']);
    log.add(call(21));
    assert.deepEqual(log.list().map((e) => e.trackingId), ['t21', 't20', 't19', 't18', 't17']);
    log.clear();
    for (let n = 1; n <= 150; n++) log.add(call(n));
    assert.equal(log.list({ limit: 1000 }).length, 100);
    assert.equal(log.list()[0]!.trackingId, 't150');
    assert.equal(log.list({ limit: 1000 }).at(-1)!.trackingId, 't51');
  });
});
