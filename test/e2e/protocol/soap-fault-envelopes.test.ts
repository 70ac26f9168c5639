// The two SOAP fault envelopes of reference §4.2, element by element: AdApiFaultDetail and ApiFault,
// their faultcode and faultstring, the TrackingId in header and detail.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SANDBOX_DEVELOPER_TOKEN } from '../../support/server.js';
import { ADAPI, CM, EXC, type SoapCredentials } from '../../support/clients.js';
import { parseXml as parseScoped, resolveQName, clark } from '../../support/xml-tree.js';
import {
  FAULT_STRING, GUID, itLeaksNoStackTrace, must, SOAP_ENV, useSoapProtocolWorld,
} from '../../support/soap-protocol-world.js';

const world = useSoapProtocolWorld();
const { call } = world;
let admin: SoapCredentials;
before(async () => { await world.started(); ({ admin } = world); });

describe('SOAP faults (reference §4.2)', () => {
  it('an AdApiFaultDetail fault: HTTP 500, s:Server, the documented faultstring, Errors/AdApiError{Code, Detail, ErrorCode, Message}', async () => {
    const r = await call('GetUser', '<UserId i:nil="true"/>', { token: 'not-a-token', developerToken: SANDBOX_DEVELOPER_TOKEN });
    assert.equal(r.status, 500);
    assert.match(r.headers.get('content-type') ?? '', /^text\/xml/);
    const doc = parseScoped(r.text);
    assert.equal(clark(doc.uri, doc.local), clark(SOAP_ENV, 'Envelope'));
    const body = must(doc.children.find((c) => c.local === 'Body' && c.uri === SOAP_ENV), 'Body');
    const fault = must(body.children[0], 'Fault');
    assert.equal(clark(fault.uri, fault.local), clark(SOAP_ENV, 'Fault'));
    assert.deepEqual(fault.children.map((c) => c.local), ['faultcode', 'faultstring', 'detail']);
    for (const c of fault.children) assert.equal(c.uri, '', `${c.local} is unqualified, as SOAP 1.1 wants`);
    const faultcode = fault.children[0]!;
    assert.equal(resolveQName(faultcode, faultcode.text.trim()), clark(SOAP_ENV, 'Server'));
    const faultstring = fault.children[1]!;
    const m = FAULT_STRING.exec(faultstring.text);
    assert.ok(m, faultstring.text);
    const trackingId = m[1]!;
    assert.match(trackingId, GUID);
    assert.equal(r.headers.get('TrackingId'), trackingId);

    const detail = must(fault.children[2]!.children[0], 'AdApiFaultDetail');
    assert.equal(clark(detail.uri, detail.local), clark(ADAPI, 'AdApiFaultDetail'));
    assert.deepEqual(detail.children.map((c) => clark(c.uri, c.local)), [clark(ADAPI, 'TrackingId'), clark(ADAPI, 'Errors')]);
    assert.equal(detail.children[0]!.text, trackingId);
    const errors = detail.children[1]!.children;
    assert.equal(errors.length, 1);
    const error = errors[0]!;
    assert.equal(clark(error.uri, error.local), clark(ADAPI, 'AdApiError'));
    assert.deepEqual(error.children.map((c) => clark(c.uri, c.local)), ['Code', 'Detail', 'ErrorCode', 'Message'].map((n) => clark(ADAPI, n)));
    const [code, , errorCode, message] = error.children;
    assert.equal(code!.text, '105');
    assert.equal(errorCode!.text, 'InvalidCredentials');
    assert.equal(message!.text, 'Authentication failed. Either supplied credentials are invalid or the account is inactive');
  });

  it('an ApiFault fault: TrackingId in the adapi namespace, OperationErrors/OperationError{Code, Details, Message} in the Exception namespace, no ErrorCode', async () => {
    const r = await call('GetAccount', '<AccountId>9007199254740993</AccountId>', admin);
    assert.equal(r.status, 500);
    const doc = parseScoped(r.text);
    const fault = must(doc.children.find((c) => c.local === 'Body')?.children[0], 'Fault');
    const faultcode = fault.children.find((c) => c.local === 'faultcode')!;
    assert.equal(resolveQName(faultcode, faultcode.text.trim()), clark(SOAP_ENV, 'Server'));
    const trackingId = FAULT_STRING.exec(fault.children.find((c) => c.local === 'faultstring')!.text)?.[1];
    assert.ok(trackingId);
    assert.equal(r.headers.get('TrackingId'), trackingId);
    const detail = must(fault.children.find((c) => c.local === 'detail')?.children[0], 'ApiFault');
    assert.equal(clark(detail.uri, detail.local), clark(CM, 'ApiFault'));
    assert.deepEqual(detail.children.map((c) => clark(c.uri, c.local)), [clark(ADAPI, 'TrackingId'), clark(EXC, 'OperationErrors')]);
    assert.equal(detail.children[0]!.text, trackingId);
    const op = must(detail.children[1]!.children[0], 'OperationError');
    assert.equal(clark(op.uri, op.local), clark(EXC, 'OperationError'));
    assert.deepEqual(op.children.map((c) => clark(c.uri, c.local)), ['Code', 'Details', 'Message'].map((n) => clark(EXC, n)));
    assert.equal(op.children[0]!.text, '2108');
    assert.equal(op.children[2]!.text, 'The account identifier is invalid.');
    assert.ok(!/ErrorCode/.test(r.text), 'ApiFault carries no ErrorCode element');
  });

});

itLeaksNoStackTrace(world, 2);
